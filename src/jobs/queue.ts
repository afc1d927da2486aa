/**
 * The job queue: jobs (solves and FTE reports) live in the store's job table; at most `concurrency` run
 * at once, each in its own worker thread (a report solves its what-ifs one after another), the rest wait
 * queued. The last free slot is kept for a site with no job running (queue-options.ts). Only running jobs
 * are held in memory (running-jobs.ts, which watches their workers); finished jobs expire from the table
 * after the retention period. What a solve job's worker is given, and what its outcome stores, is
 * solve-job.ts's.
 */
import { errorMessage, formatProblem } from "../../models/index.js";
import { SYSTEM, type Actor } from "../store/audit.js";
import type { JobRecord } from "../store/jobs.js";
import type { SiteRecord } from "../store/sites.js";
import type { Store } from "../store/store.js";
import { inputForRules } from "../calendar/published-history.js";
import type { FteReportJobOptions, JobProgress, SolveJobOptions } from "./options.js";
import type { FteReportWorkerInput, FteReportWorkerMessage } from "./fte-report-worker.js";
import { interruptedNotice, interruptedReason, shutdownLine, UnstoredEnds, writeFailure } from "./job-ends.js";
import { RunningJobs, type RunningJob } from "./running-jobs.js";
import { finishSolve, planSolve, type StopCause } from "./solve-job.js";
import type { SolveWorkerMessage } from "./solve-worker.js";
import { startModuleWorker } from "./worker-thread.js";
import { withDefaults, type SolveQueueOptions } from "./queue-options.js";

