/**
 * Schedules of a site: drafts (from a solve job or posted by a manager, editable) and published versions
 * (numbered per site, immutable — the database refuses any update or delete of one by trigger). The records
 * and the rows they are stored as are schedule-records.ts's.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Assignment, PlanningInput } from "../../models/index.js";
import type { DateRange } from "../calendar/coverage.js";
import type { PublishedVersion } from "../calendar/events.js";
import { toPublishedVersion, toRecord, VERSION_COLUMNS, type ScheduleRecord, type ScheduleRow, type ScheduleSource, type ScheduleStatus, type VersionRow } from "./schedule-records.js";
import type { Actor, AuditRepository } from "./audit.js";
import type { WriteRefusal } from "./sites.js";

/** The site revision and input a draft was made for. */
export interface DraftedAgainst {
  revision: number;
  input: PlanningInput;
}

/** What a publish must pass besides the draft's own staleness (see `ScheduleRepository.publish`). */
export interface PublishGuard {
  /** Tests the draft's revision (an HTTP If-Match); a refused one is a 412. */
  expects?: (revision: number) => boolean;
  /**
   * The caller's last word on the draft, inside the publish transaction: a refusal, or the audit action to
   * record (default `schedule.publish`) and the dates the version covers when more than its horizon
   * (default: its horizon, recorded as NULL).
   */
  vet?: (draft: ScheduleRecord) => WriteRefusal | { ok: true; action?: string; covers?: DateRange };
}

/** The 412 of a draft at a revision an If-Match refuses: edited since its client read it. */
export function changedSinceRead(draft: ScheduleRecord): WriteRefusal {
  return { ok: false, status: 412, detail: `schedule ${draft.id} has changed since it was read (it is at revision ${draft.revision}): read it again and review it there` };
}

