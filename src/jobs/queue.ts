/**
 * The job queue: jobs (solves and FTE reports) live in the store's job table; at most `concurrency` run
 * at once, each in its own worker thread (a report solves its what-ifs one after another), the rest wait
 * queued. Only running jobs are held in memory (bounded by the concurrency); finished jobs expire from
 * the table after the retention period.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { checkScheduleReferences, formatProblem, type Assignment, type PlanningInput } from "../../models/index.js";
import type { Actor } from "../store/audit.js";
import type { JobRecord } from "../store/jobs.js";
import type { Store } from "../store/store.js";
import type { FteReportJobOptions, JobProgress, SolveJobOptions, SolveResult } from "./options.js";
import type { FteReportWorkerInput, FteReportWorkerMessage } from "./fte-report-worker.js";
import type { SolveWorkerInput, SolveWorkerMessage } from "./solve-worker.js";
import { startModuleWorker } from "./worker-thread.js";

export interface SolveQueueOptions {
  /** Solves running at once (default `os.availableParallelism()`). */
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
  /** Where a store write that failed outside any request (a job's result on a full disk) is told (default stderr). */
  log?: (line: string) => void;
}

interface RunningSolve {
  worker: Worker;
  /** Told to stop early and answer with its best schedule. */
  stopping?: boolean;
  progress?: JobProgress;
  lastWrite: number;
  finished: Promise<void>;
}

const workerUrl = (name: string): URL => new URL(`./${name}${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
const WORKER_URL = workerUrl("solve-worker");
const REPORT_WORKER_URL = workerUrl("fte-report-worker");
export const INTERRUPTED = "interrupted: the server stopped during the solve";

/**
 * The base schedule's assignments that still fit the site's current input (staff, templates, horizon),
 * and a warning for each locked one that does not, naming it and why: the solve goes on without it, and
 * publishing its draft would take that shift off the person's calendar. A lock dated outside the current
 * horizon gets no warning: the new draft does not plan that date, so publishing it leaves the shift alone
 * (and a solve of next month would otherwise warn of every lock of this one).
 */
export function usableBase(input: PlanningInput, assignments: readonly Assignment[]): { usable: Assignment[]; droppedLocks: string[] } {
  const usable: Assignment[] = [];
  const droppedLocks: string[] = [];
  for (const a of assignments) {
    const problems = checkScheduleReferences(input, { assignments: [a] });
    if (problems.length === 0) usable.push(a);
    else if (a.locked && a.date >= input.horizon.start && a.date <= input.horizon.end) {
      const why = problems.map((p) => `${p.path.replace(/^assignments\[0\]\.?/, "") || "assignment"}: ${p.message}${p.value !== undefined ? ` (got ${String(p.value)})` : ""}`).join("; ");
      droppedLocks.push(`locked assignment ${a.staff} ${a.template}@${a.date} dropped: it no longer fits the site's input (${why})`);
    }
  }
  return { usable, droppedLocks };
}

