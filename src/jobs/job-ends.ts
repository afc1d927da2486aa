/**
 * How a job's end is said and kept when the store cannot take it: the words of an interrupted job by its
 * kind, the shutdown's line for each running job it ended, and the ends of jobs the store refused to record
 * (a full disk), held in memory and retried until it takes them. Used by the queue (queue.ts).
 */
import { errorMessage } from "../../models/index.js";
import { solveStatusWords } from "../reports/fte/words.js";
import { STORE_FAULT_WORDS, storeFault } from "../store/faults.js";
import type { JobRecord } from "../store/jobs.js";
import type { Store } from "../store/store.js";
import type { JobProgress } from "./options.js";

/** What a job is, in words: a solve, a repair (a solve with `repair`), an FTE report. */
function jobNoun(job: JobRecord): string {
  if (job.kind === "fte-report") return "FTE report";
  return job.options.repair ? "repair" : "solve";
}

/** The error of a job that was running when its server stopped, in the words of its kind. */
export function interruptedReason(job: JobRecord): string {
  return `interrupted: the server stopped during the ${jobNoun(job)}`;
}

/** The startup line for the jobs a stopped server left running, counted by kind ("1 FTE report job … is marked failed"). */
export function interruptedNotice(jobs: readonly JobRecord[]): string {
  const counts = new Map<string, number>();
  for (const job of jobs) counts.set(jobNoun(job), (counts.get(jobNoun(job)) ?? 0) + 1);
  const kinds = [...counts].map(([noun, n]) => `${n} ${noun} job${n === 1 ? "" : "s"}`).join(", ");
  return `rxroster: ${kinds} interrupted by the last stop ${jobs.length === 1 ? "is" : "are"} marked failed`;
}

/**
 * The shutdown's line for a job that was running when it began, saying how the job ended: with its draft
 * (a solve the shutdown stopped, or one that finished meanwhile), or failed and why.
 */
export function shutdownLine(job: JobRecord): string {
  const what = `rxroster: ${jobNoun(job)} job ${job.id} of site ${job.siteId}`;
  if (job.status === "succeeded" && job.scheduleId !== undefined) {
    const status = job.result ? ` (${solveStatusWords({ status: job.result.solveStatus, gap: job.result.gap })})` : "";
    return `${what} succeeded: its best schedule so far is stored as draft ${job.scheduleId}${status}`;
  }
  if (job.status === "failed") return `${what} failed: ${job.error ?? "no reason was stored"}`;
  return `${what} is ${job.status}`;
}

/** Why a store write failed, for a job's error: the fault in words (a full disk), else the error's message. */
export function writeFailure(error: unknown): string {
  const fault = storeFault(error);
  return fault ? STORE_FAULT_WORDS[fault] : errorMessage(error);
}

/** The end of a job that the store refused to record, as the job answers meanwhile. */
export interface UnstoredEnd {
  status: "failed";
  error: string;
  finishedAt: string;
  progress?: JobProgress;
}

/**
 * Ends of running jobs (always failed) that the store refused (the disk full): the queue answers them from
 * here (`get`) and a timer retries the write until the store takes it. A timer rather than a hook on the
 * store's next write: every route writes the store, and only the queue knows these jobs. Bounded by the
 * jobs that ended meanwhile; a restart before they are stored marks them interrupted, which is true of
 * what the store holds.
 */
export class UnstoredEnds {
  private readonly ends = new Map<string, UnstoredEnd>();
  private retrier: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly retryIntervalMs: number,
    private readonly log: (line: string) => void,
  ) {}

  /** End a running job as failed with its last progress; kept here and retried should the store refuse. */
  fail(id: string, error: string, progress?: JobProgress): void {
    const ended: UnstoredEnd = { status: "failed", error, finishedAt: new Date().toISOString(), ...(progress ? { progress } : {}) };
    if (this.write(id, ended)) return;
    this.ends.set(id, ended);
    this.log(`rxroster: job ${id} failed (${error}), and the store refused that too: it answers as failed and is stored once the store takes writes again`);
    if (!this.retrier) {
      this.retrier = setInterval(() => this.retry(), this.retryIntervalMs);
      this.retrier.unref();
    }
  }

  get(id: string): UnstoredEnd | undefined {
    return this.ends.get(id);
  }

  has(id: string): boolean {
    return this.ends.has(id);
  }

  /** Try the ends once more and stop retrying (the queue is closing). */
  close(): void {
    this.retry();
    clearInterval(this.retrier);
    this.retrier = undefined;
  }

  /** Retry the ends the store refused; the timer stops once all are stored. */
  private retry(): void {
    for (const [id, ended] of this.ends) {
      if (!this.write(id, ended)) continue;
      this.ends.delete(id);
      this.log(`rxroster: job ${id}'s failure is stored now`);
    }
    if (this.ends.size === 0 && this.retrier) {
      clearInterval(this.retrier);
      this.retrier = undefined;
    }
  }

  /** Write a job's end with its last progress, both or neither; false when the store refused. */
  private write(id: string, ended: UnstoredEnd): boolean {
    try {
      this.store.db.transaction(() => {
        if (ended.progress) this.store.jobs.setProgress(id, ended.progress);
        this.store.jobs.end(id, "failed", ended.error, undefined, ended.finishedAt);
      })();
      return true;
    } catch {
      return false;
    }
  }
}
