/**
 * HiGHS (npm `highs`, WebAssembly) adapter: the default engine. The model goes in through the array API
 * (CSR matrix), never as LP text. Progress comes from the improving-solution callback; cancel through the
 * MIP interrupt callback. The model is always disposed (WebAssembly memory is not garbage collected).
 */
import highsModule, { type Highs, type Model } from "highs";
import { firstInfeasibility, type LinearModel } from "../model/linear-model.js";
import { DEFAULT_RELATIVE_GAP, DEFAULT_TIME_LIMIT_SECONDS, relativeGap, type Engine, type EngineResult } from "./types.js";

// The package's types describe a CommonJS default; at run time the ESM build's default is the loader.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
let highs: Highs | undefined;

/** Loads the WebAssembly module once per thread; call before `highsEngine.solve`. */
export async function loadHighsEngine(): Promise<Engine> {
  highs ??= await loadHighs();
  return highsEngine;
}

const toHighsInfinity = (h: Highs, values: Float64Array): Float64Array =>
  values.map((v) => (v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v));

export const highsEngine: Engine = {
  name: "highs",
  memoryBytes: () => highs?.memoryBytes ?? 0,
  solve(model, options, hooks): EngineResult {
    const h = highs;
    if (!h) throw new Error("HiGHS not loaded: await loadHighsEngine() first");
    const started = performance.now();
    const elapsed = (): number => (performance.now() - started) / 1000;
    const instance = h.createModel({
      numCols: model.numCols,
      numRows: model.numRows,
      colCost: model.colCost,
      colLower: toHighsInfinity(h, model.colLower),
      colUpper: toHighsInfinity(h, model.colUpper),
      rowLower: toHighsInfinity(h, model.rowLower),
      rowUpper: toHighsInfinity(h, model.rowUpper),
      offset: model.offset,
      matrix: { format: "csr", numRows: model.numRows, numCols: model.numCols, starts: model.rowStarts, indices: model.rowColumns, values: model.rowCoefficients },
      integrality: Int32Array.from(model.colInteger),
    } as Parameters<Highs["createModel"]>[0]);
    try {
      instance.options.set({
        output_flag: false,
        // A limit already past (a caller's time ran out between its check and this solve) is no time at
        // all: HiGHS throws on a negative time_limit, and with 0 it answers at once.
        time_limit: Math.max(0, options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS),
        mip_rel_gap: options.relativeGap ?? DEFAULT_RELATIVE_GAP,
        ...(options.engineOptions ?? {}),
      });
      if (options.warmStart) instance.setSolution(options.warmStart);
      let firstFeasibleSeconds: number | undefined;
      let lastReport = 0;
      const report = (d: { mip_primal_bound?: number; objective_function_value?: number; mip_dual_bound?: number; mip_gap?: number }): void => {
        lastReport = elapsed();
        const incumbent = d.mip_primal_bound ?? d.objective_function_value;
        const known = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && Math.abs(v) < 1e29;
        hooks.onProgress?.({
          elapsedSeconds: lastReport,
          ...(known(incumbent) ? { incumbent } : {}),
          ...(known(d.mip_dual_bound) ? { bound: d.mip_dual_bound } : {}),
          ...(known(incumbent) && known(d.mip_gap) ? { gap: d.mip_gap } : {}),
        });
      };
      const types = h.constants.callbackType;
      instance.run({
        // A new incumbent is reported at once; the bound's progress about once a second.
        [types.mipImprovingSolution](event) {
          firstFeasibleSeconds ??= elapsed();
          report(event.data);
          const values = event.data.mip_solution;
          const objective = event.data.mip_primal_bound ?? event.data.objective_function_value;
          if (hooks.onIncumbent && values?.length === model.numCols && objective !== undefined) {
            hooks.onIncumbent({ objective, values: Float64Array.from(values), elapsedSeconds: elapsed() });
          }
        },
        [types.mipInterrupt](event) {
          if (hooks.shouldStop?.()) event.interrupt();
          else if (elapsed() - lastReport >= 1) report(event.data);
        },
        // A pure LP (the relaxation that bounds a fix-and-optimize search) is cancelled here.
        [types.simplexInterrupt](event) {
          if (hooks.shouldStop?.()) event.interrupt();
        },
        [types.ipmInterrupt](event) {
          if (hooks.shouldStop?.()) event.interrupt();
        },
      });
      return outcome(h, instance, model, elapsed(), firstFeasibleSeconds);
    } finally {
      instance.dispose();
    }
  },
};

function outcome(h: Highs, instance: Model, model: LinearModel, seconds: number, firstFeasibleSeconds: number | undefined): EngineResult {
  const status = instance.getModelStatus();
  const codes = h.constants.modelStatus;
  const info = (name: string): number | undefined => {
    try {
      const v = instance.info.get(name as never) as unknown;
      return typeof v === "number" && Number.isFinite(v) ? v : undefined;
    } catch {
      return undefined;
    }
  };
  if (status === codes.infeasible) {
    return { status: "infeasible", seconds, detail: "HiGHS: infeasible" };
  }
  if (status === codes.empty || model.numCols === 0) {
    // Nothing to decide (every shift forbidden, say): the empty schedule is optimal — unless a row left
    // with no columns cannot hold at 0 (a contract's minimum of hours when every shift is forbidden), which
    // HiGHS does not read when there is no column.
    const values = new Float64Array(model.numCols);
    const broken = firstInfeasibility(model, values);
    if (broken) return { status: "infeasible", seconds, detail: `HiGHS: nothing to decide, and ${broken}` };
    return { status: "optimal", objective: model.offset, bound: model.offset, gap: 0, seconds, values, detail: "HiGHS: empty model" };
  }
  const hasSolution = (info("primal_solution_status") ?? 0) >= 2;
  if (!hasSolution) return { status: "timedout", seconds, detail: `HiGHS model status ${status}` };
  const values = Float64Array.from(instance.getSolution().colValue);
  const objective = instance.getObjectiveValue();
  // Stopped before it had a bound of its own (a time limit before the root LP), HiGHS claims none: the
  // objective in its place read as a proof (gap 0, and a search then called its schedule optimal).
  const bound = info("mip_dual_bound") ?? (status === codes.optimal ? objective : undefined);
  const base = { objective, ...(bound !== undefined ? { bound, gap: relativeGap(objective, bound) } : {}), seconds, values, detail: `HiGHS model status ${status}` };
  const withFirst = firstFeasibleSeconds === undefined ? base : { ...base, firstFeasibleSeconds };
  return { status: status === codes.optimal ? "optimal" : "feasible", ...withFirst };
}
