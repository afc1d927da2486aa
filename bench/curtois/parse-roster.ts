/**
 * Curtois–Qu roster reader. Input: the text of a `solutions/*.roster` file, XML of the shape
 *   <Roster …> <SchedulingPeriodFile>…</SchedulingPeriodFile> [<Penalty>P</Penalty> …]
 *     <Employee ID="A"><Assign><Day>1</Day><Shift>D</Shift></Assign>…</Employee>…
 *     [<Violations>…</Violations>]
 *   </Roster>
 * Output: the assignments {employee, day, shift}, or problems naming their line. There is no XML library
 * among the dependencies, so a small reader of this subset walks the tags with a stack: a tag left open or
 * closed out of turn is a problem, and so is anything in an `<Employee>` or `<Assign>` that is not an
 * assignment — a roster is judged as written or not at all, never with a part guessed or dropped. The
 * optional `<Violations>` block (instance 8's file) repeats `<Employee>` elements that hold no assignment;
 * it is skipped, as are the other descriptive children of `<Roster>` (`<DateFound>`, `<CpuTime>`, …).
 * Whether the ids and days exist in the instance is the evaluator's question, not this one's.
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

export type RosterProblemCode = "not-a-roster" | "malformed" | "bad-assign" | "not-an-integer";

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

/** An `&` that does not start an entity `decodeXmlText` knows. */
const UNKNOWN_ENTITY = /&(?!(?:#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);)/;

interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  line: number;
  children: XmlElement[];
  /** Character data directly inside the element (CDATA included), decoded, with the line of its first non-blank part. */
  text: string;
  textLine?: number;
}

/**
 * Tags, comments, processing instructions, a doctype, CDATA and character data, one token each; a `<`
 * that starts none of them is matched alone and reported.
 */
const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|</g;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document's top-level elements, or the first well-formedness problem. */
function readElements(xml: string, lineAt: (offset: number) => number): { ok: true; roots: XmlElement[] } | { ok: false; problem: RosterProblem } {
  const root: XmlElement = { name: "", attributes: new Map(), line: 1, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const malformed = (offset: number, message: string) => ({ ok: false as const, problem: { code: "malformed" as const, line: lineAt(offset), message } });
  for (const m of xml.matchAll(TOKEN)) {
    const [token, cdata, closing, name, attributeText, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (cdata !== undefined || text !== undefined) {
      const raw = cdata ?? text!;
      if (cdata === undefined && UNKNOWN_ENTITY.test(raw)) return malformed(m.index, `an "&" that starts no known entity (got "${raw.trim().slice(0, 40)}")`);
      if (top.textLine === undefined && raw.trim() !== "") top.textLine = lineAt(m.index + raw.search(/\S/));
      top.text += cdata ?? decodeXmlText(raw);
    } else if (name === undefined) {
      if (token === "<") return malformed(m.index, `a "<" that starts no tag (got "${xml.slice(m.index, m.index + 30).split(/\r?\n/)[0]}")`);
    } else if (closing) {
      if (attributeText !== "" || selfClosing) return malformed(m.index, `</${name}> is a closing tag and takes no attribute or "/"`);
      if (top === root) return malformed(m.index, `</${name}> closes nothing`);
      if (top.name !== name) return malformed(m.index, `</${name}> closes <${top.name}> (opened on line ${top.line})`);
      stack.pop();
    } else {
      const attributes = new Map<string, string>();
      for (const a of attributeText!.matchAll(ATTRIBUTE)) {
        const value = a[2] ?? a[3]!;
        if (UNKNOWN_ENTITY.test(value)) return malformed(m.index, `attribute ${a[1]} of <${name}> has an "&" that starts no known entity (got "${value}")`);
        attributes.set(a[1]!, decodeXmlText(value));
      }
      const element: XmlElement = { name, attributes, line: lineAt(m.index), children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  const open = stack[stack.length - 1]!;
  if (open !== root) return malformed(xml.length, `<${open.name}> opened on line ${open.line} is never closed`);
  if (root.textLine !== undefined) return { ok: false, problem: { code: "malformed", line: root.textLine, message: "text outside the <Roster> element" } };
  return { ok: true, roots: root.children };
}

export function parseCurtoisRoster(xml: string): CurtoisParsed<CurtoisRoster, RosterProblem> {
  const lineStarts = [0, ...[...xml.matchAll(/\r\n|\n|\r/g)].map((m) => m.index + m[0].length)];
  /** 1-based line of an offset: the number of line starts at or before it (binary search). */
  const lineAt = (offset: number): number => {
    let [low, high] = [0, lineStarts.length - 1];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const read = readElements(xml, lineAt);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const [rosterElement, second] = read.roots;
  if (rosterElement?.name !== "Roster") {
    const got = rosterElement ? `the document's element is <${rosterElement.name}>` : "the text holds no element";
    return { ok: false, problems: [{ code: "not-a-roster", message: `no <Roster> … </Roster> element (${got})` }] };
  }
  if (second) return { ok: false, problems: [{ code: "malformed", line: second.line, message: `<${second.name}> after </Roster>: a roster file holds one <Roster> element` }] };

  const problems: RosterProblem[] = [];
  const roster: CurtoisRoster = { assignments: [], employees: [] };
  /** Text directly inside an element where only elements belong. */
  const strayText = (element: XmlElement, where: string): void => {
    if (element.textLine !== undefined) problems.push({ code: "malformed", line: element.textLine, message: `text in ${where} (got "${element.text.trim().slice(0, 40)}")` });
  };
  strayText(rosterElement, "<Roster>");
  /** An <Employee> or <Assign> where the reader would not look for one (in <Violations> they repeat, unread). */
  const misplaced = (element: XmlElement, parent: string): void => {
    if (element.name === "Violations") return;
    if (element.name === "Employee" || element.name === "Assign") {
      problems.push({ code: "malformed", line: element.line, message: `<${element.name}> in <${parent}>: <Employee> elements belong directly in <Roster>, <Assign> elements in an <Employee>` });
      return;
    }
    for (const child of element.children) misplaced(child, element.name);
  };
  for (const child of rosterElement.children) {
    if (child.name === "SchedulingPeriodFile") roster.schedulingPeriodFile = child.text.trim();
    else if (child.name === "Penalty" && /^\s*\d+\s*$/.test(child.text)) roster.statedPenalty = Number(child.text);
    if (child.name !== "Employee") {
      misplaced(child, "Roster");
      continue;
    }
    const employee = child.attributes.get("ID");
    if (employee === undefined || employee === "") {
      problems.push({ code: "malformed", line: child.line, message: '<Employee> needs an ID attribute (ID="…", case-sensitive)' });
      continue;
    }
    roster.employees.push(employee);
    strayText(child, `<Employee ID="${employee}">`);
    for (const assign of child.children) {
      if (assign.name !== "Assign") {
        problems.push({ code: "malformed", line: assign.line, message: `<${assign.name}> in <Employee ID="${employee}">: only <Assign> elements belong there` });
        continue;
      }
      strayText(assign, `an <Assign> of employee ${employee}`);
      const parts = (name: string): XmlElement[] => assign.children.filter((c) => c.name === name);
      const [day, shift] = [parts("Day"), parts("Shift")];
      const other = assign.children.find((c) => c.name !== "Day" && c.name !== "Shift");
      if (day.length !== 1 || shift.length !== 1 || other) {
        const got = assign.children.map((c) => `<${c.name}>`).join("") || "nothing";
        problems.push({ code: "bad-assign", line: assign.line, message: `an <Assign> of employee ${employee} holds one <Day> and one <Shift> (got ${got})` });
        continue;
      }
      const dayText = day[0]!.text.trim();
      const shiftId = shift[0]!.text.trim();
      if (!/^\d+$/.test(dayText)) {
        problems.push({ code: "not-an-integer", line: day[0]!.line, message: `<Day> of employee ${employee} must be a whole number (got "${dayText}")` });
        continue;
      }
      if (shiftId === "" || day[0]!.children.length > 0 || shift[0]!.children.length > 0) {
        problems.push({ code: "bad-assign", line: assign.line, message: `an <Assign> of employee ${employee} needs a day number and a shift id as text` });
        continue;
      }
      roster.assignments.push({ employee, day: Number(dayText), shift: shiftId });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: roster };
}
