/**
 * The rule registry: the table of contents of every labor, coverage, preference and fairness rule,
 * hard rules first. Each line is one file in this folder; each file states its rule, policy and weight.
 */
import type { PlanningInput, Problem } from "../../models/index.js";
import type { ParamValue, RuleDefinition } from "./types.js";
import { oneShiftPerDay } from "./one-shift-per-day.js";
import { minRest } from "./min-rest.js";
import { LABOR_RULES } from "./labor-rules.js";
import { PAY_AND_COVERAGE_RULES } from "./pay-and-coverage-rules.js";

// Two lists while the rules are being written in parallel; merged into one table here afterwards.
export const RULES: readonly RuleDefinition<any>[] = [oneShiftPerDay, minRest, ...LABOR_RULES, ...PAY_AND_COVERAGE_RULES];

export function ruleById(id: string): RuleDefinition<any> | undefined {
  return RULES.find((r) => r.id === id);
}

/** Problems with `rules.<id>.params`: unknown names or values of the wrong type. */
export function checkRuleParams(input: PlanningInput): Problem[] {
  const problems: Problem[] = [];
  for (const [id, setting] of Object.entries(input.rules)) {
    const rule = ruleById(id);
    if (!rule || !setting) continue;
    const defaults = rule.defaults as Record<string, ParamValue>;
    for (const [name, value] of Object.entries(setting.params)) {
      const path = `rules.${id}.params.${name}`;
      if (!(name in defaults)) {
        const known = Object.keys(defaults);
        problems.push({ path, message: known.length ? `unknown parameter (known: ${known.join(", ")})` : "this rule takes no parameters", value });
      } else if (typeof value !== typeof defaults[name]) {
        problems.push({ path, message: `must be a ${typeof defaults[name]}`, value });
      }
    }
  }
  return problems;
}
