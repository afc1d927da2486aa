/**
 * Roster exporters. Input: roster assignments {employee, day, shift}. Output: the benchmark's XML roster
 * in the published files' exact shape (CRLF, one `<Employee>` per person on one line, assignments by day),
 * so that reading a published roster and writing it back gives the same bytes; or a plain text grid,
 * employees down and days across, for people.
 */
import type { CurtoisInstance } from "./instance.js";
import type { RosterAssignment } from "./parse-roster.js";

export interface RosterXmlOptions {
  /** Employees in output order, each written even with no assignment (default: as first assigned). */
  employees?: readonly string[];
  /** `<SchedulingPeriodFile>` text; the published files use `../../InstanceN.ros`. Omitted when absent. */
  schedulingPeriodFile?: string;
}

export function encodeXmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The `<SchedulingPeriodFile>` the published roster of instance `n` names. */
export const schedulingPeriodFileOf = (instance: number): string => `../../Instance${instance}.ros`;

function byEmployee(assignments: readonly RosterAssignment[], employees: readonly string[] | undefined): Map<string, RosterAssignment[]> {
  const grouped = new Map<string, RosterAssignment[]>((employees ?? []).map((e) => [e, []]));
  for (const a of assignments) {
    const list = grouped.get(a.employee) ?? [];
    list.push(a);
    grouped.set(a.employee, list);
  }
  for (const list of grouped.values()) list.sort((x, y) => x.day - y.day);
  return grouped;
}

export function toRosterXml(assignments: readonly RosterAssignment[], options: RosterXmlOptions = {}): string {
  const eol = "\r\n";
  const employees = [...byEmployee(assignments, options.employees)].map(
    ([employee, list]) =>
      `<Employee ID="${encodeXmlText(employee)}">` +
      list.map((a) => `<Assign><Day>${a.day}</Day><Shift>${encodeXmlText(a.shift)}</Shift></Assign>`).join("") +
      "</Employee>",
  );
  const period = options.schedulingPeriodFile === undefined ? "" : ` <SchedulingPeriodFile>${encodeXmlText(options.schedulingPeriodFile)}</SchedulingPeriodFile>${eol}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>${eol}` +
    `<Roster xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="Roster.xsd">${eol}` +
    period +
    eol +
    employees.join("") +
    eol +
    `</Roster>${eol}`
  );
}

const WEEKDAY_LETTERS = ["M", "T", "W", "T", "F", "S", "S"];

/**
 * A text grid: a header of day numbers and weekday letters (day 0 is a Monday), then one line per
 * instance employee with each day's shift, `.` for a day off and `+` between shifts of a broken day.
 */
export function toRosterGrid(instance: CurtoisInstance, assignments: readonly RosterAssignment[]): string {
  const grouped = byEmployee(assignments, instance.staff.map((s) => s.id));
  const days = Array.from({ length: instance.horizon }, (_, d) => d);
  const cells = new Map(
    [...grouped].map(([employee, list]) => [employee, days.map((d) => list.filter((a) => a.day === d).map((a) => a.shift).join("+") || ".")]),
  );
  const width = Math.max(2, String(instance.horizon - 1).length, ...[...cells.values()].flat().map((c) => c.length));
  const nameWidth = Math.max(3, ...[...cells.keys()].map((e) => e.length));
  const line = (head: string, row: string[]): string => `${head.padEnd(nameWidth)} ${row.map((c) => c.padStart(width)).join(" ")}`.trimEnd();
  return [
    line("day", days.map(String)),
    line("", days.map((d) => WEEKDAY_LETTERS[d % 7]!)),
    ...[...cells].map(([employee, row]) => line(employee, row)),
  ].join("\n") + "\n";
}
