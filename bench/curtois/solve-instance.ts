/**
 * One Curtois–Qu instance in its own process (so its peak RSS is its own): imports it, solves it with the
 * project's `optimize()` and has the independent evaluator (`evaluate.ts`) judge the roster; prints one
 * JSON line (`SolveInstanceRow`). Used by `run.ts`.
 *   tsx bench/curtois/solve-instance.ts <INSTANCE_FILE> <TIME_LIMIT_S>
 * A bad argument prints one line naming it and exits 2.
 */
import { evaluateRoster } from "./evaluate.js";
import { toRosterAssignments } from "./import.js";
import { bestKnownOf, readInstanceFile } from "./instance-file.js";
import { optimize } from "../../src/optimize.js";
import { prepare } from "../../src/pipeline.js";

/** Relative gap the benchmark asks HiGHS for: the project's default. */
const RELATIVE_GAP = 1e-4;

export interface SolveInstanceRow {
  instance: string;
  path: string;
  staff: number;
  days: number;
  shiftTypes: number;
  columns: number;
  rows: number;
  nonzeros: number;
  status: string;
  timeLimitSeconds: number;
  /** The MIP objective of the returned roster. */
  objective?: number;
  bound?: number;
  /** Final MIP gap (relative, HiGHS's definition). */
  gap?: number;
  bestKnown?: number;
  /** (objective − best known) / best known, in percent. */
  gapToBestKnownPercent?: number;
  firstFeasibleSeconds?: number;
  /** Elapsed time of the last progress event whose incumbent improved on every earlier one. */
  bestSeconds?: number;
  seconds: number;
  peakRssMiB: number;
  /** The project's checker: weighted total and hard violations. */
  checkerTotal?: number;
  checkerHardViolations?: number;
  /** The independent evaluator: penalty and hard violations (first few described). */
  evaluatorPenalty?: number;
  evaluatorHardViolations?: number;
  evaluatorDetails?: string[];
  detail?: string;
}

const [pathArg, limitArg] = process.argv.slice(2);
const limit = Number(limitArg);
if (pathArg === undefined || !(Number.isFinite(limit) && limit > 0)) {
  console.error("usage: tsx bench/curtois/solve-instance.ts <INSTANCE_FILE> <TIME_LIMIT_S>, the limit a positive number");
  process.exit(2);
}
const read = readInstanceFile(pathArg);
if (!read.ok) {
  console.error(read.message);
  process.exit(2);
}
const { instance, input, name, path } = read.value;
const best = bestKnownOf(read.value);

let bestIncumbent = Infinity;
let bestSeconds: number | undefined;
const outcome = await optimize(prepare(input), {
  timeLimitSeconds: limit,
  relativeGap: RELATIVE_GAP,
  onProgress: (p) => {
    if (p.incumbent !== undefined && p.incumbent < bestIncumbent) {
      bestIncumbent = p.incumbent;
      bestSeconds = p.elapsedSeconds;
    }
  },
});
// An incumbent HiGHS never reported as improving (found in presolve, say) counts as found when first seen.
if (outcome.objective !== undefined && bestSeconds === undefined) bestSeconds = outcome.firstFeasibleSeconds ?? outcome.seconds;

const evaluation = outcome.schedule ? evaluateRoster(instance, { assignments: toRosterAssignments(outcome.schedule) }) : undefined;
const row: SolveInstanceRow = {
  instance: name,
  path,
  staff: instance.staff.length,
  days: instance.horizon,
  shiftTypes: instance.shifts.length,
  ...outcome.model,
  status: outcome.status,
  timeLimitSeconds: limit,
  ...(outcome.objective !== undefined ? { objective: outcome.objective } : {}),
  ...(outcome.bound !== undefined ? { bound: outcome.bound } : {}),
  ...(outcome.gap !== undefined ? { gap: outcome.gap } : {}),
  ...(best ? { bestKnown: best.objective } : {}),
  ...(best && outcome.objective !== undefined ? { gapToBestKnownPercent: (100 * (outcome.objective - best.objective)) / best.objective } : {}),
  ...(outcome.firstFeasibleSeconds !== undefined ? { firstFeasibleSeconds: outcome.firstFeasibleSeconds } : {}),
  ...(bestSeconds !== undefined ? { bestSeconds } : {}),
  seconds: outcome.seconds,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  ...(outcome.explanation
    ? { checkerTotal: outcome.explanation.total, checkerHardViolations: outcome.explanation.violations.filter((v) => v.hard).length }
    : {}),
  ...(evaluation
    ? {
        evaluatorPenalty: evaluation.penalty,
        evaluatorHardViolations: evaluation.hardViolations.length,
        evaluatorDetails: evaluation.hardViolations.slice(0, 5).map((v) => `${v.rule} ${v.employee}: ${v.detail}`),
      }
    : {}),
  ...(outcome.detail ? { detail: outcome.detail } : {}),
};
console.log(JSON.stringify(row));
