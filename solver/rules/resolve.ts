/**
 * Merge a rule's defaults with the site's settings: enabled, hard or soft, weight and parameters.
 */
import type { PlanningInput } from "../../models/index.js";
import type { ParamValue, ResolvedRule, RuleDefinition } from "./types.js";

export function resolveRule<P extends Record<string, ParamValue>>(rule: RuleDefinition<P>, input: PlanningInput): ResolvedRule<P> {
  const setting = input.rules[rule.id];
  return {
    id: rule.id,
    enabled: setting?.enabled ?? true,
    hard: setting?.hard ?? rule.hardByDefault,
    weight: setting?.weight ?? input.weights[rule.weightKey],
    params: { ...rule.defaults, ...(setting?.params ?? {}) } as P,
  };
}
