/**
 * Weekend fairness: people of one career-ladder level work about the same number of weekends.
 *
 * Policy: among regular staff (employment "staff", FTE > 0) of a level with at least two such people, the
 * spread = most − fewest weekends worked (a weekend counts when any shift starts on its Saturday or Sunday
 * inside the horizon) is the amount, one unit per weekend of spread. PRN and agency staff work when asked
 * and are left out. The spread is not scaled by FTE: a part-timer works weekends too.
 *
 * Soft: fairness is a preference over schedules, never a reason to leave a gap. Weight
 * `fairnessSpreadUnit` (20), the last term of the objective as the design orders it: one unit of spread
 * is worth less than the overtime premium of a single shift, so the optimizer evens things out where
 * that costs next to nothing and never buys fairness with overtime or coverage.
 */
import type { RuleDefinition } from "./types.js";
import { fairnessFindings } from "../check/fairness.js";
import { buildSpread, fairnessGroupsOf } from "../model/fairness.js";
import { weekendIndicators } from "../model/weekends.js";

export const weekendFairness: RuleDefinition = {
  id: "fairness.weekends",
  title: "Weekends shared fairly within a level",
  policy: "People of one level work about the same number of weekends.",
  hardByDefault: false,
  unit: "weekend",
  weightKey: "fairnessSpreadUnit",
  defaults: {},
  check(ctx) {
    return fairnessFindings(ctx, "weekends");
  },
  // Per level group, count = Σ of the person's weekend indicators over horizon days only (as
  // `weekendsWorked` counts them; a history Saturday does not count): the spread max − min priced.
  build(ctx, rule) {
    const worked = weekendIndicators(ctx, { history: false });
    const weekendsOf = new Map(ctx.staff.map((person, i) => [person, worked[i]!]));
    for (const { level, members } of fairnessGroupsOf(ctx, "weekends")) {
      // With history off every weekend is a column or the constant 0.
      const counts = members.map((person) => weekendsOf.get(person)!.flatMap((v) => ("column" in v ? [{ column: v.column, coefficient: 1 }] : [])));
      buildSpread(ctx, rule, level, counts);
    }
  },
};
