/**
 * Curtois–Qu instance parser (the text format of schedulingbenchmarks.org "nrp/instances1_24", described
 * in `../shared/data/curtois/README.md`). Input: the file's text, CRLF or LF. Output: a typed
 * `CurtoisInstance`, or every problem found, each naming its line; bad input never throws.
 *
 * Format: `#` lines are comments; a `SECTION_…` line opens a section and a blank line ends it; fields are
 * comma-separated, list fields `|`-separated; ids are case-sensitive and kept as written.
 */
import type { CurtoisInstance, CurtoisParsed, CurtoisProblem, CurtoisProblemCode, CurtoisRequest, CurtoisStaff } from "./instance.js";

const SECTIONS = {
  SECTION_HORIZON: ["H"],
  SECTION_SHIFTS: ["ShiftID", "LengthMinutes", "ForbiddenNext"],
  SECTION_STAFF: ["ID", "MaxShifts", "MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts", "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends"],
  SECTION_DAYS_OFF: ["EmployeeID", "Day…"],
  SECTION_SHIFT_ON_REQUESTS: ["EmployeeID", "Day", "ShiftID", "Weight"],
  SECTION_SHIFT_OFF_REQUESTS: ["EmployeeID", "Day", "ShiftID", "Weight"],
  SECTION_COVER: ["Day", "ShiftID", "Requirement", "WeightUnder", "WeightOver"],
} as const;
type SectionName = keyof typeof SECTIONS;
/**
 * Every section must be there, as in every published file (the public reader, NurseScheduler's
 * `ParseNRP.cpp`, requires all seven in order): a file cut short would otherwise read as an instance with
 * no cover or no requests. Sections but HORIZON, SHIFTS and STAFF may be empty.
 */
const REQUIRED = Object.keys(SECTIONS) as SectionName[];
const NOT_EMPTY: readonly SectionName[] = ["SECTION_SHIFTS", "SECTION_STAFF"];

interface Row {
  line: number;
  fields: string[];
}

/** Split the text into sections of data rows; comments and blank lines go, structural problems are noted. */
function sectionRows(text: string, problems: CurtoisProblem[]): Map<SectionName, { line: number; rows: Row[] }> {
  const sections = new Map<SectionName, { line: number; rows: Row[] }>();
  // undefined: between sections; null: inside an unknown section, whose rows are skipped.
  let current: Row[] | null | undefined;
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (content === "") {
      current = undefined;
      return;
    }
    if (content.startsWith("#")) return;
    if (content.startsWith("SECTION_")) {
      if (!Object.hasOwn(SECTIONS, content)) {
        problems.push({ code: "unknown-section", line, message: `unknown section ${content} (known: ${Object.keys(SECTIONS).join(", ")})` });
        current = null;
        return;
      }
      const name = content as SectionName;
      if (sections.has(name)) problems.push({ code: "duplicate-section", line, message: `${name} appears a second time` });
      current = [];
      sections.set(name, { line, rows: current });
      return;
    }
    if (current === undefined) {
      problems.push({ code: "outside-section", line, message: `data outside any section (got "${content}"); a blank line ends a section` });
      return;
    }
    current?.push({ line, fields: content.split(",").map((f) => f.trim()) });
  });
  for (const name of REQUIRED) if (!sections.has(name)) problems.push({ code: "missing-section", message: `${name} is missing` });
  for (const name of NOT_EMPTY) {
    const section = sections.get(name);
    if (section && section.rows.length === 0) problems.push({ code: "empty-section", line: section.line, message: `${name} has no lines (${SECTIONS[name].join(", ")})` });
  }
  return sections;
}

/** Reads fields of one row, noting problems against the row's line. */
class Fields {
  constructor(
    private readonly row: Row,
    private readonly section: SectionName,
    private readonly problems: CurtoisProblem[],
  ) {}

  /** Whether the row has exactly `n` fields (at least `n` with `atLeast`); notes a problem if not. */
  count(n: number, atLeast = false): boolean {
    const got = this.row.fields.length;
    if (atLeast ? got >= n : got === n) return true;
    const names = SECTIONS[this.section].join(", ");
    this.problem("field-count", `${this.section} expects ${atLeast ? "at least " : ""}${n} field${n === 1 ? "" : "s"} (${names}), got ${got}`);
    return false;
  }