const workerUrl = (name: string): URL => new URL(`./${name}${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
const WORKER_URL = workerUrl("solve-worker");
const REPORT_WORKER_URL = workerUrl("fte-report-worker");

export class SolveQueue {
  private readonly running: RunningJobs;
  private readonly unstored: UnstoredEnds;
  private readonly concurrency: number;
  private readonly options: Omit<Required<SolveQueueOptions>, "concurrency" | "log">;
  private readonly log: (line: string) => void;
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: Store,
    options: SolveQueueOptions = {},
  ) {
    const { concurrency, log, ...timing } = withDefaults(options);
    this.concurrency = concurrency;
    this.log = log;
    this.options = timing;
    this.unstored = new UnstoredEnds(store, this.options.retryIntervalMs, this.log);
    this.running = new RunningJobs(store, this.options.progressIntervalMs, this.log, {
      guarded: (id, what, write, progress) => this.guarded(id, what, write, progress),
      freed: () => this.guarded(undefined, "starting the next job", () => this.pump()),
    });
  }

  /**
   * A store write made from a worker's event or a timer, where an exception would end the server: one that
   * fails (a full disk, say) is logged and fails its job, if it has one, with the reason (UnstoredEnds keeps it should the store refuse that too).
   */
  private guarded(id: string | undefined, what: string, write: () => void, progress?: JobProgress): void {
    try {
      write();
    } catch (error) {
      this.log(`rxroster: ${what} failed: ${errorMessage(error)}`);
      if (id !== undefined) this.unstored.fail(id, `its result could not be stored: ${writeFailure(error)}`, progress);
    }
  }

  /**
   * Fail jobs a previous process left running, expire old ones, and start the queued. `notice`: a line
   * for the jobs it failed, by kind, when there were any.
   */
  start(): { interrupted: number; notice?: string } {
    const interrupted = this.store.jobs.failInterrupted(interruptedReason);
    this.sweep();
    this.sweeper = setInterval(() => this.guarded(undefined, "expiring finished jobs", () => this.sweep()), this.options.sweepIntervalMs);
    this.sweeper.unref();
    this.pump();
    return { interrupted: interrupted.length, ...(interrupted.length > 0 ? { notice: interruptedNotice(interrupted) } : {}) };
  }

  /** Delete finished jobs older than the retention period; returns how many. */
  sweep(now = Date.now()): number {
    return this.store.jobs.expire(new Date(now - this.options.retentionMs).toISOString());
  }

  /** How many more jobs the site may queue now (0: a submit must be refused until one starts). */
  room(siteId: string): number {
    return Math.max(0, this.options.maxQueuedPerSite - this.store.jobs.queuedAt(siteId));
  }

  /** The limit `room` counts against. */
  get maxQueuedPerSite(): number {
    return this.options.maxQueuedPerSite;
  }

  submit(siteId: string, options: SolveJobOptions, actor: Actor): JobRecord {
    const job = this.store.jobs.create(siteId, options, actor);
    this.pump();
    return this.store.jobs.get(job.id)!;
  }

  /**
   * A job of the site asked with the same `options` whose draft or report would be what a new one's would
   * (store/jobs.ts's `identical`): a double click or two managers get one job, not two drafts or two
   * reports' worth of solves. Not a solve told to stop early: its draft will be the best found by then.
   */
  identical(site: Pick<SiteRecord, "id" | "revision">, kind: JobRecord["kind"], options: SolveJobOptions | FteReportJobOptions): JobRecord | undefined {
    const job = this.store.jobs.identical(site.id, kind, options, site.revision);
    return job && !this.running.get(job.id)?.stopping && !this.unstored.has(job.id) ? job : undefined;
  }

  /** Queue an FTE report job (its settings already checked against the site). */
  submitReport(siteId: string, options: FteReportJobOptions, actor: Actor): JobRecord {
    const job = this.store.jobs.createReport(siteId, options, actor);
    this.pump();
    return this.store.jobs.get(job.id)!;
  }

  /** A job with the latest in-memory progress of a running solve, or its end the store has not taken yet. */
  get(id: string): JobRecord | undefined {
    const job = this.store.jobs.get(id);
    if (job?.status !== "running") return job;
    const ended = this.unstored.get(id);
    if (ended) return { ...job, ...ended };
    const live = this.running.get(id)?.progress;
    return live ? { ...job, progress: live } : job;
  }

  /**
   * Cancel a queued or running job (a running solve is aborted, its schedule so far discarded; its last
   * progress is kept); finished jobs are left as they are.
   */
  cancel(id: string, actor: Actor): JobRecord | undefined {
    // Ended, though the store does not hold it yet: nothing to cancel.
    if (this.unstored.has(id)) return this.get(id);
    const job = this.store.jobs.get(id);
    if (!job) return undefined;
    const solve = this.running.get(id);
    if (solve?.progress) this.store.jobs.setProgress(id, solve.progress);
    const why = job.status === "queued"
      ? "cancelled before it started"
      : job.kind === "solve"
        ? "cancelled while it ran: its best schedule so far was discarded (a stop keeps it as a draft)"
        : "cancelled while it ran: no report was stored";
    if (this.store.jobs.cancel(job, actor, why)) {
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
   * no schedule at all (the route refuses them). `cause`: the shutdown's stop (`close`) warns so in the result.
   */
  stop(id: string, actor: Actor, cause: StopCause = "request"): JobRecord | undefined {
    if (this.unstored.has(id)) return this.get(id);
    const job = this.store.jobs.get(id);
    if (!job) return undefined;
    if (job.status === "queued") return this.cancel(id, actor);
    const solve = this.running.get(id);
    if (job.status === "running" && solve && !solve.stopping) {
      // Audited first: should the store refuse it, the stop is not made and may be asked again.
      this.store.jobs.auditStop(job, actor);
      solve.stopping = cause;
      solve.worker.postMessage("stop");
      setTimeout(() => void solve.worker.terminate(), this.options.stopGraceMs).unref();
    }
    return this.get(id);
  }

  /** Resolves when nothing is running (for tests and shutdown). */
  async drain(): Promise<void> {
    await this.running.drained();
  }

  /**
   * Shut down: no job starts any more, and queued jobs stay queued for the next start. Each running solve
   * (and repair) is stopped as `stop` stops it, by the system: within `shutdownGraceMs` it answers with its
   * best schedule, stored as its draft with a warning that the shutdown stopped it. A solve with no schedule
   * by then, and an FTE report at once (its later what-ifs would have no schedule), ends failed as
   * interrupted, with its last progress. Ends the store refused are tried once more; what it still refuses
   * the next start marks interrupted. Returns a line for each job that was running, saying how it ended.
   */
  async close(): Promise<string[]> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    const running = [...this.running];
    for (const [id, solve] of running) {
      if (solve.kind === "solve" && this.stopForShutdown(id)) continue;
      this.interrupt(id, solve);
    }
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([this.drain(), new Promise<void>((resolve) => (grace = setTimeout(resolve, this.options.shutdownGraceMs)))]);
    clearTimeout(grace);
    for (const [id, solve] of this.running) this.interrupt(id, solve);
    this.unstored.close();
    await this.drain();
    return running.flatMap(([id]) => {
      const job = this.get(id);
      return job ? [shutdownLine(job)] : [];
    });
  }

  /** The shutdown's stop of a running solve; false when it could not be made (the store refused its audit). */
  private stopForShutdown(id: string): boolean {
    try {
      this.stop(id, SYSTEM, "shutdown");
      return true;
    } catch (error) {
      this.log(`rxroster: stopping job ${id} failed: ${errorMessage(error)}`);
      return false;
    }
  }

  /**
   * End a running job as failed (interrupted by the shutdown) with its last progress, and its worker. One
   * whose end the store refused has ended already, and keeps the reason it ended for.
   */
  private interrupt(id: string, solve: RunningJob): void {
    if (!this.unstored.has(id)) this.unstored.fail(id, solve.interrupted, solve.progress);
    void solve.worker.terminate();
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency) {
      // The last free slot goes only to a site with nothing running: a site's second solve would hold it for
      // up to an hour, and another site's job, submitted a moment later, would wait all that time.
      // A store of one site (one department's server) runs its jobs side by side, a solve beside an FTE
      // report: there is no other site to keep the slot for.
      const next = this.store.jobs.nextQueued(this.running.size === this.concurrency - 1 && this.store.sites.count() > 1);
      if (!next || !this.begin(next)) return;
    }
  }

  /**
   * Start a queued job on the site as it stands, recording its revision. Whatever fails on the way fails
   * the job with the reason, logged, rather than leaving it running with no worker. False when even that
   * could not be stored (the queue then waits for its next event rather than retry the job at once).
   */
  private begin(job: JobRecord): boolean {
    let claimed = false;
    try {
      const site = this.store.sites.get(job.siteId);
      if (!site) {
        this.store.jobs.end(job.id, "failed", `site ${job.siteId} no longer exists`);
        return true;
      }
      claimed = this.store.jobs.claim(job.id, site.revision);
      if (claimed) this.run(job, site);
      return true;
    } catch (error) {
      this.log(`rxroster: job ${job.id} could not start: ${errorMessage(error)}`);
      void this.running.get(job.id)?.worker.terminate();
      const reason = `the job could not start: ${writeFailure(error)}`;
      // Claimed, it is running in the store: failed like a job that ran (kept in memory should the store
      // refuse). Still queued, it is left for the queue's next event.
      if (claimed) {
        this.unstored.fail(job.id, reason);
        return true;
      }
      try {
        this.store.jobs.end(job.id, "failed", reason);
        return true;
      } catch {
        return false;
      }
    }
  }

  private run(job: JobRecord, site: SiteRecord): void {
    if (job.kind === "fte-report") {
      const data: FteReportWorkerInput = { input: inputForRules(this.store, site).input, options: job.options, source: `site ${site.id}, revision ${site.revision}` };
      this.running.watch<FteReportWorkerMessage>(job, startModuleWorker(REPORT_WORKER_URL, data), (message) => this.finishReport(job.id, message));
      return;
    }
    const plan = planSolve(this.store, job, site);
    if ("failed" in plan) {
      this.store.jobs.end(job.id, "failed", plan.failed);
      return;
    }
    this.running.watch<SolveWorkerMessage>(job, startModuleWorker(WORKER_URL, plan.data), (message) => finishSolve(this.store, job.id, site, message, plan, this.running.get(job.id)?.stopping));
  }

  private finishReport(id: string, message: Extract<FteReportWorkerMessage, { type: "outcome" }>): void {
    // As for solves: a cancelled or interrupted job is already ended and stores nothing.
    if (message.report) this.store.jobs.succeedReport(id, message.report);
    else this.store.jobs.end(id, "failed", `the report's settings do not fit the site: ${(message.problems ?? []).map(formatProblem).join("; ")}`);
  }
}
