import type { RuleDefinition } from "./types.js";

export const PAY_AND_COVERAGE_RULES: RuleDefinition<any>[] = [];
