/**
 * An FTE report job's worker thread: builds the report (settings, productivity view, the what-if solves,
 * charts' data, words) from a site's input and posts progress every second and after each solve, then
 * the report or the problems. Everything runs off the API's event loop. A "cancel" message aborts the
 * solves; the queue has then already ended the job, so what the worker posts after is dropped.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { PlanningInput, Problem } from "../../models/index.js";
import { buildFteReport, type FteReport } from "../reports/fte/report.js";
import type { FteReportJobOptions, JobProgress } from "./options.js";

export interface FteReportWorkerInput {
  input: PlanningInput;
  options: FteReportJobOptions;
  /** Provenance printed in the report ("site riverside, revision 4"). */
  source: string;
}

export type FteReportWorkerMessage = { type: "progress"; progress: JobProgress } | { type: "outcome"; report?: FteReport; problems?: Problem[] };

const port = parentPort!;
const data = workerData as FteReportWorkerInput;
const controller = new AbortController();
port.on("message", (message: unknown) => {
  if (message === "cancel") controller.abort();
});

const started = Date.now();
const solvesTotal = data.options.maxHires + 1;
let solvesDone = 0;
const progress = (): void => port.postMessage({ type: "progress", progress: { elapsedSeconds: (Date.now() - started) / 1000, solvesDone, solvesTotal } } satisfies FteReportWorkerMessage);
progress();
// Each what-if solve takes up to its time limit; a tick a second keeps the elapsed time moving meanwhile
// (it used to stay at 0 until the first solve ended).
const ticker = setInterval(progress, 1000);
// The report's solves run one after another; the job holds one of the queue's slots, so the queue's
// concurrency bounds the solves.
const built = await buildFteReport(data.input, {
  source: data.source,
  ...(data.options.hire ? { hire: data.options.hire } : {}),
  maxHires: data.options.maxHires,
  timeLimitSeconds: data.options.timeLimitSeconds,
  signal: controller.signal,
  onSolved: () => {
    solvesDone++;
    progress();
  },
});
clearInterval(ticker);
port.postMessage((built.ok ? { type: "outcome", report: built.value } : { type: "outcome", problems: built.problems }) satisfies FteReportWorkerMessage);
port.close();
