/**
 * Curtois–Qu instance → the project's planning input, and rosters ↔ the project's schedules. Input: a
 * parsed `CurtoisInstance`. Output: a `PlanningInputFile` that the ordinary pipeline validates, prepares,
 * optimizes and explains through the same rule modules as a pharmacy — there is no benchmark path in the
 * solver; only data and rule settings differ.
 *
 * Mapping: day d is 2024-01-01 (a Monday) + d in time zone UTC, so day 0 is a Monday and no DST change
 * stretches a shift; one area, one level, one role family (the benchmark has no skills beyond the per-shift
 * caps); each shift a template starting 00:00 of its length, no break; no labor cost (rate 0, FTE 0);
 * days off are approved leave; requests keep their weight (request weight unit 1); cover lines are slot
 * demand with their own under/over weights. The nine benchmark rules are the project rules listed in
 * `BENCHMARK_RULES`, made hard; rules the benchmark lacks are disabled.
 */
import { MAX_HORIZON_DAYS, type PlanningInput, type PlanningInputFile, type Parsed, type RuleId, type Schedule } from "../../models/index.js";
import { parseInput } from "../../src/pipeline.js";
import type { CurtoisInstance } from "./instance.js";
import type { CurtoisRoster, RosterAssignment } from "./parse-roster.js";
import type { CurtoisRule } from "./evaluate.js";

/** Day 0 of every imported instance: a Monday, as the benchmark's day 0 is. */
export const HORIZON_START = "2024-01-01";
const DAY_MS = 24 * 60 * 60 * 1000;
const AREA = "ward";
const LEVEL = "rostered";

export function dateOfDay(day: number): string {
  return new Date(Date.parse(`${HORIZON_START}T00:00:00Z`) + day * DAY_MS).toISOString().slice(0, 10);
}

