/**
 * Curtois–Qu evaluator, written from the benchmark's own statement (`../shared/data/curtois/README.md`,
 * "Rules" and "Objective") and from nothing of the project's: it imports no solver or pipeline code, so
 * that it can referee the project's checker. Input: a parsed instance and roster assignments. Output: the
 * objective (on-request, off-request and cover penalties), its parts, and every hard-rule violation.
 *
 * Readings the README leaves open, stated once here:
 * - A day is worked when it holds any assignment; minutes and per-shift counts count every assignment,
 *   so a roster breaking rule 1 is judged as written.
 * - A shift-on request is granted when the employee works that shift that day.
 * - A cover line counts distinct employees on its shift that day.
 * - An assignment to an unknown employee or shift, or to a day outside the horizon, is a hard violation
 *   (`unknown-reference`) and is otherwise ignored.
 */
import type { CurtoisInstance } from "./instance.js";
import type { CurtoisRoster } from "./parse-roster.js";

/** The README's nine rules by number, plus rosters that name what the instance does not have. */
export const CURTOIS_RULES = {
  "one-shift-per-day": { number: 1, title: "At most one shift per employee per day" },
  "forbidden-succession": { number: 2, title: "The next day's shift is not in ForbiddenNext of the day's shift" },
  "max-shifts": { number: 3, title: "Each shift type worked at most MaxShifts times" },
  "total-minutes": { number: 4, title: "MinTotalMinutes ≤ total minutes worked ≤ MaxTotalMinutes" },
  "max-consecutive-shifts": { number: 5, title: "Runs of working days at most MaxConsecutiveShifts long" },
  "min-consecutive-shifts": { number: 6, title: "Inner runs of working days at least MinConsecutiveShifts long" },
  "min-consecutive-days-off": { number: 7, title: "Inner runs of days off at least MinConsecutiveDaysOff long" },
  "max-weekends": { number: 8, title: "At most MaxWeekends weekends worked" },
  "day-off": { number: 9, title: "No shift on a listed day off" },
  "unknown-reference": { number: 0, title: "Assignments name an instance employee and shift on a horizon day" },
} as const;
export type CurtoisRule = keyof typeof CURTOIS_RULES;

export interface HardViolation {
  rule: CurtoisRule;
  employee: string;
  detail: string;
}

export interface PenaltyBreakdown {
  onRequests: number;
  offRequests: number;
  coverUnder: number;
  coverOver: number;
}

export interface CurtoisEvaluation {
  /** The objective: the sum of the breakdown. */
  penalty: number;
  /** Empty exactly when the roster is feasible. */
  hardViolations: HardViolation[];
  breakdown: PenaltyBreakdown;
}

interface Run {
  from: number;
  to: number;
  working: boolean;
}

/** Maximal runs of equal values: working days and days off, in day order. */
function runsOf(worked: readonly boolean[]): Run[] {
  const runs: Run[] = [];
  worked.forEach((working, day) => {
    const last = runs[runs.length - 1];
    if (last && last.working === working) last.to = day;
    else runs.push({ from: day, to: day, working });
  });
  return runs;
}

const span = (run: Run): string => (run.from === run.to ? `day ${run.from}` : `days ${run.from}–${run.to}`);
const length = (run: Run): number => run.to - run.from + 1;

