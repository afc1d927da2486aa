/**
 * `npm run bench`: the optimizer on generated departments of 30, 60 and 120 staff and on the demo, each in
 * its own process; then one small model on both engines side by side. Prints figures; never fails on time.
 *   npm run bench -- [--time-limit S] [--quick]
 * S (default 60) is every case's limit but the 120-staff case's when not given (300) and the small model's
 * on both engines (at most 60: javascript-lp-solver gives no answer on it and uses all of its limit).
 * Exit codes: 0 done; 2 bad arguments (named in one line, before anything is solved).
 */
import { execFileSync } from "node:child_process";
import { limitsLine, parseSolverBenchArgs } from "./solver-cases.js";

const parsed = parseSolverBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`bench: ${parsed.message}`);
  process.exit(2);
}

const fmt = (v: unknown, digits = 1): string => (typeof v === "number" ? v.toFixed(digits) : v === undefined ? "—" : String(v));
const rows: string[][] = [];
for (const { which, days, timeLimitSeconds, engine, search } of parsed.cases) {
  const script = new URL("./solve-case.ts", import.meta.url).pathname;
  const out = execFileSync(process.execPath, ["--import", "tsx", script, which, String(days), String(timeLimitSeconds), engine, search], { encoding: "utf8", maxBuffer: 1 << 24 });
  const r = JSON.parse(out.trim().split("\n").pop()!);
  rows.push([
    r.case, `${r.staff}×${r.days}`, r.engine, r.search, String(r.columns), String(r.rows), String(r.nonzeros), r.status,
    fmt(r.firstFeasibleSeconds), fmt(r.firstObjective, 0), fmt(r.objectiveAt10s, 0), fmt(r.gap1Seconds), fmt(r.seconds), r.gap === undefined ? "—" : `${(100 * r.gap).toFixed(2)} %`,
    fmt(r.objective, 0), String(r.hardViolations ?? "—"), fmt(r.peakRssMiB, 0),
  ]);
  console.error(`done: ${r.case} ${r.engine} ${r.search} (${fmt(r.seconds)} s)`);
}
const header = ["case", "staff×days", "engine", "search", "columns", "rows", "nonzeros", "status", "first feasible s", "first objective", "objective at 10 s", "≤1% gap s", "total s", "final gap", "objective", "hard viol.", "peak RSS MiB"];
console.log(`${limitsLine(parsed.timeLimitSeconds, parsed.cases)}; node ${process.version}`);
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
