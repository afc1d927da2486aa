/**
 * `npm run bench`: the optimizer on generated departments of 30, 60 and 120 staff and on the demo, each in
 * its own process; then one small model on both engines side by side. Prints figures; never fails on time.
 *   npm run bench -- [--time-limit S] [--quick]
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { "time-limit": { type: "string" }, quick: { type: "boolean", default: false } } });
const limit = values["time-limit"] ?? "60";
const cases: [string, string, string, string, string?][] = values.quick
  ? [["demo", "30", limit, "highs"], ["10", "7", "60", "highs"], ["10", "7", "60", "jslp"]]
  : [
      ["demo", "30", limit, "highs"],
      // The same month as one whole-model solve, to show what the neighbourhood search adds.
      ["demo", "30", limit, "highs", "whole"],
      ["30", "28", limit, "highs"],
      ["60", "31", limit, "highs"],
      ["120", "28", values["time-limit"] ?? "300", "highs"],
      ["6", "7", "60", "highs"],
      ["6", "7", "60", "jslp"],
    ];

const fmt = (v: unknown, digits = 1): string => (typeof v === "number" ? v.toFixed(digits) : v === undefined ? "—" : String(v));
const rows: string[][] = [];
for (const [which, days, caseLimit, engine, search = "neighbourhoods"] of cases) {
  const script = new URL("./solve-case.ts", import.meta.url).pathname;
  const out = execFileSync(process.execPath, ["--import", "tsx", script, which, days, caseLimit, engine, search], { encoding: "utf8", maxBuffer: 1 << 24 });
  const r = JSON.parse(out.trim().split("\n").pop()!);
  rows.push([
    r.case, `${r.staff}×${r.days}`, r.engine, r.search, String(r.columns), String(r.rows), String(r.nonzeros), r.status,
    fmt(r.firstFeasibleSeconds), fmt(r.firstObjective, 0), fmt(r.objectiveAt10s, 0), fmt(r.gap1Seconds), fmt(r.seconds), r.gap === undefined ? "—" : `${(100 * r.gap).toFixed(2)} %`,
    fmt(r.objective, 0), String(r.hardViolations ?? "—"), fmt(r.peakRssMiB, 0),
  ]);
  console.error(`done: ${r.case} ${r.engine} ${r.search} (${fmt(r.seconds)} s)`);
}
const header = ["case", "staff×days", "engine", "search", "columns", "rows", "nonzeros", "status", "first feasible s", "first objective", "objective at 10 s", "≤1% gap s", "total s", "final gap", "objective", "hard viol.", "peak RSS MiB"];
console.log(`time limit ${limit} s (120 staff: ${values["time-limit"] ?? "300"} s); node ${process.version}`);
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
