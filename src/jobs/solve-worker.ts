/**
 * A solve job's worker thread: prepares the site's input, runs optimize (which solves in its own worker)
 * and posts progress and the outcome back. Keeping prepare, model building and the final explanation here
 * leaves the API's event loop free for the whole job. A "cancel" message aborts the solve at once; a "stop"
 * ends it as its time limit would, once it has a schedule. Either way it answers with its best schedule:
 * the queue keeps it for a stop and drops it for a cancel.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkScheduleReferences, type Assignment, type Conflict, type Explanation, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
import { checkLocks } from "../locks.js";
import { optimize } from "../optimize.js";
import { prepare } from "../pipeline.js";
import { keptByWindow, withBaseLocks } from "../repair/window.js";
import type { FrozenDates } from "../../solver/model/build.js";
import type { JobProgress, SolveResult } from "./options.js";

export interface SolveWorkerInput {
  input: PlanningInput;
  timeLimitSeconds: number;
  relativeGap?: number;
  /**
   * The base schedule's assignments in their stored order, those that no longer fit the site unlocked:
   * its locks are kept, and judged before the solve as `rxroster solve --from` judges a file's, each named
   * by its place in the schedule.
   */
  base?: Assignment[];
  warmStart?: Schedule;
  /** A repair's dates that stay as the base has them: the worker locks the base's assignments there (those that fit) for the solve. */
  frozen?: FrozenDates;
}

/** What the worker posts: progress while it runs, then one outcome. */
export type SolveWorkerMessage =
  | { type: "progress"; progress: JobProgress }
  | { type: "outcome"; result: SolveResult; assignments?: Assignment[]; conflicts?: Conflict[]; problems?: Problem[]; detail?: string };

const port = parentPort!;
const data = workerData as SolveWorkerInput;
const controller = new AbortController();
const stopper = new AbortController();
port.on("message", (message: unknown) => {
  if (message === "cancel") controller.abort();
  if (message === "stop") stopper.abort();
});

/** The job's outcome: the base schedule's locks judged first, then the solve. */
async function solve(): Promise<SolveWorkerMessage> {
  const prepared = prepare(data.input);
  const { frozen } = data;
  // Kept on the dates outside a repair's window: the base's assignments that still fit the site (the queue
  // unlocked the others, which the model has no column for).
  const fits = (a: Assignment): boolean => checkScheduleReferences(data.input, { assignments: [a] }).length === 0;
  const repairLocks = frozen && data.base ? keptByWindow(data.base, frozen, data.input.horizon, fits) : undefined;
  const kept = repairLocks?.assignments ?? data.base;
  const lockProblems = kept ? checkLocks(prepared, kept, repairLocks ? { window: repairLocks.window } : {}) : [];
  if (lockProblems.length > 0) return { type: "outcome", result: { solveStatus: "infeasible", seconds: 0 }, problems: lockProblems };
  const outcome = await optimize(prepared, {
    timeLimitSeconds: data.timeLimitSeconds,
    ...(data.relativeGap !== undefined ? { relativeGap: data.relativeGap } : {}),
    locked: kept?.filter((a) => a.locked) ?? [],
    ...(data.warmStart ? { warmStart: data.warmStart } : {}),
    ...(frozen ? { frozen } : {}),
    signal: controller.signal,
    stopSignal: stopper.signal,
    onProgress: (progress) => port.postMessage({ type: "progress", progress } satisfies SolveWorkerMessage),
  });
  const result: SolveResult = {
    solveStatus: outcome.status,
    seconds: outcome.seconds,
    ...(outcome.objective !== undefined ? { objective: outcome.objective } : {}),
    ...(outcome.bound !== undefined ? { bound: outcome.bound } : {}),
    ...(outcome.gap !== undefined ? { gap: outcome.gap } : {}),
    ...(outcome.warnings ? { warnings: outcome.warnings } : {}),
    ...(data.input.reference && outcome.explanation ? { changes: changesOf(outcome.explanation) } : {}),
  };
  return {
    type: "outcome",
    result,
    // The window's locks were for this solve: the draft keeps the base's own.
    ...(outcome.schedule ? { assignments: (frozen && data.base ? withBaseLocks(outcome.schedule, data.base) : outcome.schedule).assignments } : {}),
    ...(outcome.conflicts ? { conflicts: outcome.conflicts } : {}),
    ...(outcome.problems ? { problems: outcome.problems } : {}),
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  };
}

/** A repair's changes from its reference, as the checker lists them. */
function changesOf(explanation: Explanation): NonNullable<SolveResult["changes"]> {
  return explanation.violations.filter((v) => v.rule === "repair.changes").map((v) => ({ staff: v.subjects.staff!, date: v.subjects.date!, template: v.subjects.template!, message: v.message }));
}

port.postMessage(await solve());
port.close();
