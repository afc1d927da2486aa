import type { RuleDefinition } from "./types.js";

export const LABOR_RULES: RuleDefinition<any>[] = [];
