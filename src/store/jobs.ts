/**
 * The persisted job table: solves and FTE reports. A job's schedule (or report) is written in the same
 * transaction that marks it succeeded, so a crash leaves either a finished job with its result or a
 * running job with none; on startup running jobs are marked failed. Finished jobs are deleted after a
 * retention period, their reports with them.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Assignment } from "../../models/index.js";
import type { FteReportJobOptions, JobProgress, SolveJobOptions, SolveResult } from "../jobs/options.js";
import { SYSTEM, type Actor, type AuditRepository } from "./audit.js";
import type { DraftedAgainst, ScheduleRepository } from "./schedules.js";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_KINDS = ["solve", "fte-report"] as const;

interface JobFields {
  id: string;
  siteId: string;
  status: JobStatus;
  progress?: JobProgress;
  result?: SolveResult;
  /** The draft a solve job produced (status succeeded). */
  scheduleId?: string;
  /** The report an FTE report job produced (status succeeded). */
  reportId?: string;
  error?: string;
  /** The site revision the job ran against (set when it starts). */
  siteRevision?: number;
  createdBy: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export type JobRecord = JobFields & ({ kind: "solve"; options: SolveJobOptions } | { kind: "fte-report"; options: FteReportJobOptions });

interface JobRow {
  id: string;
  site_id: string;
  kind: JobRecord["kind"];
  status: JobStatus;
  options: string;
  progress: string | null;
  result: string | null;
  schedule_id: string | null;
  report_id: string | null;
  error: string | null;
  site_revision: number | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    kind: row.kind,
    status: row.status,
    options: JSON.parse(row.options) as SolveJobOptions & FteReportJobOptions,
    ...(row.progress !== null ? { progress: JSON.parse(row.progress) as JobProgress } : {}),
    ...(row.result !== null ? { result: JSON.parse(row.result) as SolveResult } : {}),
    ...(row.schedule_id !== null ? { scheduleId: row.schedule_id } : {}),
    ...(row.report_id !== null ? { reportId: row.report_id } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    ...(row.site_revision !== null ? { siteRevision: row.site_revision } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.started_at !== null ? { startedAt: row.started_at } : {}),
    ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
  };
}

const FINISHED = "('succeeded', 'failed', 'cancelled')";

