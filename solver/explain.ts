/**
 * The explainer: judges any schedule (optimized or edited by hand) from the input alone. Runs every
 * enabled rule's check, then adds coverage, hours, overtime, cost, budget use, preference and fairness
 * figures, and the weighted total the optimizer's objective must equal.
 */
import type { Demand, Explanation, PlanningInput, RuleId, RuleSummary, Schedule, TimeGrid, Violation } from "../models/index.js";
import { buildCheckContext } from "./check/context.js";
import { coverageLines, coverageOf } from "./check/coverage.js";
import { agencyHours, payOf } from "./check/pay.js";
import { fairnessLines } from "./check/fairness.js";
import { RULES } from "./rules/index.js";
import { resolveRule } from "./rules/resolve.js";

/** The rules that judge people's requests: their violations make the explanation's `requests` figures. */
export const REQUEST_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["requests.shift-on", "requests.shift-off", "requests.day-off"]);

export function explainSchedule(input: PlanningInput, grid: TimeGrid, demand: Demand, schedule: Schedule): Explanation {
  const ctx = buildCheckContext(input, grid, demand, schedule);
  const violations: Violation[] = [];
  const rules: RuleSummary[] = [];
  for (const definition of RULES) {
    const rule = resolveRule(definition, input);
    if (!rule.enabled) continue;
    const found = definition.check(ctx, rule).map((f): Violation => ({
      rule: rule.id,
      hard: rule.hard,
      subjects: f.subjects,
      amount: f.amount,
      unit: f.unit ?? definition.unit,
      message: f.message,
      penalty: rule.hard ? 0 : f.amount * (f.weight ?? rule.weight),
    }));
    violations.push(...found);
    const amounts = amountsByUnit(found);
    rules.push({
      rule: rule.id,
      title: definition.title,
      hard: rule.hard,
      count: found.length,
      // One total only when it adds like to like: budget.cap's dollars and hours do not add up.
      ...(amounts.length <= 1 ? { amount: amounts[0]?.amount ?? 0, unit: amounts[0]?.unit ?? definition.unit } : { unit: definition.unit }),
      amounts,
      penalty: found.reduce((a, v) => a + v.penalty, 0),
    });
  }

  const staff = payOf(ctx);
  const regularDollars = staff.reduce((a, s) => a + s.regularDollars, 0);
  const differentialDollars = staff.reduce((a, s) => a + s.differentialDollars, 0);
  const overtimePremiumDollars = staff.reduce((a, s) => a + s.overtimePremiumDollars, 0);
  const cost = {
    regularDollars,
    differentialDollars,
    overtimePremiumDollars,
    totalDollars: regularDollars + differentialDollars + overtimePremiumDollars,
    overtimeHours: staff.reduce((a, s) => a + s.overtimeHours, 0),
    agencyHours: agencyHours(ctx),
  };
  const { laborDollars, overtimeHours, agencyHours: agencyCap } = input.budget;
  const budget: Explanation["budget"] = {};
  if (laborDollars !== undefined) budget.laborDollars = { cap: laborDollars, used: cost.totalDollars };
  if (overtimeHours !== undefined) budget.overtimeHours = { cap: overtimeHours, used: cost.overtimeHours };
  if (agencyCap !== undefined) budget.agencyHours = { cap: agencyCap, used: cost.agencyHours };

  const requestViolations = violations.filter((v) => REQUEST_RULES.has(v.rule));
  // The request rules judge only requests dated inside the horizon; the others are neither granted nor not.
  const horizonDates = new Set(grid.days.map((d) => d.date));
  const requestTotal = input.staff.reduce((a, s) => a + s.requests.filter((r) => horizonDates.has(r.date)).length, 0);

  const penalties = violations.reduce((a, v) => a + v.penalty, 0);
  return {
    feasible: !violations.some((v) => v.hard),
    total: cost.totalDollars * input.weights.laborDollar + penalties,
    violations,
    rules,
    coverage: coverageLines(ctx, coverageOf(ctx)),
    staff,
    cost,
    budget,
    fairness: fairnessLines(ctx),
    requests: {
      total: requestTotal,
      granted: requestTotal - requestViolations.length,
      penalty: requestViolations.reduce((a, v) => a + v.penalty, 0),
    },
  };
}

/** The violations' amounts added up per unit, in the order the units first appear. */
function amountsByUnit(violations: readonly Violation[]): { unit: string; amount: number }[] {
  const totals = new Map<string, number>();
  for (const v of violations) totals.set(v.unit, (totals.get(v.unit) ?? 0) + v.amount);
  return [...totals].map(([unit, amount]) => ({ unit, amount }));
}
