/**
 * Interval shortfall: the forecast work of every interval is covered, beyond what the floor already
 * requires.
 *
 * Policy: required people per interval = max(floor, work minutes ÷ interval minutes, rounded up); the part
 * of the gap above the floor is counted here (the floor part is `coverage.floor-shortfall`'s, so no
 * staff-hour is charged twice). Reported per area × role family × local date, worst stretch named.
 *
 * Soft, and it can never be hard: a schedule is always returned with its gaps named. Weight
 * `uncoveredDemandStaffHour` (300): below a floor gap (1000), above what an overtime or agency hour costs
 * (~$150), so the optimizer pays for overtime before it leaves forecast work undone.
 */
import type { RuleDefinition } from "./types.js";
import { coverageFindingsByDay } from "./coverage-findings.js";

export const intervalShortfall: RuleDefinition = {
  id: "coverage.interval-shortfall",
  title: "Forecast workload covered",
  policy: "Enough people are on duty in every interval for the forecast work, by the productivity standards.",
  hardByDefault: false,
  unit: "staff-hour",
  weightKey: "uncoveredDemandStaffHour",
  defaults: {},
  check(ctx) {
    return coverageFindingsByDay(
      ctx,
      "demandShort",
      (f) => `${f.area} is ${f.staffHours.toFixed(1)} ${f.roleFamily} staff-hours short of forecast demand on ${f.date}; worst ${f.worst} short at ${f.when}`,
    );
  },
};
