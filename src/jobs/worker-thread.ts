/**
 * Start a worker thread from a module beside the caller: the compiled `.js` in dist/, or, under the test
 * runner where sources are TypeScript, the `.ts` file and the sources it imports bundled into one module
 * (solver/engines/test-bundle.ts: tsx, which these workers once registered, took seconds to load them).
 */
import { Worker } from "node:worker_threads";
import { testWorkerBundle } from "../../solver/engines/test-bundle.js";

export function startModuleWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!moduleUrl.pathname.endsWith(".ts")) return new Worker(moduleUrl, { workerData });
  return new Worker(testWorkerBundle(moduleUrl), { workerData });
}
