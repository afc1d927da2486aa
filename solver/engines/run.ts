/**
 * Run an engine in a worker thread: the caller's event loop is never blocked, a solve can be cancelled,
 * and an engine that ignores its own limit (javascript-lp-solver) is ended from outside.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { LinearModel } from "../model/linear-model.js";
import { DEFAULT_TIME_LIMIT_SECONDS, type EngineName, type EngineResult, type Incumbent, type Progress, type SolveOptions } from "./types.js";
import type { WorkerInput } from "./worker.js";

export interface RunOptions extends SolveOptions {
  /** Default "highs". */
  engine?: EngineName;
  onProgress?: (progress: Progress) => void;
  /** Aborting stops the solve; HiGHS returns its incumbent, javascript-lp-solver nothing. */
  signal?: AbortSignal;
  /** Each new incumbent's column values as HiGHS finds it (copied out of the worker: big on big models). */
  onIncumbent?: (incumbent: Incumbent) => void;
  /**
   * End the worker at once on abort, answering `timedout`: for a caller that already holds what it needs
   * (HiGHS heeds a stop only between LP solves, and a month's root LP takes most of a minute).
   */
  endOnAbort?: boolean;
}

/** Seconds past the time limit after which a worker is ended from outside. */
const GRACE_SECONDS = { highs: 30, jslp: 1 } as const;

/** The compiled worker; under the test runner the sources are TypeScript and load through tsx. */
function startWorker(workerData: WorkerInput): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), { workerData });
  // The ESM build of tsx's API sits beside the CommonJS one that require.resolve finds.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const worker = new URL("./worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export function solveInWorker(model: LinearModel, options: RunOptions = {}): Promise<EngineResult> {
  const engine = options.engine ?? "highs";
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const stop = new SharedArrayBuffer(4);
  const { engine: _e, onProgress, signal, onIncumbent, endOnAbort, ...solveOptions } = options;
  const data: WorkerInput = { engine, model, options: { ...solveOptions, timeLimitSeconds: limit }, stop, streamIncumbents: onIncumbent !== undefined };
  const started = performance.now();
  return new Promise<EngineResult>((resolve, reject) => {
    const worker = startWorker(data);
    let settled = false;
    const finish = (result: EngineResult | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const endFromOutside = (why: string): void =>
      finish({ status: "timedout", seconds: (performance.now() - started) / 1000, detail: why });
    const onAbort = (): void => {
      Atomics.store(new Int32Array(stop), 0, 1);
      if (engine === "jslp" || endOnAbort) endFromOutside("cancelled");
    };
    const guard = setTimeout(() => endFromOutside(`${engine} overran its ${limit} s limit and was ended`), (limit + GRACE_SECONDS[engine]) * 1000);
    signal?.addEventListener("abort", onAbort);
    if (signal?.aborted) onAbort();
    worker.on("message", (message: { type: "progress"; progress: Progress } | { type: "incumbent"; incumbent: Incumbent } | { type: "result"; result: EngineResult }) => {
      if (message.type === "progress") onProgress?.(message.progress);
      else if (message.type === "incumbent") onIncumbent?.(message.incumbent);
      else finish(message.result);
    });
    worker.on("error", (error) => finish(error));
    worker.on("exit", (code) => finish(new Error(`solver worker exited with code ${code} before answering`)));
  });
}
