/**
 * Start a worker thread from a module beside the caller: the compiled `.js` in dist/, or, under the test
 * runner or tsx where sources are TypeScript, the `.ts` file and the sources it imports bundled into one
 * module (solver/engines/source-bundle.ts: tsx, which these workers once registered, took seconds to load them).
 */
import { Worker } from "node:worker_threads";
import { sourceWorkerBundle } from "../../solver/engines/source-bundle.js";

export function startModuleWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!moduleUrl.pathname.endsWith(".ts")) return new Worker(moduleUrl, { workerData });
  return new Worker(sourceWorkerBundle(moduleUrl), { workerData });
}
