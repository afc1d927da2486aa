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
import { penaltyColumn } from "../model/build-context.js";
import { coverageTerms, intervalName, intervalSubjects } from "../model/coverage.js";

export const intervalOverstaffing: RuleDefinition = {
  id: "coverage.interval-overstaffing",
  title: "No overstaffing beyond demand",
  policy: "No more people are on duty in an area than its demand requires.",
  hardByDefault: false,
  monotone: true,
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
  // Per series and interval where more people could be on duty than required (r), c = people covering
  // it: soft, an excess column ≥ c − r priced per staff-hour; hard, c ≤ r.
  build(ctx, rule) {
    if (!rule.hard && rule.weight === 0) return;
    for (const interval of coverageTerms(ctx).intervals) {
      const { required, covering } = interval;
      if (covering.length <= required) continue;
      const name = intervalName(rule.id, interval);
      if (rule.hard) {
        ctx.builder.addRow(name, covering, -Infinity, required);
        continue;
      }
      const excess = penaltyColumn(ctx, rule.id, intervalSubjects(interval), interval.hours * rule.weight);
      ctx.builder.addRow(name, [...covering, { column: excess, coefficient: -1 }], -Infinity, required);
    }
  },
};
