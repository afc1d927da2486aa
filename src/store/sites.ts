/**
 * Sites: one validated PlanningInput document per site, stored as JSON with a revision number. Every write
 * re-validates the whole document (parseInput) and stores it with its audit row in one transaction.
 */
import type { Database } from "better-sqlite3";
import type { ConflictCode, Parsed, PlanningInput, Problem } from "../../models/index.js";
import { parseInput } from "../pipeline.js";
import type { Actor, AuditRepository } from "./audit.js";
import type { FeedRepository } from "./feeds.js";
import type { TokenRepository } from "./tokens.js";

export interface SiteRecord {
  id: string;
  revision: number;
  input: PlanningInput;
  createdAt: string;
  updatedAt: string;
}

interface SiteRow {
  id: string;
  input: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

/** A write the store refused for a reason other than validation. */
export type WriteRefusal = { ok: false; status: 404 | 409 | 412; detail: string; problems?: Problem[]; code?: ConflictCode };

function toRecord(row: SiteRow): SiteRecord {
  return { id: row.id, revision: row.revision, input: JSON.parse(row.input) as PlanningInput, createdAt: row.created_at, updatedAt: row.updated_at };
}

export class SiteRepository {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
    private readonly tokens: TokenRepository,
    private readonly feeds: FeedRepository,
  ) {}

  get(id: string): SiteRecord | undefined {
    const row = this.db.prepare("SELECT * FROM sites WHERE id = ?").get(id) as SiteRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Every site, or only the one a scoped token may see. */
  list(onlyId?: string): SiteRecord[] {
    const rows = onlyId === undefined
      ? (this.db.prepare("SELECT * FROM sites ORDER BY id").all() as SiteRow[])
      : (this.db.prepare("SELECT * FROM sites WHERE id = ?").all(onlyId) as SiteRow[]);
    return rows.map(toRecord);
  }

  /** How many sites the store holds. */
  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM sites").get() as { n: number }).n;
  }

  /** Create a site from a full planning input; its id is `input.site.id`. */
  create(data: unknown, actor: Actor): Parsed<SiteRecord> | WriteRefusal {
    const parsed = parseInput(data);
    if (!parsed.ok) return parsed;
    const input = parsed.value;
    return this.db.transaction((): Parsed<SiteRecord> | WriteRefusal => {
      if (this.get(input.site.id)) return { ok: false, status: 409, code: "site-exists", detail: `site ${input.site.id} already exists` };
      const now = new Date().toISOString();
      this.db.prepare("INSERT INTO sites (id, input, revision, created_at, updated_at) VALUES (?, ?, 1, ?, ?)").run(input.site.id, JSON.stringify(input), now, now);
      this.audit.record(actor, "site.create", input.site.id);
      return { ok: true, value: this.get(input.site.id)! };
    }).immediate();
  }

  /**
   * Change a site's document: `change` receives the stored input and returns the new raw document, which is
   * validated whole. The site id cannot change. With `expects`, the change is made only if it accepts the
   * stored revision (an HTTP If-Match), else refused with 412: nobody's write is lost to a write based on
   * an older read.
   */
  update(id: string, actor: Actor, action: string, change: (input: PlanningInput) => unknown, target?: string, expects?: (revision: number) => boolean): Parsed<SiteRecord> | WriteRefusal {
    return this.db.transaction((): Parsed<SiteRecord> | WriteRefusal => {
      const current = this.get(id);
      if (!current) return { ok: false, status: 404, detail: `no site ${id}` };
      if (expects && !expects(current.revision)) {
        return { ok: false, status: 412, detail: `site ${id} has changed since it was read (it is at revision ${current.revision}): read it again and make the change there` };
      }
      // Requests stored already stand: a manager recording a call-out as leave is not refused for a shift-on
      // request the person made for that day before (models/references.ts, `standing`).
      const parsed = parseInput(change(current.input), { standing: current.input });
      if (!parsed.ok) return parsed;
      if (parsed.value.site.id !== id) {
        return { ok: false, problems: [{ path: "site.id", message: `must stay ${id} (a site's id never changes)`, value: parsed.value.site.id }] };
      }
      const reused = this.reusedStaffIds(id, current.input, parsed.value);
      if (reused.length > 0) return { ok: false, problems: reused };
      this.db.prepare("UPDATE sites SET input = ?, revision = revision + 1, updated_at = ? WHERE id = ?").run(JSON.stringify(parsed.value), new Date().toISOString(), id);
      this.audit.record(actor, action, id, target);
      this.revokeCredentialsOfRemoved(id, current.input, parsed.value, actor);
      return { ok: true, value: this.get(id)! };
    }).immediate();
  }
  /**
   * People taken off the site lose their credentials in the same write: their API tokens and calendar
   * feeds are revoked (an area's feeds with the area). A leaver's token would otherwise still open the
   * site, and a feed URL would show whoever is given the id next.
   */
  private revokeCredentialsOfRemoved(siteId: string, before: PlanningInput, after: PlanningInput, actor: Actor): void {
    const staff = new Set(after.staff.map((m) => m.id));
    const areas = new Set(after.areas.map((a) => a.id));
    for (const member of before.staff.filter((m) => !staff.has(m.id))) {
      this.tokens.revokeStaff(siteId, member.id, actor);
      this.feeds.revokeAllOf(siteId, { staffId: member.id }, actor);
    }
    for (const area of before.areas.filter((a) => !areas.has(a.id))) this.feeds.revokeAllOf(siteId, { areaId: area.id }, actor);
  }

  /**
   * A person added under an id that named someone else in a published schedule: refused, as that id's
   * published shifts (and a feed's history) would become the new person's. A rehire under their own name
   * keeps their id.
   */
  private reusedStaffIds(siteId: string, before: PlanningInput, after: PlanningInput): Problem[] {
    const present = new Set(before.staff.map((m) => m.id));
    const added = after.staff.map((member, index) => ({ member, index })).filter(({ member }) => !present.has(member.id));
    if (added.length === 0) return [];
    const published = this.db.prepare("SELECT version, input FROM schedules WHERE site_id = ? AND status = 'published' AND input IS NOT NULL ORDER BY version DESC").all(siteId) as { version: number; input: string }[];
    const formerly = new Map<string, { name: string; version: number }>();
    for (const { version, input } of published) {
      for (const m of (JSON.parse(input) as PlanningInput).staff) if (!formerly.has(m.id)) formerly.set(m.id, { name: m.name, version });
    }
    return added.flatMap(({ member, index }) => {
      const was = formerly.get(member.id);
      return was && was.name !== member.name
        ? [{ path: `staff[${index}].id`, message: `was ${was.name}'s in published schedule version ${was.version}; a new person needs an id of their own`, value: member.id }]
        : [];
    });
  }
}
