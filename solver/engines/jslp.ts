/**
 * javascript-lp-solver adapter: the design card's library, kept for small models and as a cross-check of
 * HiGHS in tests. Pinned at 0.4.24: 1.0.3 loops in phase-1 simplex on small rostering models and ignores its
 * own timeout (see shared/notes/solvers.md). 0.4.24 cannot be interrupted from inside and may call a
 * fractional answer "feasible" at a limit, so its answer is re-checked here (bounds, rows, integrality)
 * before it is believed, and `run.ts` ends its worker from outside at the time limit.
 */
import { createRequire } from "node:module";
import { firstInfeasibility, objectiveOf, type LinearModel } from "../model/linear-model.js";
import type { Engine, EngineResult } from "./types.js";

interface JslpModel {
  optimize: string;
  opType: "min" | "max";
  constraints: Record<string, { min?: number; max?: number }>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  options?: { tolerance?: number };
}

interface JslpSolver {
  Solve(model: JslpModel): Record<string, number | boolean | undefined> & { feasible?: boolean; result?: number };
}

const solver = createRequire(import.meta.url)("javascript-lp-solver") as JslpSolver;

const OBJECTIVE = "objective";

/** Columns are `c<j>`, rows `r<i>`, bounds `lb<j>`/`ub<j>`: the library keys everything by name. */
export function toJslpModel(model: LinearModel): JslpModel {
  const constraints: JslpModel["constraints"] = {};
  const variables: JslpModel["variables"] = {};
  const ints: JslpModel["ints"] = {};
  for (let j = 0; j < model.numCols; j++) {
    const name = `c${j}`;
    const column: Record<string, number> = { [OBJECTIVE]: model.colCost[j]! };
    const lower = model.colLower[j]!;
    const upper = model.colUpper[j]!;
    if (lower < 0) throw new Error(`javascript-lp-solver adapter: column ${model.colNames[j]} has a negative lower bound`);
    if (lower > 0) {
      constraints[`lb${j}`] = { min: lower };
      column[`lb${j}`] = 1;
    }
    if (Number.isFinite(upper)) {
      constraints[`ub${j}`] = { max: upper };
      column[`ub${j}`] = 1;
    }
    if (model.colInteger[j]) ints[name] = 1;
    variables[name] = column;
  }
  for (let r = 0; r < model.numRows; r++) {
    const row: { min?: number; max?: number } = {};
    if (Number.isFinite(model.rowLower[r]!)) row.min = model.rowLower[r]!;
    if (Number.isFinite(model.rowUpper[r]!)) row.max = model.rowUpper[r]!;
    constraints[`r${r}`] = row;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) {
      variables[`c${model.rowColumns[k]!}`]![`r${r}`] = model.rowCoefficients[k]!;
    }
  }
  return { optimize: OBJECTIVE, opType: "min", constraints, variables, ints, options: { tolerance: 0 } };
}

export const jslpEngine: Engine = {
  name: "jslp",
  solve(model): EngineResult {
    const started = performance.now();
    const answer = solver.Solve(toJslpModel(model));
    const seconds = (performance.now() - started) / 1000;
    if (!answer.feasible) return { status: "infeasible", seconds, detail: "javascript-lp-solver: not feasible" };
    const values = new Float64Array(model.numCols);
    for (let j = 0; j < model.numCols; j++) {
      const v = answer[`c${j}`];
      values[j] = typeof v === "number" ? v : 0;
    }
    // Integer columns come back as floats like 0.9999999999; round those within tolerance.
    for (let j = 0; j < model.numCols; j++) if (model.colInteger[j] && Math.abs(values[j]! - Math.round(values[j]!)) < 1e-6) values[j] = Math.round(values[j]!);
    const wrong = firstInfeasibility(model, values);
    if (wrong) return { status: "timedout", seconds, detail: `javascript-lp-solver answer rejected: ${wrong}` };
    const objective = objectiveOf(model, values);
    return { status: "optimal", objective, bound: objective, gap: 0, seconds, values, detail: "javascript-lp-solver: optimal" };
  },
};