export function dayOfDate(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${HORIZON_START}T00:00:00Z`)) / DAY_MS);
}

/** Each benchmark rule (README numbering) and the project rule that holds it. */
export const BENCHMARK_RULES: Record<Exclude<CurtoisRule, "unknown-reference">, RuleId> = {
  "one-shift-per-day": "shift.one-per-day",
  "forbidden-succession": "shift.forbidden-succession",
  "max-shifts": "shifts.max-per-template",
  "total-minutes": "hours.horizon-band",
  "max-consecutive-shifts": "days.max-consecutive",
  "min-consecutive-shifts": "days.min-consecutive",
  "min-consecutive-days-off": "days-off.min-consecutive",
  "max-weekends": "weekends.max-per-window",
  "day-off": "leave.approved",
};

/** Project rules with no counterpart in the benchmark (it has no rest rule beyond successions, no pay, no fairness). */
const DISABLED_RULES: readonly RuleId[] = [
  "rest.min-between-shifts",
  "hours.pay-period-band",
  "hours.max-per-week",
  "nights.max-consecutive",
  "weekends.complete",
  "fairness.weekends",
  "fairness.nights",
  "coverage.interval-overstaffing",
  "budget.cap",
];

/** Parameters that make a project rule read as the benchmark states it. */
const RULE_PARAMS: Partial<Record<RuleId, Record<string, number | boolean>>> = {
  // Rules 6 and 7 exempt runs touching either end of the horizon.
  "days.min-consecutive": { exemptEdges: true },
  "days-off.min-consecutive": { exemptEdges: true },
  // Rule 8 counts weekends over the whole horizon.
  "weekends.max-per-window": { windowWeekends: 0 },
};

type Rules = NonNullable<PlanningInputFile["rules"]>;

function benchmarkRules(): Rules {
  const rules: Rules = {};
  for (const id of Object.values(BENCHMARK_RULES)) rules[id] = { enabled: true, hard: true, params: RULE_PARAMS[id] ?? {} };
  for (const id of DISABLED_RULES) rules[id] = { enabled: false };
  return rules;
}

/** Consecutive days merged into inclusive leave ranges. */
function leaveRanges(days: readonly number[]): { start: string; end: string; reason: string }[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const ranges: { from: number; to: number }[] = [];
  for (const d of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.to + 1 === d) last.to = d;
    else ranges.push({ from: d, to: d });
  }
  return ranges.map((r) => ({ start: dateOfDay(r.from), end: dateOfDay(r.to), reason: "day off (benchmark)" }));
}

export interface ImportOptions {
  /** Site name (default "Curtois–Qu instance"). */
  name?: string;
}

export function toPlanningInputFile(instance: CurtoisInstance, options: ImportOptions = {}): PlanningInputFile {
  const leaveDays = new Map<string, number[]>();
  for (const off of instance.daysOff) leaveDays.set(off.employee, [...(leaveDays.get(off.employee) ?? []), ...off.days]);
  const requests = new Map<string, NonNullable<PlanningInputFile["staff"][number]["requests"]>>();
  const request = (employee: string, r: NonNullable<PlanningInputFile["staff"][number]["requests"]>[number]): void => {
    requests.set(employee, [...(requests.get(employee) ?? []), r]);
  };
  for (const r of instance.shiftOnRequests) request(r.employee, { kind: "shift-on", date: dateOfDay(r.day), template: r.shift, weight: r.weight });
  for (const r of instance.shiftOffRequests) request(r.employee, { kind: "shift-off", date: dateOfDay(r.day), template: r.shift, weight: r.weight });

  return {
    site: { id: "curtois-qu", name: options.name ?? "Curtois–Qu instance", timeZone: "UTC", payPeriodAnchor: HORIZON_START },
    horizon: { start: HORIZON_START, end: dateOfDay(instance.horizon - 1) },
    areas: [{ id: AREA, name: "Ward" }],
    levels: [{ id: LEVEL, name: "Rostered employee", roleFamily: "pharmacist" }],
    shiftTemplates: instance.shifts.map((s) => ({
      id: s.id,
      name: s.id,
      area: AREA,
      start: "00:00",
      lengthMinutes: s.lengthMinutes,
      unpaidBreakMinutes: 0,
      roleFamily: "pharmacist",
      forbiddenNext: s.forbiddenNext,
    })),
    staff: instance.staff.map((p) => ({
      id: p.id,
      name: p.id,
      level: LEVEL,
      fte: 0,
      hourlyRate: 0,
      contract: {
        maxShiftsPerTemplate: p.maxShifts,
        minMinutesPerHorizon: p.minTotalMinutes,
        maxMinutesPerHorizon: p.maxTotalMinutes,
        maxConsecutiveDays: p.maxConsecutiveShifts,
        // A minimum of 0 or 1 forbids nothing; the contract field starts at 1.
        minConsecutiveDays: Math.max(1, p.minConsecutiveShifts),
        minConsecutiveDaysOff: Math.max(1, p.minConsecutiveDaysOff),
        maxWeekends: p.maxWeekends,
      },
      leave: leaveRanges(leaveDays.get(p.id) ?? []),
      requests: requests.get(p.id) ?? [],
    })),
    slotDemand: instance.cover.map((c) => ({
      template: c.shift,
      date: dateOfDay(c.day),
      required: c.requirement,
      underWeight: c.weightUnder,
      overWeight: c.weightOver,
    })),
    rules: benchmarkRules(),
    weights: { requestWeightUnit: 1 },
  };
}

/**
 * The instance as a validated planning input (the pipeline's own `parseInput`). A horizon longer than a
 * planning input holds is refused first: its last date may lie past what a `Date` can show.
 */
export function importInstance(instance: CurtoisInstance, options: ImportOptions = {}): Parsed<PlanningInput> {
  if (instance.horizon > MAX_HORIZON_DAYS) {
    return { ok: false, problems: [{ path: "horizon", message: `SECTION_HORIZON must be at most ${MAX_HORIZON_DAYS} days (got ${instance.horizon})`, value: instance.horizon }] };
  }
  return parseInput(toPlanningInputFile(instance, options));
}

/** A roster as the project's schedule. */
export function toSchedule(roster: Pick<CurtoisRoster, "assignments">): Schedule {
  return { assignments: roster.assignments.map((a) => ({ staff: a.employee, date: dateOfDay(a.day), template: a.shift, locked: false })) };
}

/** The project's schedule (of an imported instance) as roster assignments, by employee and day. */
export function toRosterAssignments(schedule: { assignments: readonly { staff: string; date: string; template: string }[] }): RosterAssignment[] {
  return schedule.assignments
    .map((a) => ({ employee: a.staff, day: dayOfDate(a.date), shift: a.template }))
    .sort((x, y) => (x.employee < y.employee ? -1 : x.employee > y.employee ? 1 : x.day - y.day));
}
