/**
 * Night fairness: people of one career-ladder level work about the same number of night shifts.
 *
 * Policy: among regular staff (employment "staff", FTE > 0) of a level with at least two such people, the
 * spread = most − fewest night shifts (templates flagged `night`) started in the horizon is the amount,
 * one unit per night of spread. PRN and agency staff work when asked and are left out. A dedicated night
 * pharmacist's level can switch the rule off or lower its weight per site.
 *
 * Soft: fairness is a preference over schedules, never a reason to leave a gap. Weight
 * `fairnessSpreadUnit` (20), the last term of the objective as the design orders it: one unit of spread
 * is worth less than the overtime premium of a single shift, so the optimizer evens things out where
 * that costs next to nothing and never buys fairness with overtime or coverage.
 */
import type { RuleDefinition } from "./types.js";
import { fairnessFindings } from "../check/fairness.js";
import { buildSpread, fairnessGroupsOf } from "../model/fairness.js";

export const nightFairness: RuleDefinition = {
  id: "fairness.nights",
  title: "Nights shared fairly within a level",
  policy: "People of one level work about the same number of night shifts.",
  hardByDefault: false,
  unit: "night",
  weightKey: "fairnessSpreadUnit",
  defaults: {},
  check(ctx) {
    return fairnessFindings(ctx, "nights");
  },
  // Per level group, count = Σ x of the person's night shifts in the horizon: the spread max − min priced.
  build(ctx, rule) {
    for (const { level, members } of fairnessGroupsOf(ctx, "nights")) {
      const counts = members.map((person) => person.byDay.flat().filter((v) => v.shift.night).map((v) => ({ column: v.column, coefficient: 1 })));
      buildSpread(ctx, rule, level, counts);
    }
  },
};