/** A solve's result with the dropped locks' warnings ahead of the solver's own. */
function withWarnings(result: SolveResult, warnings: readonly string[]): SolveResult {
  return warnings.length === 0 ? result : { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}

export class SolveQueue {
  private readonly running = new Map<string, RunningSolve>();
  private readonly concurrency: number;
  private readonly options: Required<Omit<SolveQueueOptions, "concurrency" | "log">>;
  private readonly log: (line: string) => void;
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: Store,
    options: SolveQueueOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? availableParallelism());
    this.options = {
      retentionMs: options.retentionMs ?? 7 * 24 * 3600 * 1000,
      sweepIntervalMs: options.sweepIntervalMs ?? 3600 * 1000,
      progressIntervalMs: options.progressIntervalMs ?? 1000,
      cancelGraceMs: options.cancelGraceMs ?? 5000,
      stopGraceMs: options.stopGraceMs ?? 30_000,
    };
    this.log = options.log ?? ((line) => process.stderr.write(line + "\n"));
  }

  /**
   * A store write made from a worker's event or a timer, where an exception would end the server: one that
   * fails (a full disk, say) is logged and fails its job, if it has one, with the reason. Should the store
   * refuse that too, the job stays running until the next start marks it interrupted.
   */
  private guarded(id: string | undefined, what: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`rxroster: ${what} failed: ${reason}`);
      if (id === undefined) return;
      try {
        this.store.jobs.end(id, "failed", `its result could not be stored: ${reason}`);
      } catch {
        // Left running; see above.
      }
    }
  }

  /** Fail jobs a previous process left running, expire old ones, and start the queued. */
  start(): { interrupted: number } {
    const interrupted = this.store.jobs.failInterrupted(INTERRUPTED);
    this.sweep();
    this.sweeper = setInterval(() => this.guarded(undefined, "expiring finished jobs", () => this.sweep()), this.options.sweepIntervalMs);
    this.sweeper.unref();
    this.pump();
    return { interrupted };
  }

  /** Delete finished jobs older than the retention period; returns how many. */
  sweep(now = Date.now()): number {
    return this.store.jobs.expire(new Date(now - this.options.retentionMs).toISOString());
  }

  submit(siteId: string, options: SolveJobOptions, actor: Actor): JobRecord {
    const job = this.store.jobs.create(siteId, options, actor);
    this.pump();
    return this.store.jobs.get(job.id)!;
  }

  /** Queue an FTE report job (its settings already checked against the site). */
  submitReport(siteId: string, options: FteReportJobOptions, actor: Actor): JobRecord {
    const job = this.store.jobs.createReport(siteId, options, actor);
    this.pump();
    return this.store.jobs.get(job.id)!;
  }

  /** A job with the latest in-memory progress of a running solve. */
  get(id: string): JobRecord | undefined {
    const job = this.store.jobs.get(id);
    const live = this.running.get(id)?.progress;
    return job && live && job.status === "running" ? { ...job, progress: live } : job;
  }

  /** Cancel a queued or running job (a running solve is aborted); finished jobs are left as they are. */
  cancel(id: string, actor: Actor): JobRecord | undefined {
    const job = this.store.jobs.get(id);
    if (!job) return undefined;
    if (this.store.jobs.cancel(job, actor)) {
      const solve = this.running.get(id);
      if (solve) {
        solve.worker.postMessage("cancel");
        setTimeout(() => void solve.worker.terminate(), this.options.cancelGraceMs).unref();
      }
    }
    return this.store.jobs.get(id);
  }

  /**
   * Stop a running solve now and keep its best schedule, as its time limit would: the job then succeeds
   * with that draft, its status (`feasible` unless proven) and gap. A queued solve has no schedule yet and
   * is cancelled; a finished job is left as it is. Only solves: an FTE report's later what-ifs would have
   * no schedule at all (the route refuses them).
   */
  stop(id: string, actor: Actor): JobRecord | undefined {
    const job = this.store.jobs.get(id);
    if (!job) return undefined;
    if (job.status === "queued") return this.cancel(id, actor);
    const solve = this.running.get(id);
    if (job.status === "running" && solve && !solve.stopping) {
      solve.stopping = true;
      this.store.jobs.auditStop(job, actor);
      solve.worker.postMessage("stop");
      setTimeout(() => void solve.worker.terminate(), this.options.stopGraceMs).unref();
    }
    return this.get(id);
  }

  /** Resolves when nothing is running (for tests and shutdown). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((s) => s.finished));
  }

  /** Stop: running solves end as failed (interrupted); queued jobs stay queued for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const [id, solve] of this.running) {
      this.store.jobs.end(id, "failed", INTERRUPTED);
      void solve.worker.terminate();
    }
    await this.drain();
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency) {
      const next = this.store.jobs.nextQueued();
      if (!next) return;
      if (this.store.jobs.claim(next.id)) this.run(next);
    }
  }

  private run(job: JobRecord): void {
    const site = this.store.sites.get(job.siteId);
    if (!site) {
      this.store.jobs.end(job.id, "failed", `site ${job.siteId} no longer exists`);
      return;
    }
    if (job.kind === "fte-report") {
      const data: FteReportWorkerInput = { input: site.input, options: job.options, source: `site ${site.id}, revision ${site.revision}` };
      this.watch<FteReportWorkerMessage>(job.id, startModuleWorker(REPORT_WORKER_URL, data), (message) => this.finishReport(job.id, message));
      return;
    }
    const base = job.options.baseScheduleId ? this.store.schedules.get(job.siteId, job.options.baseScheduleId) : this.store.schedules.latest(job.siteId);
    const { usable, droppedLocks } = base ? usableBase(site.input, base.assignments) : { usable: [], droppedLocks: [] };
    const data: SolveWorkerInput = {
      input: site.input,
      timeLimitSeconds: job.options.timeLimitSeconds,
      ...(job.options.relativeGap !== undefined ? { relativeGap: job.options.relativeGap } : {}),
      locked: usable.filter((a) => a.locked),
      ...(job.options.warmStart && usable.length > 0 ? { warmStart: { assignments: usable } } : {}),
    };
    this.watch<SolveWorkerMessage>(job.id, startModuleWorker(WORKER_URL, data), (message) => this.finish(job.id, { ...message, result: withWarnings(message.result, droppedLocks) }));
  }

  /** Track a job's worker: progress while it runs, its outcome, and a failure if it ends without one. */
  private watch<M extends { type: "progress"; progress: JobProgress } | { type: "outcome" }>(id: string, worker: Worker, onOutcome: (message: Extract<M, { type: "outcome" }>) => void): void {
    let settle!: () => void;
    const solve: RunningSolve = { worker, lastWrite: 0, finished: new Promise<void>((resolve) => (settle = resolve)) };
    this.running.set(id, solve);
    let answered = false;
    worker.on("message", (message: M) => {
      if (message.type === "progress") return this.guarded(undefined, `job ${id}'s progress`, () => this.progress(id, solve, (message as Extract<M, { type: "progress" }>).progress));
      answered = true;
      this.guarded(id, `storing job ${id}'s outcome`, () => onOutcome(message as Extract<M, { type: "outcome" }>));
    });
    worker.on("error", () => {
      answered = true;
      this.guarded(id, `ending job ${id}`, () => this.store.jobs.end(id, "failed", "the job stopped on an internal error"));
    });
    worker.on("exit", () => {
      if (!answered) this.guarded(id, `ending job ${id}`, () => this.store.jobs.end(id, "failed", "the job stopped before answering"));
      this.running.delete(id);
      settle();
      this.guarded(undefined, "starting the next job", () => this.pump());
    });
  }

  private progress(id: string, solve: RunningSolve, progress: JobProgress): void {
    solve.progress = progress;
    const now = Date.now();
    if (now - solve.lastWrite < this.options.progressIntervalMs) return;
    solve.lastWrite = now;
    this.store.jobs.setProgress(id, progress);
  }

  private finish(id: string, message: Extract<SolveWorkerMessage, { type: "outcome" }>): void {
    // A cancelled or interrupted job is already ended: succeed() and end() leave it so, storing nothing.
    if (message.assignments) {
      this.store.jobs.succeed(id, message.assignments, message.result);
      return;
    }
    const why = message.problems?.length
      ? `locked assignments break hard rules: ${message.problems.map(formatProblem).join("; ")}`
      : message.result.solveStatus === "infeasible"
        ? `infeasible: the hard rules cannot all hold${message.conflicts?.length ? `, e.g. ${message.conflicts.slice(0, 3).map((c) => c.message).join("; ")}` : ""}`
        : this.running.get(id)?.stopping
          ? "stopped before the solve had found a schedule"
          : `no schedule found within the time limit${message.detail ? ` (${message.detail})` : ""}`;
    this.store.jobs.end(id, "failed", why, message.result);
  }

  private finishReport(id: string, message: Extract<FteReportWorkerMessage, { type: "outcome" }>): void {
    // As for solves: a cancelled or interrupted job is already ended and stores nothing.
    if (message.report) this.store.jobs.succeedReport(id, message.report);
    else this.store.jobs.end(id, "failed", `the report's settings do not fit the site: ${(message.problems ?? []).map(formatProblem).join("; ")}`);
  }
}
