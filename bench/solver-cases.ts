/**
 * The cases of `npm run bench` (bench/solver.ts) and the arguments that choose them, apart from the script
 * so that a test reads them without solving anything. A bad argument is named in one line; --time-limit
 * sets every case's limit, the 120-staff case's 300 s default and the engine comparison's 60 s cap aside.
 */
import { parseArgs } from "node:util";

export const SOLVER_BENCH_USAGE = "npm run bench -- [--time-limit S] [--quick]";

export interface SolverBenchCase {
  /** `demo`, or a staff count for `scaledDepartment`. */
  which: string;
  /** Days of the horizon (the demo keeps its own 30). */
  days: number;
  timeLimitSeconds: number;
  engine: "highs" | "jslp";
  search: "neighbourhoods" | "whole";
}

export type SolverBenchArgs = { ok: true; timeLimitSeconds: number; cases: SolverBenchCase[] } | { ok: false; message: string };

/** Seconds for every case when --time-limit is not given. */
const DEFAULT_SECONDS = 60;
/** The 120-staff case's seconds when --time-limit is not given: the optimizer issue's target is at 300 s. */
const LARGE_DEFAULT_SECONDS = 300;
/**
 * The small model on both engines runs at most this long: javascript-lp-solver gives no answer on it and
 * uses all of its limit, so a longer one would only cost time; a shorter --time-limit shortens it too.
 */
const ENGINES_MAX_SECONDS = 60;

export function parseSolverBenchArgs(args: string[]): SolverBenchArgs {
  let values: { "time-limit"?: string; quick?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { "time-limit": { type: "string" }, quick: { type: "boolean", default: false } }, strict: true }));
  } catch (error) {
    // Node's message may go on about positionals after "--"; its first sentence names the problem.
    const first = (error as Error).message.split("\n")[0]!.replace(/\. .*$/, "").replace(/\.?$/, ".");
    return { ok: false, message: `${first} Usage: ${SOLVER_BENCH_USAGE}` };
  }
  const text = values["time-limit"];
  const limit = text === undefined ? DEFAULT_SECONDS : Number(text);
  if (text !== undefined && !(text.trim() !== "" && Number.isFinite(limit) && limit > 0)) {
    return { ok: false, message: `--time-limit expects a positive number of seconds (got "${text}")` };
  }
  const engines = Math.min(limit, ENGINES_MAX_SECONDS);
  const one = (which: string, days: number, timeLimitSeconds: number, engine: SolverBenchCase["engine"], search: SolverBenchCase["search"] = "neighbourhoods"): SolverBenchCase =>
    ({ which, days, timeLimitSeconds, engine, search });
  const cases = values.quick
    ? [one("demo", 30, limit, "highs"), one("10", 7, engines, "highs"), one("10", 7, engines, "jslp", "whole")]
    : [
        one("demo", 30, limit, "highs"),
        // The same month as one whole-model solve, to show what the neighbourhood search adds.
        one("demo", 30, limit, "highs", "whole"),
        one("30", 28, limit, "highs"),
        one("60", 31, limit, "highs"),
        one("120", 28, text === undefined ? LARGE_DEFAULT_SECONDS : limit, "highs"),
        one("6", 7, engines, "highs"),
        one("6", 7, engines, "jslp", "whole"),
      ];
  return { ok: true, timeLimitSeconds: limit, cases };
}

/** The line above the table: the limit, and each case that runs under another one. */
export function limitsLine(timeLimitSeconds: number, cases: SolverBenchCase[]): string {
  const others = new Map<string, number>();
  for (const c of cases) {
    if (c.timeLimitSeconds === timeLimitSeconds) continue;
    const name = c.which === "demo" ? "demo" : `${c.which} staff${cases.some((d) => d.which === c.which && d.engine !== c.engine) ? " on both engines" : ""}`;
    others.set(name, c.timeLimitSeconds);
  }
  return `time limit ${timeLimitSeconds} s${others.size > 0 ? ` (${[...others].map(([name, s]) => `${name}: ${s} s`).join("; ")})` : ""}`;
}
