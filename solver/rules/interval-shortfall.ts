/**
 * Interval shortfall: the forecast work of every interval is covered, beyond what the floor already
 * requires.
 *
 * Policy: required people per interval = max(floor, work minutes ÷ interval minutes, rounded up); the part
 * of the gap above the floor is counted here (the floor part is `coverage.floor-shortfall`'s, so no
 * staff-hour is charged twice). Reported per area × role family × local date, worst stretch named.
 *
 * Soft, and it can never be hard (an input setting it hard is refused): a schedule is always returned with its gaps named. Weight
 * `uncoveredDemandStaffHour` (300): below a floor gap (1000), above what an overtime or agency hour costs
 * (~$150), so the optimizer pays for overtime before it leaves forecast work undone.
 */
import { COVERAGE_IS_SOFT, type RuleDefinition } from "./types.js";
import { coverageFindingsByDay } from "./coverage-findings.js";
import { floorShortfall } from "./floor-shortfall.js";
import { resolveRule } from "./resolve.js";
import { penaltyColumn, penaltyConstant, penalizeColumn } from "../model/build-context.js";
import { coverageTerms, intervalName, intervalSubjects } from "../model/coverage.js";

export const intervalShortfall: RuleDefinition = {
  id: "coverage.interval-shortfall",
  title: "Forecast workload covered",
  policy: "Enough people are on duty in every interval for the forecast work, by the productivity standards.",
  hardByDefault: false,
  alwaysSoft: COVERAGE_IS_SOFT,
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
  // Per series and interval with required r above the floor f, c = people covering it, the check's part
  // is max(0, r − c) − max(0, f − c), priced per staff-hour. How the model prices it depends on the floor
  // rule:
  // - floor dearer per staff-hour (the default 1000 > 300): a slack sd on the row c + sf + sd ≥ r,
  //   stacked on the floor's slack sf, which the dearer floor keeps at max(0, f − c);
  // - otherwise (floor off, or not dearer) the part is not convex in c: it is (r − f) − z with z the
  //   people covered above the floor, z ≤ (r − f)·w and c ≥ f·w + z for a binary w ("the floor is met").
  // Neither rule is ever hard (`alwaysSoft`).
  build(ctx, rule) {
    if (rule.weight === 0) return;
    const floorRule = resolveRule(floorShortfall, ctx.input);
    const stacked = floorRule.enabled && floorRule.weight > rule.weight;
    const convex = (floor: number): boolean => floor === 0 || stacked;
    const cover = coverageTerms(ctx);
    for (const interval of cover.intervals) {
      const { floor, required, covering } = interval;
      if (required <= floor) continue;
      const name = intervalName(rule.id, interval);
      const subjects = intervalSubjects(interval);
      const perPerson = interval.hours * rule.weight;
      if (covering.length === 0 || (!convex(floor) && covering.length <= floor)) {
        // Nobody can be on duty above the floor: the whole part is certain.
        penaltyConstant(ctx, rule.id, subjects, (required - floor) * perPerson);
      } else if (convex(floor)) {
        const slack = penaltyColumn(ctx, rule.id, subjects, perPerson, required - floor);
        const floorSlack = stacked && floor > 0 ? cover.floorSlack.get(interval.index) : undefined;
        if (stacked && floor > 0 && floorSlack === undefined) throw new Error(`${rule.id}: no floor slack for ${name}; coverage.floor-shortfall builds first`);
        const stack = floorSlack === undefined ? [] : [{ column: floorSlack, coefficient: 1 }];
        ctx.builder.addRow(name, [...covering, ...stack, { column: slack, coefficient: 1 }], required, Infinity);
      } else {
        penaltyConstant(ctx, rule.id, subjects, (required - floor) * perPerson);
        const above = ctx.builder.addColumn({ name: `${name}-above`, lower: 0, upper: required - floor });
        penalizeColumn(ctx, rule.id, subjects, above, -perPerson);
        const met = ctx.builder.addBinary(`${name}-floor-met`);
        ctx.builder.addRow(`${name}-above`, [{ column: above, coefficient: 1 }, { column: met, coefficient: -(required - floor) }], -Infinity, 0);
        ctx.builder.addRow(`${name}-met`, [...covering, { column: met, coefficient: -floor }, { column: above, coefficient: -1 }], 0, Infinity);
      }
    }
  },
};
