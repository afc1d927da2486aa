/**
 * One benchmark case in its own process (so its peak RSS is its own): builds the department, solves it
 * with the project's `optimize()` (the search a manager's solve uses) and prints one JSON line of figures.
 * Used by bench/solver.ts.
 *   tsx bench/solve-case.ts <demo|STAFF> <DAYS> <TIME_LIMIT_S> [highs|jslp] [neighbourhoods|whole]
 */
import { optimize } from "../src/optimize.js";
import { prepare } from "../src/pipeline.js";
import type { EngineName } from "../solver/engines/types.js";
import { MAX_HORIZON_DAYS } from "../models/index.js";
import { demoDepartment, scaledDepartment } from "./departments.js";

const [which = "demo", daysArg = "30", limitArg = "60", engineArg = "highs", searchArg = "neighbourhoods"] = process.argv.slice(2);
const USAGE = "usage: tsx bench/solve-case.ts <demo|STAFF> <DAYS> <TIME_LIMIT_S> [highs|jslp] [neighbourhoods|whole]";
// A bad argument is named before anything is built: a limit that is not a number used to give a row of
// "timedout" at once, and a staff count that is not one a stack trace from the department's parse.
const problem =
  which !== "demo" && !/^[1-9][0-9]*$/.test(which) ? `STAFF must be "demo" or a whole number above 0 (got "${which}")`
  : !/^[1-9][0-9]*$/.test(daysArg) || Number(daysArg) > MAX_HORIZON_DAYS ? `DAYS must be a whole number from 1 to ${MAX_HORIZON_DAYS} (got "${daysArg}")`
  : !(limitArg.trim() !== "" && Number.isFinite(Number(limitArg)) && Number(limitArg) > 0) ? `TIME_LIMIT_S must be a positive number of seconds (got "${limitArg}")`
  : !["highs", "jslp"].includes(engineArg) || !["neighbourhoods", "whole"].includes(searchArg) ? `the engine is highs or jslp and the search neighbourhoods or whole (got "${engineArg}" "${searchArg}")`
  : undefined;
if (problem) {
  console.error(`solve-case: ${problem}; ${USAGE}`);
  process.exit(2);
}
const input = which === "demo" ? demoDepartment() : scaledDepartment(Number(which), Number(daysArg));
const engine = engineArg as EngineName;
const prepared = prepare(input);
let firstGap1: number | undefined;
// The first schedule's price, and the incumbent's at 10 s (the first-schedule target): a first schedule
// of nobody working comes at once, and these say what it and the next seconds are worth.
let firstObjective: number | undefined;
let objectiveAt10s: number | undefined;
const outcome = await optimize(prepared, {
  engine,
  search: searchArg as "neighbourhoods" | "whole",
  timeLimitSeconds: Number(limitArg),
  relativeGap: 1e-4,
  onProgress: (p) => {
    if (p.incumbent !== undefined) {
      firstObjective ??= p.incumbent;
      if (p.elapsedSeconds <= 10) objectiveAt10s = p.incumbent;
    }
    if (firstGap1 === undefined && p.gap !== undefined && p.gap <= 0.01) firstGap1 = p.elapsedSeconds;
  },
});
if (firstGap1 === undefined && outcome.gap !== undefined && outcome.gap <= 0.01) firstGap1 = outcome.seconds;
console.log(
  JSON.stringify({
    case: which === "demo" ? "demo" : `${which} staff`,
    staff: input.staff.length,
    days: prepared.grid.days.length,
    engine,
    search: engine === "highs" ? searchArg : "whole",
    ...outcome.model,
    status: outcome.status,
    firstFeasibleSeconds: outcome.firstFeasibleSeconds,
    firstObjective,
    objectiveAt10s,
    gap1Seconds: firstGap1,
    seconds: outcome.seconds,
    gap: outcome.gap,
    bound: outcome.bound,
    // optimize() prices the schedule by the checker (never above the MIP's objective).
    objective: outcome.objective,
    checkerTotal: outcome.explanation?.total,
    hardViolations: outcome.explanation?.violations.filter((v) => v.hard).length,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