  id(index: number, name: string): string {
    const value = this.row.fields[index] ?? "";
    if (value === "") this.problem("empty-id", `${name} must not be empty`);
    return value;
  }

  int(index: number, name: string, min = 0): number {
    return this.intText(this.row.fields[index] ?? "", name, min);
  }

  intText(text: string, name: string, min = 0): number {
    if (!/^[+-]?\d+$/.test(text)) {
      this.problem("not-an-integer", `${name} must be an integer (got "${text}")`);
      return NaN;
    }
    const value = Number(text);
    if (value < min) this.problem("out-of-range", `${name} must be at least ${min} (got ${value})`);
    else if (!Number.isSafeInteger(value)) this.problem("out-of-range", `${name} must be at most ${Number.MAX_SAFE_INTEGER} (got ${text})`);
    return value;
  }

  problem(code: CurtoisProblemCode, message: string): void {
    this.problems.push({ code, line: this.row.line, message });
  }
}

function splitList(text: string): string[] {
  return text === "" ? [] : text.split("|").map((s) => s.trim());
}

export function parseCurtoisInstance(text: string): CurtoisParsed<CurtoisInstance> {
  const problems: CurtoisProblem[] = [];
  const sections = sectionRows(text, problems);
  const rows = (name: SectionName): { row: Row; f: Fields }[] =>
    (sections.get(name)?.rows ?? []).map((row) => ({ row, f: new Fields(row, name, problems) }));
  /** Lines of what each parsed item came from, for cross-reference problems. */
  const lineOf = new Map<object, number>();
  const at = <T extends object>(item: T, row: Row): T => (lineOf.set(item, row.line), item);

  let horizon = NaN;
  const horizonRows = rows("SECTION_HORIZON");
  const horizonSection = sections.get("SECTION_HORIZON");
  if (horizonSection && horizonRows.length !== 1) {
    const line = horizonRows[1]?.row.line ?? horizonSection.line;
    problems.push({ code: "field-count", line, message: `SECTION_HORIZON holds one line, the number of days (got ${horizonRows.length} lines)` });
  }
  for (const { f } of horizonRows.slice(0, 1)) if (f.count(1)) horizon = f.int(0, "horizon", 1);

  const shifts = rows("SECTION_SHIFTS").flatMap(({ row, f }) => {
    if (!f.count(3)) return [];
    const forbiddenNext = splitList(row.fields[2]!);
    if (forbiddenNext.includes("")) f.problem("bad-list-item", `ForbiddenNext has an empty item (got "${row.fields[2]}")`);
    return [at({ id: f.id(0, "ShiftID"), lengthMinutes: f.int(1, "LengthMinutes", 1), forbiddenNext: forbiddenNext.filter((id) => id !== "") }, row)];
  });

  const staff = rows("SECTION_STAFF").flatMap(({ row, f }): CurtoisStaff[] => {
    if (!f.count(8)) return [];
    const maxShifts: [string, number][] = splitList(row.fields[1]!).flatMap((item): [string, number][] => {
      const m = /^([^=]+)=(.*)$/.exec(item);
      if (!m) {
        f.problem("bad-list-item", `MaxShifts items are ShiftID=limit (got "${item}")`);
        return [];
      }
      return [[m[1]!.trim(), f.intText(m[2]!.trim(), `MaxShifts of ${m[1]!.trim()}`)]];
    });
    return [
      at(
        {
          id: f.id(0, "ID"),
          maxShifts: Object.fromEntries(maxShifts),
          maxTotalMinutes: f.int(2, "MaxTotalMinutes"),
          minTotalMinutes: f.int(3, "MinTotalMinutes"),
          maxConsecutiveShifts: f.int(4, "MaxConsecutiveShifts"),
          minConsecutiveShifts: f.int(5, "MinConsecutiveShifts"),
          minConsecutiveDaysOff: f.int(6, "MinConsecutiveDaysOff"),
          maxWeekends: f.int(7, "MaxWeekends"),
        },
        row,
      ),
    ];
  });

  const daysOff = rows("SECTION_DAYS_OFF").flatMap(({ row, f }) => {
    if (!f.count(1, true)) return [];
    return [at({ employee: f.id(0, "EmployeeID"), days: row.fields.slice(1).map((d) => f.intText(d, "day")) }, row)];
  });

  const requests = (name: "SECTION_SHIFT_ON_REQUESTS" | "SECTION_SHIFT_OFF_REQUESTS"): CurtoisRequest[] =>
    rows(name).flatMap(({ row, f }) => {
      if (!f.count(4)) return [];
      return [at({ employee: f.id(0, "EmployeeID"), day: f.int(1, "Day"), shift: f.id(2, "ShiftID"), weight: f.int(3, "Weight") }, row)];
    });
  const shiftOnRequests = requests("SECTION_SHIFT_ON_REQUESTS");
  const shiftOffRequests = requests("SECTION_SHIFT_OFF_REQUESTS");

  const cover = rows("SECTION_COVER").flatMap(({ row, f }) => {
    if (!f.count(5)) return [];
    return [
      at(
        { day: f.int(0, "Day"), shift: f.id(1, "ShiftID"), requirement: f.int(2, "Requirement"), weightUnder: f.int(3, "WeightUnder"), weightOver: f.int(4, "WeightOver") },
        row,
      ),
    ];
  });

  const instance: CurtoisInstance = { horizon, shifts, staff, daysOff, shiftOnRequests, shiftOffRequests, cover };
  // Ids of rows dropped for a problem of their own still count as declared: one bad line, one problem.
  const declared = (name: SectionName): Set<string> => new Set((sections.get(name)?.rows ?? []).map((row) => row.fields[0]!));
  problems.push(...crossReferenceProblems(instance, (item) => lineOf.get(item), declared("SECTION_SHIFTS"), declared("SECTION_STAFF")));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
  return { ok: true, value: instance };
}

