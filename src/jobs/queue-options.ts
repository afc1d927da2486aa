/**
 * The job queue's settings (queue.ts): how many jobs run at once, how long finished ones are kept, and the
 * intervals and grace periods of its timers, each with its default.
 */
import { availableParallelism } from "node:os";

export interface SolveQueueOptions {
  /**
   * Jobs running at once (default `os.availableParallelism()`). Where the store holds more than one site,
   * a site that has a job running never takes the last free slot: it is kept for a site with none running,
   * so a site's second job waits (even on a free core) rather than make another site's job, submitted a
   * moment later, wait for a slot. A store of one site runs its jobs side by side.
   */
  concurrency?: number;
  /** Milliseconds a finished job is kept before it expires (default 7 days). */
  retentionMs?: number;
  /** Milliseconds between sweeps for expired jobs (default 1 hour). */
  sweepIntervalMs?: number;
  /** Least milliseconds between two progress writes of a job (default 1000). */
  progressIntervalMs?: number;
  /** Milliseconds a cancelled solve may take to stop before its worker is ended (default 5000). */
  cancelGraceMs?: number;
  /**
   * Milliseconds a solve stopped early may take to answer with its schedule (decoded and explained by
   * the checker) before its worker is ended and the job fails (default 30000).
   */
  stopGraceMs?: number;
  /**
   * Milliseconds `close` (the server's graceful shutdown) waits for the running solves it stopped to answer
   * with their best schedule (default 5000, inside `serve`'s 10-s budget for its whole shutdown). A solve
   * that has not answered by then (one with no schedule yet) ends failed as interrupted.
   */
  shutdownGraceMs?: number;
  /**
   * Jobs one site may have waiting at once (default 10): more are refused, so one site's submissions cannot
   * fill the queue for hours. Whichever site has the fewest jobs running goes next, so no site waits behind
   * another's backlog.
   */
  maxQueuedPerSite?: number;
  /**
   * Milliseconds between attempts to store the end of a job the store refused (a full disk; default 10000).
   * Meanwhile the job answers as failed from memory.
   */
  retryIntervalMs?: number;
  /**
   * Where a store write that failed outside any request (a job's result on a full disk) or a worker's crash
   * is told (default stderr).
   */
  log?: (line: string) => void;
}

/** Every setting given or its default. */
export function withDefaults(options: SolveQueueOptions): Required<SolveQueueOptions> {
  return {
    concurrency: Math.max(1, options.concurrency ?? availableParallelism()),
    retentionMs: options.retentionMs ?? 7 * 24 * 3600 * 1000,
    sweepIntervalMs: options.sweepIntervalMs ?? 3600 * 1000,
    progressIntervalMs: options.progressIntervalMs ?? 1000,
    cancelGraceMs: options.cancelGraceMs ?? 5000,
    stopGraceMs: options.stopGraceMs ?? 30_000,
    shutdownGraceMs: options.shutdownGraceMs ?? 5000,
    maxQueuedPerSite: Math.max(1, options.maxQueuedPerSite ?? 10),
    retryIntervalMs: options.retryIntervalMs ?? 10_000,
    log: options.log ?? ((line) => process.stderr.write(line + "\n")),
  };
}
