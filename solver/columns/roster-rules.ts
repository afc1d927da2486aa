/**
 * One person's hard rules over a horizon of days, as plain arrays for the roster pricing (`pricing.ts`):
 * the rules a day-by-day roster can be checked against alone — one shift a day, successions, a cap per
 * shift, a band of minutes, runs of working days and of days off (runs touching either end exempt from
 * their minimum), weekends worked, days that may not be worked — and what each day's choice costs the
 * person in requests. Built by an adapter from a site's data (`bench/curtois/columns.ts` for the
 * benchmark, whose nine rules are exactly these).
 */

export interface RosterRules {
  days: number;
  shifts: number;
  lengthMinutes: readonly number[];
  /** `forbiddenNext[s * shifts + t]` is 1 when shift t may not be worked the day after shift s. */
  forbiddenNext: Uint8Array;
  /** Most times each shift may be worked over the horizon (0: never; Infinity: no cap). */
  maxPerShift: readonly number[];
  minMinutes: number;
  maxMinutes: number;
  maxConsecutiveDays: number;
  /** Shortest run of working days with a day off inside the horizon on both sides. */
  minConsecutiveDays: number;
  /** Shortest run of days off with a working day inside the horizon on both sides. */
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  /** `dayOff[d]` is 1 when the person may not work day d. */
  dayOff: Uint8Array;
  /** `requestCost[d * (shifts + 1) + o]`: request penalties when option o (a shift, or `shifts` = off) is taken on day d. */
  requestCost: Float64Array;
  /** Weekday of day 0, 0 = Monday: day d is a Saturday when (firstWeekday + d) mod 7 = 5. */
  firstWeekday: number;
}

/** A roster: the option taken each day, a shift index or `shifts` for off. */
export type Roster = Int8Array;

/** Σ of the request penalties of a roster. */
export function requestCostOf(rules: RosterRules, roster: Roster): number {
  let cost = 0;
  for (let d = 0; d < rules.days; d++) cost += rules.requestCost[d * (rules.shifts + 1) + roster[d]!]!;
  return cost;
}
