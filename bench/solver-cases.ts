/**
 * The cases of `npm run bench` (bench/solver.ts), the arguments that choose them and the table's rows,
 * apart from the script so that a test reads them without solving anything. A bad argument is named in one
 * line; --time-limit sets every case's limit, the 120-staff case's 300 s default and the engine
 * comparison's 60 s cap aside; a case whose process fails is a row of its own, and the others still print.
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

export const SOLVER_BENCH_HEADER = ["case", "staff×days", "engine", "search", "columns", "rows", "nonzeros", "status", "first feasible s", "first objective", "objective at 10 s", "≤1% gap s", "total s", "final gap", "objective", "hard viol.", "peak RSS MiB"];

const fmt = (v: unknown, digits = 1): string => (typeof v === "number" ? v.toFixed(digits) : v === undefined ? "—" : String(v));

/**
 * One case's row of the table from `solve`, which runs the case (bench/solve-case.ts in a process of its
 * own) and returns what it printed, its figures as JSON on the last line. A case that throws (its process
 * crashed: a failing worker once ended one run in about ten) or prints no figures is a row with status
 * `error` and `failed`, so that the cases measured before and after it are not lost.
 */
export function caseRow(c: SolverBenchCase, solve: () => string): { row: string[]; failed: boolean; message?: string } {
  try {
    const r = JSON.parse(solve().trim().split("\n").pop()!);
    return {
      row: [
        r.case, `${r.staff}×${r.days}`, r.engine, r.search, String(r.columns), String(r.rows), String(r.nonzeros), r.status,
        fmt(r.firstFeasibleSeconds), fmt(r.firstObjective, 0), fmt(r.objectiveAt10s, 0), fmt(r.gap1Seconds), fmt(r.seconds), r.gap === undefined ? "—" : `${(100 * r.gap).toFixed(2)} %`,
        fmt(r.objective, 0), String(r.hardViolations ?? "—"), fmt(r.peakRssMiB, 0),
      ],
      failed: false,
    };
  } catch (error) {
    const name = c.which === "demo" ? "demo" : `${c.which} staff`;
    const row = [name, c.which === "demo" ? "—" : `${c.which}×${c.days}`, c.engine, c.search, ...Array<string>(3).fill("—"), "error", ...Array<string>(9).fill("—")];
    return { row, failed: true, message: (error as Error).message.split("\n")[0]! };
  }
}
