/**
 * The jobs running now, one worker thread each (at most the queue's concurrency, so memory is bounded):
 * what each was told (a stop, and by whom), its latest progress (held in memory and stored at most once an
 * interval), its outcome (stored in one transaction with its last progress) and its failure should its worker
 * end without answering. Which job runs when, and what a cancel, stop or shutdown does, is queue.ts's.
 */
import type { Worker } from "node:worker_threads";
import { errorMessage } from "../../models/index.js";
import type { JobRecord } from "../store/jobs.js";
import type { Store } from "../store/store.js";
import { interruptedReason } from "./job-ends.js";
import type { JobProgress } from "./options.js";
import type { StopCause } from "./solve-job.js";

export interface RunningJob {
  kind: JobRecord["kind"];
  worker: Worker;
  /** Told to stop early and answer with its best schedule, and by whom. */
  stopping?: StopCause;
  progress?: JobProgress;
  lastWrite: number;
  /** A progress write was refused (a full disk): logged once, until one is stored again. */
  progressRefused?: boolean;
  /** Its error should the server stop while it runs, in the words of its kind. */
  interrupted: string;
  finished: Promise<void>;
}

/** What the queue lends its running jobs. */
export interface RunningJobsHooks {
  /**
   * A store write made from a worker's event, where an exception would end the server: logged, and its
   * job (if any) failed with the reason, rather than thrown (queue.ts's `guarded`).
   */
  guarded(id: string | undefined, what: string, write: () => void, progress?: JobProgress): void;
  /** A worker has exited, with its job's end stored: its slot is free for the next job. */
  freed(): void;
}

export class RunningJobs {
  private readonly byId = new Map<string, RunningJob>();

  constructor(
    private readonly store: Store,
    private readonly progressIntervalMs: number,
    private readonly log: (line: string) => void,
    private readonly hooks: RunningJobsHooks,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): RunningJob | undefined {
    return this.byId.get(id);
  }

  [Symbol.iterator](): IterableIterator<[string, RunningJob]> {
    return this.byId.entries();
  }

  /** Resolves when nothing is running. */
  async drained(): Promise<void> {
    while (this.byId.size > 0) await Promise.all([...this.byId.values()].map((s) => s.finished));
  }

  /** Track a job's worker: progress while it runs, its outcome, and a failure if it ends without one. */
  watch<M extends { type: "progress"; progress: JobProgress } | { type: "outcome" }>(job: JobRecord, worker: Worker, onOutcome: (message: Extract<M, { type: "outcome" }>) => void): void {
    const { id } = job;
    const { guarded } = this.hooks;
    let settle!: () => void;
    const solve: RunningJob = { kind: job.kind, worker, lastWrite: 0, interrupted: interruptedReason(job), finished: new Promise<void>((resolve) => (settle = resolve)) };
    this.byId.set(id, solve);
    let answered = false;
    worker.on("message", (message: M) => {
      if (message.type === "progress") return this.progress(id, solve, (message as Extract<M, { type: "progress" }>).progress);
      answered = true;
      // With the last progress, unthrottled, so a finished job shows where it ended and not an older write;
      // in one transaction, so an outcome is never stored beside an older progress.
      const outcome = (): void =>
        this.store.db.transaction(() => {
          if (solve.progress) this.store.jobs.setProgress(id, solve.progress);
          onOutcome(message as Extract<M, { type: "outcome" }>);
        })();
      guarded(id, `storing job ${id}'s outcome`, outcome, solve.progress);
    });
    worker.on("error", (error: unknown) => {
      answered = true;
      const cause = error instanceof Error ? (error as Error & { code?: string }).code ?? error.message : String(error);
      this.log(`rxroster: job ${id}'s worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      guarded(id, `ending job ${id}`, () => this.store.jobs.end(id, "failed", `the job stopped on an internal error (${cause}); the server's log has the details`));
    });
    worker.on("exit", () => {
      if (!answered) guarded(id, `ending job ${id}`, () => this.store.jobs.end(id, "failed", "the job stopped before answering"));
      this.byId.delete(id);
      settle();
      this.hooks.freed();
    });
  }

  /**
   * Keep a running job's progress (the queue's `get` answers it) and store it at most once an interval. A
   * refused write (a full disk) is logged once until one is stored again; the progress held in memory is
   * still answered, and the job's last progress is stored with its outcome.
   */
  private progress(id: string, solve: RunningJob, progress: JobProgress): void {
    solve.progress = progress;
    const now = Date.now();
    if (now - solve.lastWrite < this.progressIntervalMs) return;
    solve.lastWrite = now;
    try {
      this.store.jobs.setProgress(id, progress);
      solve.progressRefused = false;
    } catch (error) {
      if (!solve.progressRefused) this.log(`rxroster: job ${id}'s progress could not be stored: ${errorMessage(error)} (not logged again until one is)`);
      solve.progressRefused = true;
    }
  }
}
