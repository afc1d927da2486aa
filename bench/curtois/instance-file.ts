/**
 * An instance file named on the command line of `bench:curtois`, read for the runner and for its
 * per-instance child. Input: a path. Output: the parsed instance and the project's planning input, or
 * one line naming the problem (unreadable file, parse problem, or an input the pipeline rejects); never
 * throws. Also the best-known optima of instances 1–12 (`../shared/data/curtois/README.md`, "Best known").
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { PlanningInput } from "../../models/index.js";
import { importInstance } from "./import.js";
import { formatCurtoisProblem, type CurtoisInstance } from "./instance.js";
import { parseCurtoisInstance } from "./parse-instance.js";
import { curtoisDir, instancePath } from "./paths.js";

/** Proven optima of instances 1–12, from the data README's "Best known" table. */
export const BEST_KNOWN: Readonly<Record<number, number>> = {
  1: 607,
  2: 828,
  3: 1001,
  4: 1716,
  5: 1143,
  6: 1950,
  7: 1056,
  8: 1300,
  9: 439,
  10: 4631,
  11: 3443,
  12: 4040,
};

export interface InstanceFile {
  path: string;
  /** The file name without `.txt`, for tables. */
  name: string;
  text: string;
  instance: CurtoisInstance;
  input: PlanningInput;
}

export type InstanceFileRead = { ok: true; value: InstanceFile } | { ok: false; message: string };

const normalized = (text: string): string => text.replace(/\r\n?/g, "\n");

/** The file's column for each field of the planning input an instance's shift or employee becomes (`import.ts`). */
const FILE_FIELDS: Record<string, string> = {
  id: "ID",
  lengthMinutes: "LengthMinutes",
  forbiddenNext: "ForbiddenNext",
  maxShiftsPerTemplate: "MaxShifts",
  maxMinutesPerHorizon: "MaxTotalMinutes",
  minMinutesPerHorizon: "MinTotalMinutes",
  maxConsecutiveDays: "MaxConsecutiveShifts",
  minConsecutiveDays: "MinConsecutiveShifts",
  minConsecutiveDaysOff: "MinConsecutiveDaysOff",
  maxWeekends: "MaxWeekends",
};

/**
 * A problem of the imported planning input in the file's terms: the line of the shift or employee it is
 * about, the file's column and the value there (a shift of 1,500 minutes, MaxConsecutiveShifts 0), then the
 * project's field it lands in. A problem of no shift or employee keeps the project's path alone.
 */
function inFileTerms(problem: { path: string; message: string }, instance: CurtoisInstance, text: string): string {
  const match = /^(shiftTemplates|staff)\[(\d+)\](?:\.contract)?(?:\.(\w+))?/.exec(problem.path);
  const item = match && (match[1] === "shiftTemplates" ? instance.shifts : instance.staff)[Number(match[2])];
  if (!match || !item) return `${problem.path}: ${problem.message}`;
  const section = match[1] === "shiftTemplates" ? "SECTION_SHIFTS" : "SECTION_STAFF";
  const column = FILE_FIELDS[match[3] ?? ""];
  const line = lineOfRow(text, section, item.id);
  const where = `${line === undefined ? "" : `line ${line}: `}${section} ${match[1] === "shiftTemplates" ? "shift" : "employee"} ${item.id}`;
  return `${where}${column ? `, ${column}` : ""}: ${problem.message} (the project's ${problem.path})`;
}

/** The 1-based line of the row of `section` whose first field is `id`. */
function lineOfRow(text: string, section: string, id: string): number | undefined {
  let inSection = false;
  const lines = normalized(text).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i]!.trim();
    if (content.startsWith("SECTION_")) inSection = content === section;
    else if (content === "") inSection = false;
    else if (inSection && content.split(",")[0]!.trim() === id) return i + 1;
  }
  return undefined;
}

export function readInstanceFile(path: string): InstanceFileRead {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `${path}: cannot read the instance file${code ? ` (${code})` : ""}` };
  }
  return instanceFromText(path, text);
}

/** The text of an instance file, parsed and imported as `readInstanceFile` does; `path` names it in messages. */
export function instanceFromText(path: string, text: string): InstanceFileRead {
  const parsed = parseCurtoisInstance(text);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
    return { ok: false, message: `${path}: not a Curtois–Qu instance: ${formatCurtoisProblem(first!)}${more}` };
  }
  const name = basename(path).replace(/\.txt$/i, "");
  const imported = importInstance(parsed.value, { name: `Curtois–Qu ${name}` });
  if (!imported.ok) {
    const [first, ...rest] = imported.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
    return { ok: false, message: `${path}: the instance does not import as a planning input: ${inFileTerms(first!, parsed.value, text)}${more}` };
  }
  return { ok: true, value: { path, name, text, instance: parsed.value, input: imported.value } };
}

/**
 * The best-known optimum of a file, when its content (line endings aside) is that of one of instances
 * 1–12 in the data folder; a file whose name says `InstanceN.txt` but whose content differs has none.
 */
export function bestKnownOf(file: Pick<InstanceFile, "text">, dir: string = curtoisDir()): { instance: number; objective: number } | undefined {
  const text = normalized(file.text);
  for (const [n, objective] of Object.entries(BEST_KNOWN)) {
    let shared: string;
    try {
      shared = readFileSync(instancePath(Number(n), dir), "utf8");
    } catch {
      continue;
    }
    if (normalized(shared) === text) return { instance: Number(n), objective };
  }
  return undefined;
}
