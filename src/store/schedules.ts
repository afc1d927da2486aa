/**
 * Schedules of a site: drafts (from a solve job or posted by a manager, editable) and published versions
 * (numbered per site, immutable — the database refuses any update or delete of one by trigger).
 */
import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Assignment, PlanningInput } from "../../models/index.js";
import type { PublishedVersion } from "../calendar/events.js";
import type { Actor, AuditRepository } from "./audit.js";
import type { WriteRefusal } from "./sites.js";

export type ScheduleStatus = "draft" | "published";
/** Where a schedule came from: a solve job, a manager's post, or publishing a draft. */
export type ScheduleSource = "solve" | "manual" | "publish";

export interface ScheduleRecord {
  id: string;
  siteId: string;
  status: ScheduleStatus;
  /** Published version number, 1, 2, … per site. */
  version?: number;
  source: ScheduleSource;
  /** The job (source solve) or draft (source publish) it came from. */
  sourceId?: string;
  assignments: Assignment[];
  createdAt: string;
  updatedAt: string;
}

interface ScheduleRow {
  id: string;
  site_id: string;
  status: ScheduleStatus;
  version: number | null;
  source: ScheduleSource;
  source_id: string | null;
  assignments: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    status: row.status,
    ...(row.version !== null ? { version: row.version } : {}),
    source: row.source,
    ...(row.source_id !== null ? { sourceId: row.source_id } : {}),
    assignments: JSON.parse(row.assignments) as Assignment[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class ScheduleRepository {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Every published version of a site, oldest first (never a draft), each with the planning input it was
   * published with when that was kept: the history UIDs and SEQUENCE come from.
   */
  publishedVersions(siteId: string): PublishedVersion[] {
    const rows = this.db
      .prepare("SELECT version, created_at, assignments, input FROM schedules WHERE site_id = ? AND status = 'published' ORDER BY version")
      .all(siteId) as { version: number; created_at: string; assignments: string; input: string | null }[];
    return rows.map((r) => ({
      version: r.version,
      publishedAt: r.created_at,
      schedule: { assignments: JSON.parse(r.assignments) },
      ...(r.input !== null ? { input: JSON.parse(r.input) as PlanningInput } : {}),
    }));
  }

  get(siteId: string, id: string): ScheduleRecord | undefined {
    const row = this.db.prepare("SELECT * FROM schedules WHERE site_id = ? AND id = ?").get(siteId, id) as ScheduleRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** A site's schedules, newest first. */
  list(siteId: string): ScheduleRecord[] {
    return (this.db.prepare("SELECT * FROM schedules WHERE site_id = ? ORDER BY created_at DESC, rowid DESC").all(siteId) as ScheduleRow[]).map(toRecord);
  }

  latestPublished(siteId: string): ScheduleRecord | undefined {
    const row = this.db.prepare("SELECT * FROM schedules WHERE site_id = ? AND status = 'published' ORDER BY version DESC LIMIT 1").get(siteId) as ScheduleRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The schedule changed last (draft or published): the warm start and source of locks for a new solve. */
  latest(siteId: string): ScheduleRecord | undefined {
    const row = this.db.prepare("SELECT * FROM schedules WHERE site_id = ? ORDER BY updated_at DESC, rowid DESC LIMIT 1").get(siteId) as ScheduleRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Store a new draft with its audit row (nests as a savepoint inside a caller's transaction). */
  createDraft(siteId: string, assignments: Assignment[], source: ScheduleSource, sourceId: string | undefined, actor: Actor): ScheduleRecord {
    return this.db.transaction(() => {
      const id = randomUUID();
      const now = new Date().toISOString();
      this.db
        .prepare("INSERT INTO schedules (id, site_id, status, source, source_id, assignments, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)")
        .run(id, siteId, source, sourceId ?? null, JSON.stringify(assignments), now, now);
      this.audit.record(actor, "schedule.draft.create", siteId, id);
      return this.get(siteId, id)!;
    })();
  }

  /** Replace a draft's assignments; a published schedule is refused with 409. */
  updateDraft(siteId: string, id: string, assignments: Assignment[], actor: Actor, action: string): { ok: true; value: ScheduleRecord } | WriteRefusal {
    return this.db.transaction((): { ok: true; value: ScheduleRecord } | WriteRefusal => {
      const current = this.get(siteId, id);
      if (!current) return { ok: false, status: 404, detail: `no schedule ${id} at site ${siteId}` };
      if (current.status === "published") return { ok: false, status: 409, detail: `schedule ${id} is published version ${current.version} and can never be edited` };
      this.db.prepare("UPDATE schedules SET assignments = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(assignments), new Date().toISOString(), id);
      this.audit.record(actor, action, siteId, id);
      return { ok: true, value: this.get(siteId, id)! };
    }).immediate();
  }

  /** Publish a draft as the site's next immutable version (a new schedule; the draft stays editable). */
  publish(siteId: string, id: string, actor: Actor): { ok: true; value: ScheduleRecord } | WriteRefusal {
    return this.db.transaction((): { ok: true; value: ScheduleRecord } | WriteRefusal => {
      const draft = this.get(siteId, id);
      if (!draft) return { ok: false, status: 404, detail: `no schedule ${id} at site ${siteId}` };
      if (draft.status === "published") return { ok: false, status: 409, detail: `schedule ${id} is already published as version ${draft.version}` };
      const { v } = this.db.prepare("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM schedules WHERE site_id = ?").get(siteId) as { v: number };
      // The site's input as it stands, kept with the version: its calendar events keep the times, names and
      // horizon they were published with, whatever the manager edits afterwards.
      const { input } = this.db.prepare("SELECT input FROM sites WHERE id = ?").get(siteId) as { input: string };
      const publishedId = randomUUID();
      const now = new Date().toISOString();
      this.db
        .prepare("INSERT INTO schedules (id, site_id, status, version, source, source_id, assignments, input, created_at, updated_at) VALUES (?, ?, 'published', ?, 'publish', ?, ?, ?, ?, ?)")
        .run(publishedId, siteId, v, id, JSON.stringify(draft.assignments), input, now, now);
      this.audit.record(actor, "schedule.publish", siteId, publishedId);
      return { ok: true, value: this.get(siteId, publishedId)! };
    }).immediate();
  }
}
