/**
 * The errors a worker pool (worker-pool.ts) rejects a task with: closed, full, past a time limit, starts
 * stopped after failed starts, or the worker exited. The API maps each to its answer (api/routes/common.ts).
 */

/** The pool was closed (the server is stopping): the task was not run, or its worker was ended. */
export class WorkerPoolClosedError extends Error {
  constructor() {
    super("the worker pool is closed");
  }
}

/** The task was refused without being queued: as many tasks as the pool may hold were waiting already. */
export class WorkerPoolFullError extends Error {
  constructor(readonly maxWaiting: number) {
    super(`the worker pool has ${maxWaiting} task(s) waiting, as many as it may hold`);
  }
}

/**
 * The task held its worker longer than the pool's time limit, or (`starting`) the new worker it was given
 * did not get ready within the pool's start limit: the worker was ended (and is replaced).
 */
export class WorkerTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly starting = false,
  ) {
    super(
      starting
        ? `the worker thread did not get ready within the worker pool's start limit of ${timeoutMs} ms; it was ended`
        : `the task took longer than the worker pool's time limit of ${timeoutMs} ms; its worker thread was ended`,
    );
  }
}

/**
 * The task was refused without being queued: the pool's last `failedStarts` new workers failed to get
 * ready, it starts no other until `untilMs` (epoch milliseconds), and no worker is left to take the task.
 * Every task refused during one such stop gets this same error.
 */
export class WorkerStartsStoppedError extends Error {
  constructor(
    readonly failedStarts: number,
    readonly untilMs: number,
  ) {
    super(`${failedStarts} new worker thread(s) in a row failed to get ready; the worker pool starts no other until ${new Date(untilMs).toISOString()}`);
  }
}

/** The worker holding the task stopped before answering (it crashed or ran out of memory). */
export class WorkerExitedError extends Error {
  constructor(
    readonly exitCode: number,
    /** The uncaught error it died of, if any. */
    readonly uncaught?: Error,
  ) {
    super(`the worker thread exited with code ${exitCode}${uncaught ? ` (${uncaught.message})` : ""} before answering`);
  }
}