export class JobRepository {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
    private readonly schedules: ScheduleRepository,
  ) {}

  get(id: string): JobRecord | undefined {
    const row = this.db.prepare("SELECT * FROM jobs WHERE id = ?").get(id) as JobRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  create(siteId: string, options: SolveJobOptions, actor: Actor): JobRecord {
    return this.insert(siteId, "solve", options, actor);
  }

  createReport(siteId: string, options: FteReportJobOptions, actor: Actor): JobRecord {
    return this.insert(siteId, "fte-report", options, actor);
  }

  private insert(siteId: string, kind: JobRecord["kind"], options: object, actor: Actor): JobRecord {
    return this.db.transaction(() => {
      const id = randomUUID();
      this.db
        .prepare("INSERT INTO jobs (id, site_id, kind, status, options, created_by, created_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)")
        .run(id, siteId, kind, JSON.stringify(options), actor.tokenId, new Date().toISOString());
      this.audit.record(actor, kind === "solve" ? "job.submit" : "job.submit.fte-report", siteId, id);
      return this.get(id)!;
    }).immediate();
  }

  /**
   * The job to start next: the oldest queued job of the sites with the fewest jobs running, so a site with a
   * backlog takes turns with the others rather than holding every slot until its backlog is done.
   * `idleSitesOnly`: only a job of a site with none running (the queue's last free slot).
   */
  nextQueued(idleSitesOnly = false): JobRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT q.* FROM jobs q WHERE q.status = 'queued'
           AND (? = 0 OR NOT EXISTS (SELECT 1 FROM jobs r WHERE r.site_id = q.site_id AND r.status = 'running'))
         ORDER BY (SELECT COUNT(*) FROM jobs r WHERE r.site_id = q.site_id AND r.status = 'running'), q.created_at, q.rowid
         LIMIT 1`,
      )
      .get(idleSitesOnly ? 1 : 0) as JobRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /**
   * A job of the site of `kind` asked with exactly `options` that will give what a new one would: a queued
   * one (it reads the site and its schedules when it starts), or one running against `siteRevision` that no
   * schedule of the site was written after it started (a base schedule edited, a version published: another
   * base or history, for a solve and an FTE report alike). The oldest, or none.
   */
  identical(siteId: string, kind: JobRecord["kind"], options: SolveJobOptions | FteReportJobOptions, siteRevision: number): JobRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM jobs j WHERE j.site_id = ? AND j.kind = ? AND j.options = ?
           AND (j.status = 'queued' OR (j.status = 'running' AND j.site_revision = ?
             AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.site_id = j.site_id AND s.updated_at >= j.started_at)))
         ORDER BY j.created_at, j.rowid LIMIT 1`,
      )
      .get(siteId, kind, JSON.stringify(options), siteRevision) as JobRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** How many jobs of the site are queued. */
  queuedAt(siteId: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE site_id = ? AND status = 'queued'").get(siteId) as { n: number }).n;
  }

  /**
   * Move a queued job to running, recording the site revision it runs against; false when it is no longer
   * queued (cancelled meanwhile).
   */
  claim(id: string, siteRevision?: number): boolean {
    return this.db
      .prepare("UPDATE jobs SET status = 'running', started_at = ?, site_revision = ? WHERE id = ? AND status = 'queued'")
      .run(new Date().toISOString(), siteRevision ?? null, id).changes === 1;
  }

  setProgress(id: string, progress: JobProgress): void {
    this.db.prepare("UPDATE jobs SET progress = ? WHERE id = ? AND status = 'running'").run(JSON.stringify(progress), id);
  }

  /**
   * Store the job's schedule as a draft, drafted against the site revision and input it was solved for
   * (`against`), and mark the job succeeded, in one transaction.
   */
  succeed(id: string, assignments: Assignment[], result: SolveResult, against?: DraftedAgainst): JobRecord | undefined {
    return this.db.transaction(() => {
      const job = this.get(id);
      if (!job || job.status !== "running") return job;
      const schedule = this.schedules.createDraft(job.siteId, assignments, "solve", id, SYSTEM, against);
      this.db
        .prepare("UPDATE jobs SET status = 'succeeded', schedule_id = ?, result = ?, finished_at = ? WHERE id = ?")
        .run(schedule.id, JSON.stringify(result), new Date().toISOString(), id);
      return this.get(id);
    }).immediate();
  }

  /** Store an FTE report job's report and mark the job succeeded, in one transaction. */
  succeedReport(id: string, report: unknown): JobRecord | undefined {
    return this.db.transaction(() => {
      const job = this.get(id);
      if (!job || job.status !== "running") return job;
      const reportId = randomUUID();
      const now = new Date().toISOString();
      this.db.prepare("INSERT INTO fte_reports (id, site_id, job_id, report, created_at) VALUES (?, ?, ?, ?, ?)").run(reportId, job.siteId, id, JSON.stringify(report), now);
      this.db.prepare("UPDATE jobs SET status = 'succeeded', report_id = ?, finished_at = ? WHERE id = ?").run(reportId, now, id);
      return this.get(id);
    }).immediate();
  }

  /** A stored FTE report of a site (parsed JSON), while its job is kept. */
  report(siteId: string, reportId: string): { id: string; jobId: string; createdAt: string; report: unknown } | undefined {
    const row = this.db.prepare("SELECT id, job_id, report, created_at FROM fte_reports WHERE id = ? AND site_id = ?").get(reportId, siteId) as
      | { id: string; job_id: string; report: string; created_at: string }
      | undefined;
    return row ? { id: row.id, jobId: row.job_id, createdAt: row.created_at, report: JSON.parse(row.report) } : undefined;
  }

  /**
   * End a queued or running job as failed or cancelled (no schedule); `finishedAt` (ISO instant, default now)
   * when it ended earlier than this write (the store refused it then).
   */
  end(id: string, status: "failed" | "cancelled", error?: string, result?: SolveResult, finishedAt = new Date().toISOString()): boolean {
    return this.db
      .prepare(`UPDATE jobs SET status = ?, error = ?, result = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')`)
      .run(status, error ?? null, result ? JSON.stringify(result) : null, finishedAt, id).changes === 1;
  }

  /** Cancel a queued or running job, saying why, with its audit row, both or neither; false when it had finished. */
  cancel(job: JobRecord, actor: Actor, why?: string): boolean {
    return this.db.transaction((): boolean => {
      if (!this.end(job.id, "cancelled", why)) return false;
      this.audit.record(actor, "job.cancel", job.siteId, job.id);
      return true;
    })();
  }

  auditStop(job: JobRecord, actor: Actor): void {
    this.audit.record(actor, "job.stop", job.siteId, job.id);
  }

  /** Mark jobs left running by a stopped process as failed, each with `why` it did; returns them as they were. */
  failInterrupted(why: (job: JobRecord) => string): JobRecord[] {
    return this.db.transaction(() => {
      const left = (this.db.prepare("SELECT * FROM jobs WHERE status = 'running'").all() as JobRow[]).map(toRecord);
      const fail = this.db.prepare("UPDATE jobs SET status = 'failed', error = ?, finished_at = ? WHERE id = ?");
      const now = new Date().toISOString();
      for (const job of left) fail.run(why(job), now, job.id);
      return left;
    }).immediate();
  }

  /**
   * Delete finished jobs that finished before `before` (ISO instant); returns how many. A solve job whose
   * schedule is still stored is kept: the schedule's `sourceId` names it, and it holds how the schedule was
   * made (status, gap, objective, warnings).
   */
  expire(before: string): number {
    return this.db
      .prepare(`DELETE FROM jobs WHERE status IN ${FINISHED} AND finished_at < ? AND id NOT IN (SELECT source_id FROM schedules WHERE source_id IS NOT NULL)`)
      .run(before).changes;
  }
}
