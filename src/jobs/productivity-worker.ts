/**
 * The FTE report's productivity view in a one-off worker thread. It solves nothing, but preparing a
 * month of demand takes around a second for the demo department, too long to hold the API's event loop.
 * Input (workerData): a planning input and the provenance. Output (one message): the report or problems.
 */
import { createHash } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import type { Parsed, PlanningInput } from "../../models/index.js";
import { buildProductivityReport, type ProductivityReport } from "../reports/fte/productivity-report.js";
import { startModuleWorker } from "./worker-thread.js";

const SELF = new URL(import.meta.url);

/**
 * Workers at most at once; more requests wait their turn. Each holds a month's demand (twelve at once on a
 * 3-day site took the API from 133 to 740 MB); the same input asked for while it is being built shares the
 * one build.
 */
export const MAX_PRODUCTIVITY_WORKERS = 2;
let running = 0;
let peak = 0;
const waiting: (() => void)[] = [];
const building = new Map<string, Promise<Parsed<ProductivityReport>>>();

/** Workers running now, and the most that ever ran at once (for tests and diagnostics). */
export function productivityWorkers(): { running: number; peak: number } {
  return { running, peak };
}

/** Build the productivity view off the calling thread. */
export function productivityReportInWorker(input: PlanningInput, source: string): Promise<Parsed<ProductivityReport>> {
  const key = createHash("sha256").update(JSON.stringify([input, source])).digest("base64url");
  let report = building.get(key);
  if (!report) {
    report = inTurn(() => runWorker(input, source)).finally(() => building.delete(key));
    building.set(key, report);
  }
  return report;
}

/** Runs `work` in one of the slots, waiting for one if all are taken (a finished one hands its slot on). */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_PRODUCTIVITY_WORKERS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  peak = Math.max(peak, running);
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function runWorker(input: PlanningInput, source: string): Promise<Parsed<ProductivityReport>> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(SELF, { input, source });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the productivity worker exited (${code}) without answering`)));
  });
}

if (parentPort && (workerData as { input?: unknown } | null)?.input) {
  const data = workerData as { input: PlanningInput; source: string };
  parentPort.postMessage(buildProductivityReport(data.input, { source: data.source }));
  parentPort.close();
}