export function evaluateRoster(instance: CurtoisInstance, roster: Pick<CurtoisRoster, "assignments">): CurtoisEvaluation {
  const H = instance.horizon;
  const shifts = new Map(instance.shifts.map((s) => [s.id, s]));
  const staffIds = new Set(instance.staff.map((s) => s.id));
  const violations: HardViolation[] = [];

  /** employee → day → shifts worked that day. */
  const byDay = new Map(instance.staff.map((s) => [s.id, Array.from({ length: H }, (): string[] => [])]));
  for (const a of roster.assignments) {
    const problem = !staffIds.has(a.employee)
      ? `employee ${a.employee} is not in the instance`
      : !shifts.has(a.shift)
        ? `shift ${a.shift} (day ${a.day}) is not in the instance`
        : !(Number.isInteger(a.day) && a.day >= 0 && a.day < H)
          ? `day ${a.day} (shift ${a.shift}) is outside the horizon 0…${H - 1}`
          : undefined;
    if (problem) violations.push({ rule: "unknown-reference", employee: a.employee, detail: problem });
    else byDay.get(a.employee)![a.day]!.push(a.shift);
  }

  const daysOff = new Map<string, Set<number>>();
  for (const off of instance.daysOff) {
    const set = daysOff.get(off.employee) ?? new Set<number>();
    off.days.forEach((d) => set.add(d));
    daysOff.set(off.employee, set);
  }

  for (const person of instance.staff) {
    const days = byDay.get(person.id)!;
    const flag = (rule: CurtoisRule, detail: string): void => {
      violations.push({ rule, employee: person.id, detail });
    };

    // 1. At most one shift per day.
    days.forEach((worked, d) => {
      if (worked.length > 1) flag("one-shift-per-day", `${worked.length} shifts on day ${d} (${worked.join(", ")})`);
    });

    // 2. Forbidden successions (nothing precedes day 0).
    for (let d = 0; d + 1 < H; d++) {
      for (const first of days[d]!) {
        for (const next of days[d + 1]!) {
          if (shifts.get(first)!.forbiddenNext.includes(next)) flag("forbidden-succession", `${first} on day ${d} then ${next} on day ${d + 1}`);
        }
      }
    }

    // 3. Shifts of each type at most MaxShifts (a type not listed is not capped).
    const all = days.flat();
    for (const [shift, limit] of Object.entries(person.maxShifts)) {
      const count = all.filter((s) => s === shift).length;
      if (count > limit) flag("max-shifts", `${count} × ${shift}, at most ${limit}`);
    }

    // 4. Total minutes within [MinTotalMinutes, MaxTotalMinutes].
    const minutes = all.reduce((m, s) => m + shifts.get(s)!.lengthMinutes, 0);
    if (minutes < person.minTotalMinutes || minutes > person.maxTotalMinutes) {
      flag("total-minutes", `${minutes} minutes, allowed ${person.minTotalMinutes}–${person.maxTotalMinutes}`);
    }

    const runs = runsOf(days.map((worked) => worked.length > 0));
    /** Bounded by the other value inside the horizon on both sides: touches neither day 0 nor day H − 1. */
    const inner = (run: Run): boolean => run.from > 0 && run.to < H - 1;
    for (const run of runs) {
      // 5. Working runs at most MaxConsecutiveShifts (days outside the horizon are off).
      if (run.working && length(run) > person.maxConsecutiveShifts) {
        flag("max-consecutive-shifts", `works ${length(run)} days in a row (${span(run)}), at most ${person.maxConsecutiveShifts}`);
      }
      // 6. Inner working runs at least MinConsecutiveShifts.
      if (run.working && inner(run) && length(run) < person.minConsecutiveShifts) {
        flag("min-consecutive-shifts", `works ${length(run)} day${length(run) === 1 ? "" : "s"} in a row (${span(run)}), at least ${person.minConsecutiveShifts}`);
      }
      // 7. Inner runs of days off at least MinConsecutiveDaysOff.
      if (!run.working && inner(run) && length(run) < person.minConsecutiveDaysOff) {
        flag("min-consecutive-days-off", `${length(run)} day${length(run) === 1 ? "" : "s"} off (${span(run)}), at least ${person.minConsecutiveDaysOff}`);
      }
    }

    // 8. Weekend w is days 7w + 5 and 7w + 6; worked when either holds a shift.
    const weekends: number[] = [];
    for (let w = 0; 7 * w + 5 < H; w++) {
      if ([7 * w + 5, 7 * w + 6].some((d) => d < H && days[d]!.length > 0)) weekends.push(w);
    }
    if (weekends.length > person.maxWeekends) {
      flag("max-weekends", `works ${weekends.length} weekend${weekends.length === 1 ? "" : "s"} (${weekends.map((w) => `days ${7 * w + 5}–${7 * w + 6}`).join(", ")}), at most ${person.maxWeekends}`);
    }

    // 9. No shift on a listed day off.
    for (const d of daysOff.get(person.id) ?? []) {
      if (d < H && days[d]!.length > 0) flag("day-off", `works ${days[d]!.join(", ")} on day ${d}, a day off`);
    }
  }

  const worksOn = (employee: string, day: number, shift: string): boolean => byDay.get(employee)?.[day]?.includes(shift) ?? false;
  const breakdown: PenaltyBreakdown = { onRequests: 0, offRequests: 0, coverUnder: 0, coverOver: 0 };
  for (const r of instance.shiftOnRequests) if (!worksOn(r.employee, r.day, r.shift)) breakdown.onRequests += r.weight;
  for (const r of instance.shiftOffRequests) if (worksOn(r.employee, r.day, r.shift)) breakdown.offRequests += r.weight;
  for (const c of instance.cover) {
    const people = instance.staff.filter((s) => worksOn(s.id, c.day, c.shift)).length;
    breakdown.coverUnder += c.weightUnder * Math.max(0, c.requirement - people);
    breakdown.coverOver += c.weightOver * Math.max(0, people - c.requirement);
  }
  const penalty = breakdown.onRequests + breakdown.offRequests + breakdown.coverUnder + breakdown.coverOver;
  return { penalty, hardViolations: violations, breakdown };
}
