/**
 * One benchmark case in its own process (so its peak RSS is its own): builds the department, solves it
 * and prints one JSON line of figures. Used by bench/solver.ts.
 *   tsx bench/solve-case.ts <demo|STAFF> <DAYS> <TIME_LIMIT_S> [highs|jslp]
 */
import { buildModel } from "../solver/model/build.js";
import { solveInWorker } from "../solver/engines/run.js";
import { relativeGap, type EngineName } from "../solver/engines/types.js";
import { explain, prepare } from "../src/pipeline.js";
import { decodeSchedule } from "../solver/decode.js";
import { demoDepartment, scaledDepartment } from "./departments.js";

const [which = "demo", daysArg = "30", limitArg = "60", engineArg = "highs"] = process.argv.slice(2);
const input = which === "demo" ? demoDepartment() : scaledDepartment(Number(which), Number(daysArg));
const engine = engineArg as EngineName;
const buildStarted = performance.now();
const prepared = prepare(input);
const built = buildModel(prepared.input, prepared.grid, prepared.demand);
const buildSeconds = (performance.now() - buildStarted) / 1000;
let firstGap1: number | undefined;
const result = await solveInWorker(built.model, {
  engine,
  timeLimitSeconds: Number(limitArg),
  relativeGap: 1e-4,
  onProgress: (p) => {
    if (firstGap1 === undefined && p.gap !== undefined && p.gap <= 0.01) firstGap1 = p.elapsedSeconds;
  },
});
if (firstGap1 === undefined && result.gap !== undefined && result.gap <= 0.01) firstGap1 = result.seconds;
const explanation = result.values ? explain(prepared, decodeSchedule(built, result.values)) : undefined;
console.log(
  JSON.stringify({
    case: which === "demo" ? "demo" : `${which} staff`,
    staff: input.staff.length,
    days: prepared.grid.days.length,
    engine,
    columns: built.model.numCols,
    rows: built.model.numRows,
    nonzeros: built.model.rowColumns.length,
    buildSeconds,
    status: result.status,
    firstFeasibleSeconds: result.firstFeasibleSeconds,
    gap1Seconds: firstGap1,
    seconds: result.seconds,
    gap: explanation && result.objective !== undefined && result.bound !== undefined ? relativeGap(Math.min(result.objective, explanation.total), result.bound) : result.gap,
    // The schedule's price is the checker's total; an early incumbent's slacks can sit above it.
    objective: explanation && result.objective !== undefined ? Math.min(result.objective, explanation.total) : result.objective,
    mipObjective: result.objective,
    checkerTotal: explanation?.total,
    hardViolations: explanation?.violations.filter((v) => v.hard).length,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
