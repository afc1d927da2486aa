/**
 * Run an engine in a worker thread: the caller's event loop is never blocked, a solve can be cancelled,
 * and an engine that ignores its own limit (javascript-lp-solver) is ended from outside.
 * `solveInWorker` runs one solve in a worker of its own; a `SolverSession` keeps one worker (and its
 * loaded engine) for many solves in turn, which saves starting a thread and loading HiGHS for each of a
 * search's short neighbourhood solves (0.15 s each compiled, 0.45 s under tsx).
 */
import { Worker } from "node:worker_threads";
import type { LinearModel } from "../model/linear-model.js";
import { DEFAULT_TIME_LIMIT_SECONDS, type EngineName, type EngineResult, type Incumbent, type Progress, type SolveOptions } from "./types.js";
import { sourceWorkerBundle } from "./source-bundle.js";
import type { SolveRequest, WorkerMessage } from "./worker.js";

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
  /**
   * Seconds past the time limit after which the worker is ended from outside, answering `timedout`
   * (default 30 for HiGHS, 1 for javascript-lp-solver). HiGHS heeds its limit only between steps: on a
   * month's whole model, a 4 s limit answered at 7 to 10 s.
   */
  graceSeconds?: number;
}

/** Seconds past the time limit after which a worker is ended from outside, unless a solve says otherwise. */
const GRACE_SECONDS = { highs: 30, jslp: 1 } as const;

/** The compiled worker; where the sources run as TypeScript (tests, tsx), their bundle: see {@link sourceWorkerBundle}. */
function startWorker(engine: EngineName): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), { workerData: { engine } });
  return new Worker(sourceWorkerBundle(new URL("./worker.ts", import.meta.url)), { workerData: { engine } });
}

export interface SessionOptions {
  /**
   * End the worker after a solve that leaves its engine holding more than this many bytes; the next solve
   * starts a fresh one. HiGHS's WebAssembly memory never shrinks and creeps up from solve to solve (on
   * 120 staff × 28 days, staff-group neighbourhoods of 15,000–19,000 columns took one worker from 105 to
   * 376 MiB in seven solves), so a long search holds memory its current model does not need.
   */
  recycleAboveBytes?: number;
}

/**
 * One worker thread solving models in turn, one at a time. A worker that had to be ended (overrun, or
 * `endOnAbort`) or that holds more memory than `recycleAboveBytes` is replaced by a fresh one at the next
 * solve. `close()` ends the thread.
 */
export class SolverSession {
  private worker: Worker | undefined;
  private busy = false;

  constructor(
    readonly engine: EngineName = "highs",
    private readonly options: SessionOptions = {},
  ) {}

  solve(model: LinearModel, options: Omit<RunOptions, "engine"> = {}): Promise<EngineResult> {
    if (this.busy) return Promise.reject(new Error("SolverSession: one solve at a time"));
    this.busy = true;
    const engine = this.engine;
    const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    const stop = new SharedArrayBuffer(4);
    const { onProgress, signal, onIncumbent, endOnAbort, graceSeconds = GRACE_SECONDS[engine], ...solveOptions } = options;
    const request: SolveRequest = { model, options: { ...solveOptions, timeLimitSeconds: limit }, stop, streamIncumbents: onIncumbent !== undefined };
    const started = performance.now();
    const worker = (this.worker ??= this.start());
    return new Promise<EngineResult>((resolve, reject) => {
      let settled = false;
      const finish = (result: EngineResult | Error, end: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        signal?.removeEventListener("abort", onAbort);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (end) this.close();
        this.busy = false;
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const endFromOutside = (why: string): void => finish({ status: "timedout", seconds: (performance.now() - started) / 1000, detail: why }, true);
      const onAbort = (): void => {
        Atomics.store(new Int32Array(stop), 0, 1);
        if (engine === "jslp" || endOnAbort) endFromOutside("cancelled");
      };
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === "progress") onProgress?.(message.progress);
        else if (message.type === "incumbent") onIncumbent?.(message.incumbent);
        else finish(message.result, (message.memoryBytes ?? 0) > (this.options.recycleAboveBytes ?? Infinity));
      };
      const onError = (error: Error): void => finish(error, true);
      const onExit = (code: number): void => finish(new Error(`solver worker exited with code ${code} before answering`), true);
      const guard = setTimeout(() => endFromOutside(`${engine} overran its ${Math.round(limit * 10) / 10} s limit and was ended`), (limit + graceSeconds) * 1000);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      signal?.addEventListener("abort", onAbort);
      worker.postMessage(request);
      if (signal?.aborted) onAbort();
    });
  }

  /** The worker's thread id, while there is one (none before the first solve and after it was ended). */
  get threadId(): number | undefined {
    return this.worker?.threadId;
  }

  /** A fresh worker; one that dies between solves is dropped, and the next solve starts another. */
  private start(): Worker {
    const worker = startWorker(this.engine);
    const drop = (): void => {
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on("error", drop);
    worker.on("exit", drop);
    return worker;
  }

  /** Ends the worker thread; a solve still running rejects. The next solve starts a fresh one. */
  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }
}

/** One solve in a worker thread of its own. */
export async function solveInWorker(model: LinearModel, options: RunOptions = {}): Promise<EngineResult> {
  const { engine = "highs", ...rest } = options;
  const session = new SolverSession(engine);
  try {
    return await session.solve(model, rest);
  } finally {
    session.close();
  }
}
