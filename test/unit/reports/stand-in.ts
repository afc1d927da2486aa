/**
 * Stand-ins for the optimizer in what-if tests: an outcome for a given schedule, priced by the checker,
 * so a test decides what each count's solve returns without solving.
 */
import type { Schedule } from "../../../models/index.js";
import type { OptimizeOutcome } from "../../../src/optimize.js";
import { explain, type Prepared } from "../../../src/pipeline.js";

/** The outcome of a solve that returned `schedule` (default: nobody working), proven optimal unless `extra` says otherwise. */
export function outcomeOf(prepared: Prepared, schedule: Schedule = { assignments: [] }, extra: Partial<OptimizeOutcome> = {}): OptimizeOutcome {
  const explanation = explain(prepared, schedule);
  return { status: "optimal", engine: "highs", seconds: 0, model: { columns: 0, rows: 0, nonzeros: 0 }, schedule, explanation, objective: explanation.total, bound: explanation.total, gap: 0, ...extra };
}

/** The outcome of a solve that stopped at its limit with no schedule and no bound. */
export function timedOut(): OptimizeOutcome {
  return { status: "timedout", engine: "highs", seconds: 1, model: { columns: 0, rows: 0, nonzeros: 0 } };
}
