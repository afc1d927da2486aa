/**
 * The pipeline: start reading here. Stages in order, a few lines each:
 *   parse (models/) → time grid (src/time) → demand (src/demand) → [optimize (solver/)] → explain (solver/explain)
 * The stages are these functions; their callers (the CLI's solve, the solve and report jobs, the FTE
 * report's what-if, src/optimize.ts) run prepare, optimize and explain in that order themselves.
 */
import {
  checkScheduleReferences,
  parsePlanningInput,
  parseSchedule,
  type Demand,
  type Explanation,
  type Parsed,
  type PlanningInput,
  type ReferenceOptions,
  type Schedule,
  type TimeGrid,
} from "../models/index.js";
import { checkRuleParams } from "../solver/rules/index.js";
import { explainSchedule } from "../solver/explain.js";
import { buildTimeGrid } from "./time/grid.js";
import { deriveDemand } from "./demand/derive.js";

/** An input with everything derived from it that the solver and the checker read. */
export interface Prepared {
  input: PlanningInput;
  grid: TimeGrid;
  demand: Demand;
}

/**
 * Validate raw data as a planning input: schema, cross-references and rule parameters. `options.standing`:
 * the stored input a write replaces (its shift-on requests stand, `checkReferences`).
 */
export function parseInput(data: unknown, options: ReferenceOptions = {}): Parsed<PlanningInput> {
  const parsed = parsePlanningInput(data, options);
  if (!parsed.ok) return parsed;
  const problems = checkRuleParams(parsed.value);
  return problems.length > 0 ? { ok: false, problems } : parsed;
}

export function prepare(input: PlanningInput): Prepared {
  const grid = buildTimeGrid(input);
  return { input, grid, demand: deriveDemand(input, grid) };
}

/** Validate raw data as a schedule for this input. */
export function parseScheduleFor(input: PlanningInput, data: unknown): Parsed<Schedule> {
  const parsed = parseSchedule(data);
  if (!parsed.ok) return parsed;
  const problems = checkScheduleReferences(input, parsed.value);
  return problems.length > 0 ? { ok: false, problems } : parsed;
}

export function explain(prepared: Prepared, schedule: Schedule): Explanation {
  return explainSchedule(prepared.input, prepared.grid, prepared.demand, schedule);
}