/** Ids that refer to nothing, duplicate ids and cover lines, days outside the horizon. */
function crossReferenceProblems(
  instance: CurtoisInstance,
  lineOf: (item: object) => number | undefined,
  declaredShifts: Set<string>,
  declaredStaff: Set<string>,
): CurtoisProblem[] {
  const problems: CurtoisProblem[] = [];
  const note = (item: object, code: CurtoisProblemCode, message: string): void => {
    problems.push({ code, line: lineOf(item), message });
  };
  const unique = (items: { id: string }[], kind: string): Set<string> => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) note(item, "duplicate-id", `${kind} ${item.id} is defined twice`);
      seen.add(item.id);
    }
    return seen;
  };
  unique(instance.shifts, "shift");
  unique(instance.staff, "employee");
  const shift = (item: object, id: string, where: string): void => {
    if (id !== "" && !declaredShifts.has(id)) note(item, "unknown-shift", `${where} names unknown shift "${id}" (ids are case-sensitive)`);
  };
  const employee = (item: object, id: string): void => {
    if (id !== "" && !declaredStaff.has(id)) note(item, "unknown-employee", `unknown employee "${id}" (ids are case-sensitive)`);
  };
  const day = (item: object, d: number): void => {
    if (Number.isInteger(instance.horizon) && Number.isInteger(d) && d >= instance.horizon) {
      note(item, "out-of-range", `day ${d} is outside the horizon 0…${instance.horizon - 1}`);
    }
  };

  for (const s of instance.shifts) for (const next of s.forbiddenNext) shift(s, next, `ForbiddenNext of ${s.id}`);
  for (const p of instance.staff) for (const id of Object.keys(p.maxShifts)) shift(p, id, `MaxShifts of ${p.id}`);
  for (const off of instance.daysOff) {
    employee(off, off.employee);
    off.days.forEach((d) => day(off, d));
  }
  for (const r of [...instance.shiftOnRequests, ...instance.shiftOffRequests]) {
    employee(r, r.employee);
    shift(r, r.shift, "the request");
    day(r, r.day);
  }
  const coverKeys = new Set<string>();
  for (const c of instance.cover) {
    shift(c, c.shift, "the cover line");
    day(c, c.day);
    const key = `${c.day}|${c.shift}`;
    if (coverKeys.has(key)) note(c, "duplicate-cover", `a second cover line for shift ${c.shift} on day ${c.day}`);
    coverKeys.add(key);
  }
  return problems;
}
