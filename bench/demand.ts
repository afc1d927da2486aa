/**
 * `npm run bench:demand`: how long demand takes to derive (src/demand: forecast × standards, floors, slot
 * lines), on the demo department as it is, on its first two weeks, and on those two weeks with 20,000
 * staffing floors more (audit-input: 20,000 floors once took 87 s, each interval scanned for each floor and
 * day). The time grid, built once per input, is timed beside it. Prints figures; never fails on time.
 * Exit codes: 0 done; 2 an argument was given (it takes none).
 */
import { clockText, type Floor, type PlanningInput } from "../models/index.js";
import { deriveDemand } from "../src/demand/derive.js";
import { buildTimeGrid } from "../src/time/grid.js";
import { demoDepartment, scaledDepartment } from "./departments.js";

// It takes no arguments: one given (another count of floors, say) would be ignored while the run went on.
if (process.argv.length > 2) {
  console.error(`bench:demand: takes no arguments (got "${process.argv.slice(2).join(" ")}"); usage: npm run bench:demand`);
  process.exit(2);
}

const RUNS = 5;
const EXTRA_FLOORS = 20_000;

/** The median of `RUNS` timings of `fn` in milliseconds, after one run to warm up. */
function medianMs(fn: () => unknown): number {
  fn();
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

/**
 * `count` floors over the department's own floors' areas and role families, each with another window
 * (some past midnight), headcount and set of weekdays.
 */
function manyFloors(input: PlanningInput, count: number): Floor[] {
  const places = input.floors.map((f) => ({ area: f.area, roleFamily: f.roleFamily }));
  return Array.from({ length: count }, (_, i) => ({
    ...places[i % places.length]!,
    count: 1 + (i % 3),
    from: clockText(((i * 7) % 48) * 30),
    to: clockText(((i * 11 + 16) % 48) * 30),
    weekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => (i + d) % 3 !== 0),
  }));
}

const demo = demoDepartment();
const twoWeeks = scaledDepartment(demo.staff.length, 14);
const cases: { name: string; input: PlanningInput }[] = [
  { name: "demo department", input: demo },
  { name: "demo, first 14 days", input: twoWeeks },
  { name: `demo, first 14 days, ${EXTRA_FLOORS.toLocaleString("en-US")} floors more`, input: { ...twoWeeks, floors: [...twoWeeks.floors, ...manyFloors(twoWeeks, EXTRA_FLOORS)] } },
];

console.log(`demand benchmark: median of ${RUNS} runs after a warm-up; node ${process.version}`);
console.log("| input | days | intervals | floors | time grid (ms) | demand (ms) |");
console.log("|---|---|---|---|---|---|");
for (const { name, input } of cases) {
  const grid = buildTimeGrid(input);
  const gridMs = medianMs(() => buildTimeGrid(input));
  const demandMs = medianMs(() => deriveDemand(input, grid));
  console.log(`| ${name} | ${grid.days.length} | ${grid.intervals.length} | ${input.floors.length} | ${gridMs.toFixed(1)} | ${demandMs.toFixed(1)} |`);
}