export class ScheduleRepository {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Every published version of a site, oldest first (never a draft), each with the planning input it was
   * published with when that was kept and the dates it covers when recorded: the history UIDs and
   * SEQUENCE come from.
   */
  publishedVersions(siteId: string): PublishedVersion[] {
    const rows = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM schedules WHERE site_id = ? AND status = 'published' ORDER BY version`)
      .all(siteId) as VersionRow[];
    return rows.map(toPublishedVersion);
  }

  /**
   * Every published version's shifts, oldest first, with the dates it covers (its recorded `covers`, else
   * its input's horizon, read in SQL): what `publishedAssignments` layers, without parsing each version's
   * whole input.
   */
  publishedShifts(siteId: string): PublishedVersion[] {
    const rows = this.db
      .prepare(
        "SELECT version, created_at, assignments, COALESCE(covers_start, json_extract(input, '$.horizon.start')) AS covers_start, " +
          "COALESCE(covers_end, json_extract(input, '$.horizon.end')) AS covers_end FROM schedules WHERE site_id = ? AND status = 'published' ORDER BY version",
      )
      .all(siteId) as Omit<VersionRow, "input">[];
    return rows.map((r) => toPublishedVersion({ ...r, input: null }));
  }

  /**
   * The published versions with a kept input whose dates (its recorded `covers`, else that input's
   * horizon) begin after `after` and by `until`, oldest first, each with its id: the later versions an
   * earlier publish may become the history of.
   */
  publishedBeginning(siteId: string, after: string, until: string): (PublishedVersion & { id: string })[] {
    const rows = this.db
      .prepare(
        `SELECT id, ${VERSION_COLUMNS} FROM schedules WHERE site_id = ? AND status = 'published' AND input IS NOT NULL ` +
          "AND COALESCE(covers_start, json_extract(input, '$.horizon.start')) > ? AND COALESCE(covers_start, json_extract(input, '$.horizon.start')) <= ? ORDER BY version",
      )
      .all(siteId, after, until) as (VersionRow & { id: string })[];
    return rows.map((r) => ({ id: r.id, ...toPublishedVersion(r) }));
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

  /**
   * The latest published version that speaks for any date of `range`: its recorded `covers`, else the
   * horizon it was published with; one with neither (published before versions kept their input) speaks
   * for every date.
   */
  latestPublishedOver(siteId: string, range: DateRange): ScheduleRecord | undefined {
    const row = this.db
      .prepare(
        "SELECT * FROM schedules WHERE site_id = ? AND status = 'published' " +
          "AND COALESCE(covers_start, json_extract(input, '$.horizon.start'), '') <= ? AND COALESCE(covers_end, json_extract(input, '$.horizon.end'), '9999-12-31') >= ? " +
          "ORDER BY version DESC LIMIT 1",
      )
      .get(siteId, range.end, range.start) as ScheduleRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The schedule changed last (draft or published): the warm start and source of locks for a new solve (a repair starts from `latestPublished`). */
  latest(siteId: string): ScheduleRecord | undefined {
    const row = this.db.prepare("SELECT * FROM schedules WHERE site_id = ? ORDER BY updated_at DESC, rowid DESC LIMIT 1").get(siteId) as ScheduleRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The planning input a draft was drafted against (absent for drafts stored before it was kept). */
  draftInput(siteId: string, id: string): PlanningInput | undefined {
    return this.keptInput(siteId, id, "draft");
  }

  /**
   * The planning input a published version was published with: its month, staff and rules as they were
   * (absent for versions published before it was kept, migration 5).
   */
  publishedInput(siteId: string, id: string): PlanningInput | undefined {
    return this.keptInput(siteId, id, "published");
  }

  private keptInput(siteId: string, id: string, status: ScheduleStatus): PlanningInput | undefined {
    const row = this.db.prepare("SELECT input FROM schedules WHERE site_id = ? AND id = ? AND status = ?").get(siteId, id, status) as { input: string | null } | undefined;
    return row?.input ? (JSON.parse(row.input) as PlanningInput) : undefined;
  }

  /**
   * The horizon a schedule was planned for: that of the input kept with it (a draft's, drafted against; a
   * published version's, published with). Absent for schedules stored before their input was kept.
   */
  plannedHorizon(siteId: string, id: string): DateRange | undefined {
    const row = this.db
      .prepare("SELECT json_extract(input, '$.horizon.start') AS start, json_extract(input, '$.horizon.end') AS end FROM schedules WHERE site_id = ? AND id = ?")
      .get(siteId, id) as { start: string | null; end: string | null } | undefined;
    return row?.start && row.end ? { start: row.start, end: row.end } : undefined;
  }

  /**
   * The published version a new draft is drafted from: a solve's is the one it started from (its
   * `baseScheduleId`, else the latest when it started), since a version published while it ran is not in it;
   * anything else's is the latest now.
   */
  private baseVersionFor(siteId: string, source: ScheduleSource, sourceId: string | undefined): number {
    const latestAt = (at?: string): number =>
      (this.db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM schedules WHERE site_id = ? AND status = 'published' AND (? IS NULL OR created_at <= ?)").get(siteId, at ?? null, at ?? null) as { v: number }).v;
    const job = source === "solve" && sourceId !== undefined
      ? (this.db.prepare("SELECT started_at, created_at, json_extract(options, '$.baseScheduleId') AS base FROM jobs WHERE id = ?").get(sourceId) as { started_at: string | null; created_at: string; base: string | null } | undefined)
      : undefined;
    if (!job) return latestAt();
    const base = job.base !== null ? this.get(siteId, job.base) : undefined;
    if (base) return base.version ?? base.baseVersion;
    return latestAt(job.started_at ?? job.created_at);
  }

  /**
   * Store a new draft with its audit row, with the site revision and input it is drafted against (given, for
   * a solve that read them when it started; else the site's now) and its base version (nests as a savepoint
   * inside a caller's transaction).
   */
  createDraft(siteId: string, assignments: Assignment[], source: ScheduleSource, sourceId: string | undefined, actor: Actor, against?: DraftedAgainst): ScheduleRecord {
    return this.db.transaction(() => {
      const id = randomUUID();
      const now = new Date().toISOString();
      // No site: the insert is refused by foreign key.
      const site = against
        ? { revision: against.revision, input: JSON.stringify(against.input) }
        : (this.db.prepare("SELECT revision, input FROM sites WHERE id = ?").get(siteId) as { revision: number; input: string } | undefined);
      this.db
        .prepare("INSERT INTO schedules (id, site_id, status, source, source_id, base_version, site_revision, input, assignments, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(id, siteId, source, sourceId ?? null, this.baseVersionFor(siteId, source, sourceId), site?.revision ?? null, site?.input ?? null, JSON.stringify(assignments), now, now);
      this.audit.record(actor, "schedule.draft.create", siteId, id);
      return this.get(siteId, id)!;
    })();
  }

  /**
   * Replace a draft's assignments and raise its revision; a published schedule is refused with 409, and so
   * is (412) a draft at a revision `expects` refuses (an HTTP If-Match: edited since its client read it).
   */
  updateDraft(siteId: string, id: string, assignments: Assignment[], actor: Actor, action: string, expects?: (revision: number) => boolean): { ok: true; value: ScheduleRecord } | WriteRefusal {
    return this.db.transaction((): { ok: true; value: ScheduleRecord } | WriteRefusal => {
      const current = this.get(siteId, id);
      if (!current) return { ok: false, status: 404, detail: `no schedule ${id} at site ${siteId}` };
      if (current.status === "published") return { ok: false, status: 409, code: "published-immutable", detail: `schedule ${id} is published version ${current.version} and can never be edited` };
      if (expects && !expects(current.revision)) return changedSinceRead(current);
      this.db.prepare("UPDATE schedules SET assignments = ?, revision = revision + 1, updated_at = ? WHERE id = ?").run(JSON.stringify(assignments), new Date().toISOString(), id);
      this.audit.record(actor, action, siteId, id);
      return { ok: true, value: this.get(siteId, id)! };
    }).immediate();
  }

  /**
   * Publish a draft as the site's next immutable version (a new schedule; the draft stays editable, now
   * based on that version). Refused, with nothing stored: 412 when `guard.expects` refuses the draft's
   * revision (edited since its client read it); 409 when a version newer than the one it was drafted from
   * was published since for dates of the site's horizon (it would silently undo that one there; a version of
   * other dates, last month's, is no matter), when the latest version of those dates holds the same shifts
   * against the same site data (nothing new: a double click), or when `guard.vet` refuses it.
   */
  publish(siteId: string, id: string, actor: Actor, guard: PublishGuard = {}): { ok: true; value: ScheduleRecord } | WriteRefusal {
    return this.db.transaction((): { ok: true; value: ScheduleRecord } | WriteRefusal => {
      const draft = this.get(siteId, id);
      if (!draft) return { ok: false, status: 404, detail: `no schedule ${id} at site ${siteId}` };
      if (draft.status === "published") return { ok: false, status: 409, code: "published-immutable", detail: `schedule ${id} is already published as version ${draft.version}` };
      if (guard.expects && !guard.expects(draft.revision)) return changedSinceRead(draft);
      // The site's input as it stands, kept with the version: its calendar events keep the times, names and
      // horizon they were published with, whatever the manager edits afterwards. Its horizon is the dates the
      // version will speak for.
      const { input } = this.db.prepare("SELECT input FROM sites WHERE id = ?").get(siteId) as { input: string };
      const { horizon } = JSON.parse(input) as Pick<PlanningInput, "horizon">;
      // Only a version speaking for some of those dates can be undone or repeated: last month's re-publish
      // (a call-out fixed) leaves this month's draft as current as it was.
      const newer = this.latestPublishedOver(siteId, horizon);
      if (newer && newer.version! > draft.baseVersion) {
        const from = draft.baseVersion === 0 ? "before any version was published" : `from version ${draft.baseVersion}`;
        const dates = newer.covers ?? this.plannedHorizon(siteId, newer.id);
        const over = dates ? `${dates.start}..${dates.end}` : "every date (it was published before versions kept their horizon)";
        return {
          ok: false, status: 409, code: "published-since",
          detail: `draft ${id} was made ${from}, and version ${newer.version} was published since (${newer.createdAt}) for ${over}, overlapping the horizon ${horizon.start}..${horizon.end}: ` +
            `publishing the draft would silently undo that version there. Make a new draft from version ${newer.version} (a solve or a repair with baseScheduleId ${newer.id}), ` +
            "or post this draft's assignments again as a new draft once you have compared them with that version's",
          problems: [{ path: "baseVersion", message: `drafted ${from}; version ${newer.version}, published since, speaks for ${over}, overlapping the horizon ${horizon.start}..${horizon.end}`, value: draft.baseVersion }],
        };
      }
      // The same shifts against the same site data as the latest version of these dates: a second click of
      // Publish, or a draft left as it was. Another version would change nobody's calendar.
      const latest = newer && (this.db.prepare("SELECT assignments, input FROM schedules WHERE id = ?").get(newer.id) as { assignments: string; input: string | null });
      if (latest && latest.assignments === JSON.stringify(draft.assignments) && latest.input === input) {
        return { ok: false, status: 409, code: "nothing-new", detail: `draft ${id} holds the same shifts as version ${newer!.version} (published ${newer!.createdAt}), against the same site data: there is nothing new to publish` };
      }
      const vetted: ReturnType<NonNullable<PublishGuard["vet"]>> = guard.vet?.(draft) ?? { ok: true };
      if (!vetted.ok) return vetted;
      const { v } = this.db.prepare("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM schedules WHERE site_id = ?").get(siteId) as { v: number };
      const publishedId = randomUUID();
      const now = new Date().toISOString();
      this.db
        .prepare("INSERT INTO schedules (id, site_id, status, version, source, source_id, assignments, input, covers_start, covers_end, created_at, updated_at) VALUES (?, ?, 'published', ?, 'publish', ?, ?, ?, ?, ?, ?, ?)")
        .run(publishedId, siteId, v, id, JSON.stringify(draft.assignments), input, vetted.covers?.start ?? null, vetted.covers?.end ?? null, now, now);
      // Re-publishing the same draft (edited or not) is not publishing a stale one.
      this.db.prepare("UPDATE schedules SET base_version = ? WHERE id = ?").run(v, id);
      this.audit.record(actor, vetted.action ?? "schedule.publish", siteId, publishedId);
      return { ok: true, value: this.get(siteId, publishedId)! };
    }).immediate();
  }
}
