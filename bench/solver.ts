/**
 * `npm run bench`: the optimizer on generated departments of 30, 60 and 120 staff and on the demo, each in
 * its own process; then one small model on both engines side by side. Prints figures; never fails on time.
 *   npm run bench -- [--time-limit S] [--quick]
 * S (default 60) is every case's limit but the 120-staff case's when not given (300) and the small model's
 * on both engines (at most 60: javascript-lp-solver gives no answer on it and uses all of its limit).
 * Exit codes: 0 done; 1 a case failed (its process crashed: its row says error, the others are kept); 2 bad
 * arguments (named in one line, before anything is solved).
 */
import { execFileSync } from "node:child_process";
import { caseRow, limitsLine, parseSolverBenchArgs, SOLVER_BENCH_HEADER } from "./solver-cases.js";

const parsed = parseSolverBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`bench: ${parsed.message}`);
  process.exit(2);
}

const script = new URL("./solve-case.ts", import.meta.url).pathname;
const rows: string[][] = [];
let failed = 0;
for (const c of parsed.cases) {
  const args = ["--import", "tsx", script, c.which, String(c.days), String(c.timeLimitSeconds), c.engine, c.search];
  const result = caseRow(c, () => execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] }));
  rows.push(result.row);
  if (result.failed) failed++;
  console.error(result.failed ? `failed: ${result.row[0]} ${c.engine} ${c.search}: ${result.message}` : `done: ${result.row[0]} ${result.row[2]} ${result.row[3]} (${result.row[12]} s)`);
}
console.log(`${limitsLine(parsed.timeLimitSeconds, parsed.cases)}; node ${process.version}`);
console.log(`| ${SOLVER_BENCH_HEADER.join(" | ")} |`);
console.log(`|${SOLVER_BENCH_HEADER.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
if (failed > 0) process.exitCode = 1;
