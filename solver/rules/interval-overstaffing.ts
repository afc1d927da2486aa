/**
 * Interval overstaffing: no more people are on duty in an interval than its demand requires.
 *
 * Policy: people of a role family on duty in an area beyond the interval's required count (floor or
 * workload, whichever is larger) are counted in staff-hours, including intervals with no demand at all.
 * Only areas and role families with a floor or a productivity standard have demand to compare with.
 * Reported per area × role family × local date, worst stretch named.
 *
 * Soft: an extra person is waste, not a danger. Weight `overstaffedStaffHour` (1) is deliberately tiny:
 * labor cost already prices an extra hour, so this only breaks ties between schedules of equal cost
 * toward the one whose people stand where the work is.
 */
import type { RuleDefinition } from "./types.js";
import { coverageFindingsByDay } from "./coverage-findings.js";

export const intervalOverstaffing: RuleDefinition = {
  id: "coverage.interval-overstaffing",
  title: "No overstaffing beyond demand",
  policy: "No more people are on duty in an area than its demand requires.",
  hardByDefault: false,
  unit: "staff-hour",
  weightKey: "overstaffedStaffHour",
  defaults: {},
  check(ctx) {
    return coverageFindingsByDay(
      ctx,
      "over",
      (f) => `${f.area} has ${f.staffHours.toFixed(1)} ${f.roleFamily} staff-hours beyond demand on ${f.date}; worst ${f.worst} over at ${f.when}`,
    );
  },
};
