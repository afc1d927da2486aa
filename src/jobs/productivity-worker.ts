/**
 * The FTE report's productivity view in a one-off worker thread. It solves nothing, but preparing a
 * month of demand takes around a second for the demo department, too long to hold the API's event loop.
 * Input (workerData): a planning input and the provenance. Output (one message): the report or problems.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Parsed, PlanningInput } from "../../models/index.js";
import { buildProductivityReport, type ProductivityReport } from "../reports/fte/productivity-report.js";
import { startModuleWorker } from "./worker-thread.js";

const SELF = new URL(import.meta.url);

/** Build the productivity view off the calling thread. */
export function productivityReportInWorker(input: PlanningInput, source: string): Promise<Parsed<ProductivityReport>> {
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
