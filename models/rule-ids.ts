/**
 * Stable ids of every rule the checker (and later the model builder) knows, hard rules first.
 * The ids are part of the input format (`rules.<id>`) and of every violation; never rename one.
 */
export const RULE_IDS = [
  "shift.one-per-day",
  "shift.no-overlap",
  "shift.eligibility",
  "leave.approved",
  "employment.dates",
  "rest.min-between-shifts",
  "shift.forbidden-succession",
  "days.max-consecutive",
  "nights.max-consecutive",
  "shifts.max-per-template",
  "hours.horizon-band",
  "hours.max-per-week",
  "days.min-consecutive",
  "days-off.min-consecutive",
  "weekends.max-per-window",
  "weekends.complete",
  "hours.pay-period-band",
  "budget.cap",
  "coverage.floor-shortfall",
  "coverage.interval-shortfall",
  "coverage.interval-overstaffing",
  "coverage.slot-under",
  "coverage.slot-over",
  "requests.shift-on",
  "requests.shift-off",
  "requests.day-off",
  "fairness.weekends",
  "fairness.nights",
  "repair.changes",
] as const;

export type RuleId = (typeof RULE_IDS)[number];
