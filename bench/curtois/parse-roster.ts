/**
 * Curtois–Qu roster reader. Input: the text of a `solutions/*.roster` file, XML of the shape
 *   <Roster …> <SchedulingPeriodFile>…</SchedulingPeriodFile> [<Penalty>P</Penalty> …]
 *     <Employee ID="A"><Assign><Day>1</Day><Shift>D</Shift></Assign>…</Employee>…
 *     [<Violations>…</Violations>]
 *   </Roster>
 * Output: the assignments {employee, day, shift}, or problems naming their line. The files are small and
 * well-formed, so a few regular expressions over the text do (no XML library among the dependencies). The
 * optional `<Violations>` block (instance 8's file) repeats `<Employee>` elements that hold no assignment;
 * it is skipped. Whether the ids and days exist in the instance is the evaluator's question, not this one's.
 */
import type { CurtoisParsed } from "./instance.js";

export interface RosterAssignment {
  employee: string;
  /** 0-based day. */
  day: number;
  shift: string;
}

export interface CurtoisRoster {
  assignments: RosterAssignment[];
  /** Employees the file lists, in file order, including those with no assignment. */
  employees: string[];
  /** The `<SchedulingPeriodFile>` the roster names, when it does. */
  schedulingPeriodFile?: string;
  /** The `<Penalty>` the file states for itself, when it does (instance 8's file). */
  statedPenalty?: number;
}

export type RosterProblemCode = "not-a-roster" | "bad-assign" | "not-an-integer";

export interface RosterProblem {
  code: RosterProblemCode;
  line?: number;
  message: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, name: string) =>
    name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name]!,
  );
}

/** The text with a region blanked out, newlines kept, so match offsets still give the right line. */
const blank = (region: string): string => region.replace(/[^\r\n]/g, " ");

export function parseCurtoisRoster(xml: string): CurtoisParsed<CurtoisRoster, RosterProblem> {
  const problems: RosterProblem[] = [];
  const lineAt = (offset: number): number => xml.slice(0, offset).split(/\r\n|\n|\r/).length;
  const text = xml.replace(/<!--[\s\S]*?-->/g, blank).replace(/<Violations\b[\s\S]*?<\/Violations\s*>/g, blank);
  if (!/<Roster\b[^>]*>[\s\S]*<\/Roster\s*>/.test(text)) {
    return { ok: false, problems: [{ code: "not-a-roster", message: "no <Roster> … </Roster> element" }] };
  }

  const roster: CurtoisRoster = { assignments: [], employees: [] };
  const periodFile = /<SchedulingPeriodFile>([\s\S]*?)<\/SchedulingPeriodFile>/.exec(text);
  if (periodFile) roster.schedulingPeriodFile = decodeXmlText(periodFile[1]!.trim());
  const penalty = /<Penalty>\s*(\d+)\s*<\/Penalty>/.exec(text);
  if (penalty) roster.statedPenalty = Number(penalty[1]);

  const employeeElement = /<Employee\s+ID\s*=\s*(["'])([\s\S]*?)\1\s*(?:\/>|>([\s\S]*?)<\/Employee\s*>)/g;
  for (const e of text.matchAll(employeeElement)) {
    const employee = decodeXmlText(e[2]!);
    roster.employees.push(employee);
    const body = e[3] ?? "";
    const bodyOffset = e.index + e[0].indexOf(body);
    for (const a of body.matchAll(/<Assign>([\s\S]*?)<\/Assign\s*>/g)) {
      const line = lineAt(bodyOffset + a.index);
      const dayText = /<Day>([\s\S]*?)<\/Day>/.exec(a[1]!)?.[1]?.trim();
      const shift = /<Shift>([\s\S]*?)<\/Shift>/.exec(a[1]!)?.[1]?.trim();
      if (dayText === undefined || shift === undefined || shift === "") {
        problems.push({ code: "bad-assign", line, message: `an <Assign> of employee ${employee} needs a <Day> and a <Shift>` });
        continue;
      }
      if (!/^\d+$/.test(dayText)) {
        problems.push({ code: "not-an-integer", line, message: `<Day> of employee ${employee} must be a whole number (got "${dayText}")` });
        continue;
      }
      roster.assignments.push({ employee, day: Number(dayText), shift: decodeXmlText(shift) });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: roster };
}
