/**
 * Budget cap: the schedule's labor dollars, overtime hours and agency/PRN hours stay within the caps in
 * `input.budget`.
 *
 * Policy: each cap the site gives is checked over the whole horizon: labor dollars are the total cost
 * (regular pay, differentials and overtime premium), overtime hours follow each person's rule (weekly40
 * or 8/80), agency hours are the paid hours of PRN and agency staff. Up to three findings, one per cap
 * exceeded, each in its own currency (dollars or hours) and saying so; the rule's own unit is a neutral
 * "unit", and its summary adds up amounts per unit, never dollars to hours.
 *
 * Soft, and it can never sensibly be hard: a budget is a plan, and going over it is a conversation with
 * finance, not an impossible schedule. Weight `overBudgetUnit` (5) per dollar: past the cap an hour of a
 * $60 pharmacist costs $60 + 5 × $60 = $360, more than an uncovered forecast staff-hour (300) and far
 * less than a floor staff-hour (1000): over budget, every floor is still covered but dear forecast work
 * may go uncovered, which is the trade a budget cap asks for. An hour over an hours cap weighs
 * `overBudgetHour` (100), whatever the rule's own weight (which prices dollars): at 5 an overtime hour
 * past its cap cost less than the coffee, and the cap did nothing.
 */
import type { Finding, RuleDefinition } from "./types.js";
import { agencyHours, payOf } from "../check/pay.js";
import { buildBand } from "../model/bands.js";

export const budgetCap: RuleDefinition = {
  id: "budget.cap",
  title: "Labor dollars, overtime and agency hours within budget",
  policy: "The horizon's labor dollars, overtime hours and agency/PRN hours stay within the budget caps.",
  hardByDefault: false,
  monotone: true,
  unit: "unit",
  weightKey: "overBudgetUnit",
  defaults: {},
  check(ctx) {
    const { laborDollars, overtimeHours, agencyHours: agencyCap } = ctx.input.budget;
    const pay = payOf(ctx);
    const sum = (f: (s: (typeof pay)[number]) => number): number => pay.reduce((a, s) => a + f(s), 0);
    const findings: Finding[] = [];
    const hourWeight = ctx.input.weights.overBudgetHour;
    const over = (cap: number | undefined, used: number, what: string, unit: "dollars" | "hours"): void => {
      // Sums of float dollars: a rounding crumb over the cap is not a finding.
      if (cap === undefined || used - cap <= 1e-6) return;
      const show = (x: number): string =>
        unit === "dollars" ? `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : `${x.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h`;
      findings.push({
        subjects: { period: "horizon" },
        amount: used - cap,
        message: `${what} ${show(used)} exceed the budget of ${show(cap)} by ${show(used - cap)} (${unit})`,
        unit: unit === "dollars" ? "dollar" : "hour",
        ...(unit === "hours" ? { weight: hourWeight } : {}),
      });
    };
    over(laborDollars, sum((s) => s.regularDollars + s.differentialDollars + s.overtimePremiumDollars), "Labor dollars", "dollars");
    over(overtimeHours, sum((s) => s.overtimeHours), "Overtime hours", "hours");
    over(agencyCap, agencyHours(ctx), "Agency and PRN hours", "hours");
    return findings;
  },
  // Over the horizon, the model's own labor dollars (regular, differentials and the overtime premium
  // columns, as `labor-cost.ts` prices them), overtime hours and agency hours, each against its cap:
  // soft, a priced excess column per cap; hard, the cap as a row bound.
  build(ctx, rule) {
    const { laborDollars, overtimeHours, agencyHours: agencyCap } = ctx.input.budget;
    const hourWeight = ctx.input.weights.overBudgetHour;
    const caps = [
      { name: "labor-dollars", cap: laborDollars, terms: ctx.laborCost, weight: rule.weight },
      { name: "overtime-hours", cap: overtimeHours, terms: ctx.overtimeHours, weight: hourWeight },
      { name: "agency-hours", cap: agencyCap, terms: ctx.agencyHours, weight: hourWeight },
    ];
    for (const { name, cap, terms, weight } of caps) {
      if (cap === undefined) continue;
      buildBand(ctx, rule, `${rule.id}[${name}]`, { period: "horizon" }, weight, { terms, max: cap });
    }
  },
};
