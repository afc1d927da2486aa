/**
 * Floor shortfall: every interval has at least the minimum staffing floor of its area and role family on
 * duty (for example one pharmacist on site at all times).
 *
 * Policy: per interval, people of the role family on shifts in the area that span the whole interval are
 * counted against the floor; each person missing for an interval is that interval's length in
 * staff-hours. Reported per area × role family × local date (the day holding the interval's start), with
 * the worst stretch named.
 *
 * Soft, and it can never be hard (an input setting it hard is refused): a schedule is always returned
 * with its gaps named, because a manager with too few people still has to publish one. Weight
 * `uncoveredFloorStaffHour` (1000), the largest in the table: a floor is a safety minimum, dearer than
 * any overtime, agency hour or rule broken.
 */
import { COVERAGE_IS_SOFT, type RuleDefinition } from "./types.js";
import { coverageFindingsByDay } from "./coverage-findings.js";
import { penaltyColumn, penaltyConstant } from "../model/build-context.js";
import { coverageTerms, intervalName, intervalSubjects } from "../model/coverage.js";

export const floorShortfall: RuleDefinition = {
  id: "coverage.floor-shortfall",
  title: "Minimum staffing floors covered",
  policy: "At least the floor's number of qualified people are on duty in an area in every interval of its window.",
  hardByDefault: false,
  alwaysSoft: COVERAGE_IS_SOFT,
  unit: "staff-hour",
  weightKey: "uncoveredFloorStaffHour",
  defaults: {},
  check(ctx) {
    return coverageFindingsByDay(
      ctx,
      "floorShort",
      (f) => `${f.area} is ${f.staffHours.toFixed(1)} ${f.roleFamily} staff-hours below its floor on ${f.date}; worst ${f.worst} short at ${f.when}`,
    );
  },
  // Per series and interval with a floor f, c = people covering it: soft, a slack sf ≥ f − c priced per
  // staff-hour (sf = max(0, f − c) at the optimum), kept for the demand rule to stack on; an interval no
  // shift can cover costs f × hours as a constant. Never hard (`alwaysSoft`).
  build(ctx, rule) {
    if (rule.weight === 0) return;
    const cover = coverageTerms(ctx);
    for (const interval of cover.intervals) {
      const { floor, covering } = interval;
      if (floor <= 0) continue;
      const name = intervalName(rule.id, interval);
      if (covering.length === 0) penaltyConstant(ctx, rule.id, intervalSubjects(interval), floor * interval.hours * rule.weight);
      else {
        const slack = penaltyColumn(ctx, rule.id, intervalSubjects(interval), interval.hours * rule.weight, floor);
        ctx.builder.addRow(name, [...covering, { column: slack, coefficient: 1 }], floor, Infinity);
        cover.floorSlack.set(interval.index, slack);
      }
    }
  },
};
