/**
 * `npm run bench:curtois`: the optimizer on Curtois–Qu instances, each in its own process
 * (`solve-instance.ts`), its roster judged by the independent evaluator; prints a markdown table, or the
 * rows as JSON with `--json` (with `npm run -s`, so that npm's own lines do not come before it on stdout).
 *   npm run bench:curtois -- [--time-limit S] [--json] [INSTANCE_FILE ...]
 * Default: instances 1–12 of the data folder (`paths.ts`), 60 s each. Any file of the same format may be
 * named; the best known optimum is shown only for a file whose content is one of instances 1–12.
 * Exit codes: 0 done; 1 a case failed (its process crashed, or the evaluator found a hard violation or a
 * penalty other than our objective); 2 bad arguments (named in one line, before anything is solved).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readInstanceFile } from "./instance-file.js";
import { instancePath } from "./paths.js";
import type { SolveInstanceRow } from "./solve-instance.js";

const DEFAULT_TIME_LIMIT_SECONDS = 60;
const DEFAULT_INSTANCES = Array.from({ length: 12 }, (_, i) => i + 1);
/** Relative tolerance within which the evaluator's penalty equals our objective. */
const AGREEMENT_TOLERANCE = 1e-6;

function fail(message: string): never {
  console.error(`bench:curtois: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { "time-limit": { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  // Node's message goes on about positionals after "--"; its first sentence names the problem.
  const first = (error as Error).message.split("\n")[0]!.replace(/\. .*$/, ".");
  fail(`${first} Usage: npm run bench:curtois -- [--time-limit S] [--json] [INSTANCE_FILE ...]`);
}
const limitText = args.values["time-limit"];
const limit = limitText === undefined ? DEFAULT_TIME_LIMIT_SECONDS : Number(limitText);
if (limitText !== undefined && !(limitText.trim() !== "" && Number.isFinite(limit) && limit > 0)) {
  fail(`--time-limit expects a positive number of seconds (got "${limitText}")`);
}
const paths = args.positionals.length > 0 ? args.positionals : DEFAULT_INSTANCES.map((n) => instancePath(n));
// Every file is read and parsed before anything is solved, so a bad one costs no solving time.
for (const path of paths) {
  const read = readInstanceFile(path);
  if (!read.ok) fail(read.message);
}

export interface BenchRow extends SolveInstanceRow {
  /** The evaluator found no hard violation and scored the roster at our objective. */
  evaluatorAgrees: boolean;
  error?: string;
}

function agrees(r: SolveInstanceRow): boolean {
  if (r.objective === undefined || r.evaluatorPenalty === undefined) return r.objective === undefined;
  const close = Math.abs(r.evaluatorPenalty - r.objective) <= AGREEMENT_TOLERANCE * Math.max(1, Math.abs(r.objective));
  return r.evaluatorHardViolations === 0 && close;
}

const script = fileURLToPath(new URL("./solve-instance.ts", import.meta.url));
const rows: BenchRow[] = [];
for (const path of paths) {
  const child = spawnSync(process.execPath, ["--import", "tsx", script, path, String(limit)], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const last = (child.stdout ?? "").trim().split("\n").pop() ?? "";
  let row: BenchRow;
  try {
    if (child.status !== 0) throw new Error(`exited with ${child.status ?? child.signal}`);
    const parsed = JSON.parse(last) as SolveInstanceRow;
    row = { ...parsed, evaluatorAgrees: agrees(parsed) };
  } catch (error) {
    const name = path.replace(/^.*[\\/]/, "").replace(/\.txt$/i, "");
    row = { instance: name, path, staff: 0, days: 0, shiftTypes: 0, columns: 0, rows: 0, nonzeros: 0, status: "error", timeLimitSeconds: limit, seconds: 0, peakRssMiB: 0, evaluatorAgrees: false, error: (error as Error).message };
  }
  rows.push(row);
  console.error(`done: ${row.instance} ${row.status} ${fmt(row.objective, 0)} (${fmt(row.seconds)} s)`);
}

function fmt(v: number | undefined, digits = 1): string {
  return v === undefined ? "—" : v.toFixed(digits);
}

function evaluatorCell(r: BenchRow): string {
  if (r.status === "error") return `error: ${r.error}`;
  if (r.evaluatorHardViolations === undefined) return "—";
  if (r.evaluatorHardViolations > 0) return `no: ${r.evaluatorHardViolations} hard (${r.evaluatorDetails?.[0] ?? ""})`;
  return r.evaluatorAgrees ? "yes" : "yes, penalty differs";
}

if (args.values.json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const header = [
    "instance", "staff×days×shifts", "columns", "rows", "nonzeros", "status", "objective", "best known", "gap to best %",
    "first feasible s", "time to best s", "total s", "peak RSS MiB", "evaluator accepts", "evaluator penalty",
  ];
  console.log(`time limit ${limit} s per instance; relative gap 1e-4; node ${process.version}`);
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map((_, i) => (i <= 1 || i === 5 || i === 13 ? "---" : "---:")).join("|")}|`);
  for (const r of rows) {
    console.log(
      `| ${[
        r.instance,
        r.status === "error" ? "—" : `${r.staff}×${r.days}×${r.shiftTypes}`,
        String(r.columns), String(r.rows), String(r.nonzeros), r.status,
        fmt(r.objective, 0), r.bestKnown === undefined ? "unknown" : String(r.bestKnown),
        r.gapToBestKnownPercent === undefined ? "—" : r.gapToBestKnownPercent.toFixed(2),
        fmt(r.firstFeasibleSeconds), fmt(r.bestSeconds), fmt(r.seconds), fmt(r.peakRssMiB, 0),
        evaluatorCell(r), fmt(r.evaluatorPenalty, 0),
      ].join(" | ")} |`,
    );
  }
}
process.exit(rows.every((r) => r.evaluatorAgrees) ? 0 : 1);
