/**
 * Larger instances of the Curtois–Qu format, made from the published ones, for the benchmark issue's
 * "up to 120 staff, 84 days" (instances 13–24 are not in the shared data and cannot be downloaded here).
 * Input: an instance; output: an instance k times wider (every person k times, every cover requirement
 * k times) or k times longer (the horizon repeated, each person's limits over it k times), and the
 * instance's text in the published format. They have no known optimum; the benchmark prints "unknown".
 *   npx tsx bench/curtois/scale.ts [--staff K] [--days K] INSTANCE_FILE OUT_FILE
 * A roster of the instance, copied to each person's copies, is a roster of the wider one at exactly k
 * times the penalty (the test checks it on a published optimum). An instance `bench:curtois` would refuse
 * (a copy's id taken already, a horizon over 366 days) is not written: one line, exit 2.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { CurtoisInstance } from "./instance.js";
import { instanceFromText, readInstanceFile } from "./instance-file.js";

/** The id of person `id`'s copy number `copy` (copy 0 is the person). */
export const copyId = (id: string, copy: number): string => (copy === 0 ? id : `${id}_${copy + 1}`);

/** Every person `copies` times (same contract, days off and requests), every cover requirement `copies` times. */
export function widen(instance: CurtoisInstance, copies: number): CurtoisInstance {
  const each = Array.from({ length: copies }, (_, c) => c);
  const perCopy = <T extends { employee: string }>(lines: T[]): T[] => each.flatMap((c) => lines.map((line) => ({ ...line, employee: copyId(line.employee, c) })));
  return {
    ...instance,
    staff: each.flatMap((c) => instance.staff.map((s) => ({ ...s, id: copyId(s.id, c) }))),
    daysOff: perCopy(instance.daysOff),
    shiftOnRequests: perCopy(instance.shiftOnRequests),
    shiftOffRequests: perCopy(instance.shiftOffRequests),
    cover: instance.cover.map((line) => ({ ...line, requirement: line.requirement * copies })),
  };
}

/**
 * The horizon `times` times over: days off, requests and cover repeated in each period; each person's
 * shift caps, minutes and weekends multiplied (consecutive-day limits stay as they are). The horizon is
 * whole weeks in every published instance, so each period starts on a Monday again.
 */
export function lengthen(instance: CurtoisInstance, times: number): CurtoisInstance {
  const periods = Array.from({ length: times }, (_, t) => t * instance.horizon);
  return {
    ...instance,
    horizon: instance.horizon * times,
    staff: instance.staff.map((s) => ({
      ...s,
      maxShifts: Object.fromEntries(Object.entries(s.maxShifts).map(([shift, n]) => [shift, n * times])),
      maxTotalMinutes: s.maxTotalMinutes * times,
      minTotalMinutes: s.minTotalMinutes * times,
      maxWeekends: s.maxWeekends * times,
    })),
    daysOff: instance.daysOff.map((d) => ({ ...d, days: periods.flatMap((p) => d.days.map((day) => day + p)) })),
    shiftOnRequests: periods.flatMap((p) => instance.shiftOnRequests.map((r) => ({ ...r, day: r.day + p }))),
    shiftOffRequests: periods.flatMap((p) => instance.shiftOffRequests.map((r) => ({ ...r, day: r.day + p }))),
    cover: periods.flatMap((p) => instance.cover.map((line) => ({ ...line, day: line.day + p }))),
  };
}

/** The instance in the published text format (sections in the published order, LF line ends). */
export function toInstanceText(instance: CurtoisInstance): string {
  const section = (name: string, header: string, lines: string[]): string => [`SECTION_${name}`, `# ${header}`, ...lines, ""].join("\n");
  const request = (r: { employee: string; day: number; shift: string; weight: number }): string => `${r.employee},${r.day},${r.shift},${r.weight}`;
  return [
    "# Made by bench/curtois/scale.ts from a published Curtois–Qu instance",
    section("HORIZON", "The horizon length in days:", [String(instance.horizon)]),
    section("SHIFTS", "ShiftID, Length in mins, Shifts which cannot follow this shift | separated", instance.shifts.map((s) => `${s.id},${s.lengthMinutes},${s.forbiddenNext.join("|")}`)),
    section(
      "STAFF",
      "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends",
      instance.staff.map((s) =>
        [s.id, Object.entries(s.maxShifts).map(([shift, n]) => `${shift}=${n}`).join("|"), s.maxTotalMinutes, s.minTotalMinutes, s.maxConsecutiveShifts, s.minConsecutiveShifts, s.minConsecutiveDaysOff, s.maxWeekends].join(","),
      ),
    ),
    section("DAYS_OFF", "EmployeeID, DayIndexes (start at zero)", instance.daysOff.map((d) => [d.employee, ...d.days].join(","))),
    section("SHIFT_ON_REQUESTS", "EmployeeID, Day, ShiftID, Weight", instance.shiftOnRequests.map(request)),
    section("SHIFT_OFF_REQUESTS", "EmployeeID, Day, ShiftID, Weight", instance.shiftOffRequests.map(request)),
    section("COVER", "Day, ShiftID, Requirement, Weight for under, Weight for over", instance.cover.map((c) => `${c.day},${c.shift},${c.requirement},${c.weightUnder},${c.weightOver}`)),
  ].join("\n");
}

function main(): number {
  const usage = "usage: npx tsx bench/curtois/scale.ts [--staff K] [--days K] INSTANCE_FILE OUT_FILE";
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { staff: { type: "string" }, days: { type: "string" } } });
  } catch (error) {
    console.error(`scale: ${(error as Error).message}; ${usage}`);
    return 2;
  }
  const factor = (name: string, raw: string | undefined): number | undefined => {
    const k = Number(raw ?? 1);
    if (Number.isInteger(k) && k >= 1 && k <= 20) return k;
    console.error(`scale: --${name} must be a whole number from 1 to 20 (got "${raw}")`);
    return undefined;
  };
  const staff = factor("staff", parsed.values.staff);
  const days = factor("days", parsed.values.days);
  const [from, to] = parsed.positionals;
  if (staff === undefined || days === undefined) return 2;
  if (!from || !to || parsed.positionals.length !== 2) {
    console.error(`scale: name one instance file and one output file; ${usage}`);
    return 2;
  }
  const read = readInstanceFile(from);
  if (!read.ok) {
    console.error(`scale: ${read.message}`);
    return 2;
  }
  const scaled = lengthen(widen(read.value.instance, staff), days);
  const text = toInstanceText(scaled);
  // What the benchmark would refuse is not written: a copy's id taken already (`A_2`), too long a horizon.
  const again = instanceFromText(to, text);
  if (!again.ok) {
    console.error(`scale: the scaled instance would be refused: ${again.message}`);
    return 2;
  }
  try {
    writeFileSync(to, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`scale: ${to}: cannot write the instance file${code ? ` (${code})` : ""}`);
    return 2;
  }
  console.log(`${to}: ${scaled.staff.length} staff × ${scaled.horizon} days × ${scaled.shifts.length} shift types`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
