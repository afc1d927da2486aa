/**
 * Schedule as CSV for spreadsheets: RFC 4180 quoting (csv-stringify), CRLF line ends, and every cell that
 * a spreadsheet would read as a formula (starting with = + - @, tab or CR) prefixed with an apostrophe.
 * Hours to 2 decimals, as people read and sum them (JSON keeps the exact figures).
 */
import { stringify } from "csv-stringify/sync";
import type { PlanningInput, Schedule } from "../../models/index.js";
import { localTimes } from "../time/local.js";
import type { Prepared } from "../pipeline.js";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralizes a cell a spreadsheet would evaluate. */
export function safeCell(value: string | number): string {
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Minutes as hours to 2 decimals: 475 → "7.92" (not 7.916666666666667), 480 → "8.00". */
function hoursCell(minutes: number): string {
  return (minutes / 60).toFixed(2);
}

export function toCsv(rows: (string | number)[][]): string {
  return stringify(rows.map((r) => r.map(safeCell)), { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

export function scheduleToCsv(prepared: Prepared, schedule: Schedule): string {
  const input: PlanningInput = prepared.input;
  const staff = new Map(input.staff.map((s) => [s.id, s]));
  const templates = new Map(input.shiftTemplates.map((t) => [t.id, t]));
  const areas = new Map(input.areas.map((a) => [a.id, a]));
  const shifts = new Map(prepared.grid.shifts.map((s) => [s.key, s]));
  const sorted = [...schedule.assignments].sort((a, b) => a.date.localeCompare(b.date) || a.staff.localeCompare(b.staff));
  const rows: (string | number)[][] = [["date", "staff", "name", "level", "template", "shift", "area", "start", "end", "paid_hours", "locked"]];
  for (const a of sorted) {
    const shift = shifts.get(`${a.template}@${a.date}`)!;
    const template = templates.get(a.template)!;
    const member = staff.get(a.staff)!;
    const { start, end } = localTimes(prepared.grid, shift);
    rows.push([a.date, a.staff, member.name, member.level, a.template, template.name, areas.get(template.area)!.name, start, end, hoursCell(shift.paidMinutes), a.locked ? "yes" : "no"]);
  }
  return toCsv(rows);
}
