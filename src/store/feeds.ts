/**
 * Calendar feed tokens and what a feed is built from. A feed token is the secret in a subscription URL
 * (src/calendar/tokens.ts makes it); this table keeps only its SHA-256 with the feed's scope — one staff
 * member, the department or one area of a site — and when it was created, last rotated and revoked.
 * Rotating replaces the hash in place (the feed id stays, the old URL stops working); revoking stamps the
 * row. Also here: each site's UID salt (made once, never changed) and the cheap state a feed cache is keyed
 * by (input revision, latest published version), so a poll does not load the site's planning input.
 */
import { randomBytes } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import type { FeedScope } from "../calendar/identity.js";
import { createFeedToken, hashFeedToken } from "../calendar/tokens.js";
import type { Actor, AuditRepository } from "./audit.js";

/** Most live feeds one scope may have (a person's phone, laptop, …); past it, revoke one first. */
export const MAX_LIVE_FEEDS_PER_SCOPE = 10;

export interface FeedRecord {
  id: string;
  siteId: string;
  scope: FeedScope;
  createdAt: string;
  /** The API token that created the feed (absent when made from the host's command line). */
  createdBy?: string;
  rotatedAt?: string;
  revokedAt?: string;
}

/** A feed with its token, returned by create and rotate only: the token is never readable again. */
export interface IssuedFeed {
  feed: FeedRecord;
  token: string;
}

/** What a site's feeds depend on: any change to either means every cached feed of the site is stale. */
export interface FeedSourceState {
  revision: number;
  /** Latest published version, or null before the first publish. */
  latestVersion: number | null;
}

interface FeedRow {
  id: string;
  site_id: string;
  scope: "staff" | "department" | "area";
  staff_id: string | null;
  area_id: string | null;
  created_by: string | null;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
}

function toRecord(row: FeedRow): FeedRecord {
  const scope: FeedScope =
    row.scope === "staff" ? { kind: "staff", staffId: row.staff_id! } : row.scope === "area" ? { kind: "area", areaId: row.area_id! } : { kind: "department" };
  return {
    id: row.id,
    siteId: row.site_id,
    scope,
    createdAt: row.created_at,
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.rotated_at !== null ? { rotatedAt: row.rotated_at } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

export class FeedRepository {
  // The poll path runs these on every request, so they are prepared once.
  private readonly byHash: Statement;
  private readonly state: Statement;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
  ) {
    this.byHash = db.prepare("SELECT * FROM feed_tokens WHERE hash = ? AND revoked_at IS NULL");
    this.state = db.prepare(
      "SELECT revision, (SELECT MAX(version) FROM schedules WHERE site_id = sites.id AND status = 'published') AS version FROM sites WHERE id = ?",
    );
  }

  /** Create a feed of `scope` at a site; undefined when the scope already has the most live feeds allowed. */
  create(siteId: string, scope: FeedScope, actor: Actor): IssuedFeed | undefined {
    return this.db.transaction((): IssuedFeed | undefined => {
      if (this.list(siteId, scope).filter((f) => f.revokedAt === undefined).length >= MAX_LIVE_FEEDS_PER_SCOPE) return undefined;
      this.makeSalt(siteId);
      const id = `feed_${randomBytes(6).toString("hex")}`;
      const { token, hash } = createFeedToken();
      this.db
        .prepare("INSERT INTO feed_tokens (id, hash, site_id, scope, staff_id, area_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .run(id, hash, siteId, scope.kind, scope.kind === "staff" ? scope.staffId : null, scope.kind === "area" ? scope.areaId : null, actor.tokenId, new Date().toISOString());
      this.audit.record(actor, "feed.create", siteId, id);
      return { feed: this.get(siteId, id)!, token };
    }).immediate();
  }

  get(siteId: string, id: string): FeedRecord | undefined {
    const row = this.db.prepare("SELECT * FROM feed_tokens WHERE site_id = ? AND id = ?").get(siteId, id) as FeedRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** A site's feeds, oldest first; only one person's (or one scope's) when given. */
  list(siteId: string, scope?: FeedScope): FeedRecord[] {
    const rows = this.db.prepare("SELECT * FROM feed_tokens WHERE site_id = ? ORDER BY created_at, id").all(siteId) as FeedRow[];
    const records = rows.map(toRecord);
    return scope === undefined ? records : records.filter((f) => JSON.stringify(f.scope) === JSON.stringify(scope));
  }

  /** The live feeds an API token created, at any site, oldest first. */
  liveCreatedBy(tokenId: string): FeedRecord[] {
    const rows = this.db.prepare("SELECT * FROM feed_tokens WHERE created_by = ? AND revoked_at IS NULL ORDER BY created_at, id").all(tokenId) as FeedRow[];
    return rows.map(toRecord);
  }

  /** A new token for a live feed (the old one stops working at once); undefined when the feed is revoked. */
  rotate(siteId: string, id: string, actor: Actor): IssuedFeed | undefined {
    return this.db.transaction((): IssuedFeed | undefined => {
      const { token, hash } = createFeedToken();
      const changed = this.db
        .prepare("UPDATE feed_tokens SET hash = ?, rotated_at = ? WHERE site_id = ? AND id = ? AND revoked_at IS NULL")
        .run(hash, new Date().toISOString(), siteId, id).changes;
      if (changed !== 1) return undefined;
      this.audit.record(actor, "feed.rotate", siteId, id);
      return { feed: this.get(siteId, id)!, token };
    }).immediate();
  }

  /** Revoke a feed; revoking a revoked feed changes nothing. */
  revoke(siteId: string, id: string, actor: Actor): FeedRecord | undefined {
    return this.db.transaction((): FeedRecord | undefined => {
      const changed = this.db.prepare("UPDATE feed_tokens SET revoked_at = ? WHERE site_id = ? AND id = ? AND revoked_at IS NULL").run(new Date().toISOString(), siteId, id).changes;
      if (changed === 1) this.audit.record(actor, "feed.revoke", siteId, id);
      return this.get(siteId, id);
    }).immediate();
  }

  /** Revoke every live feed of a person or an area at a site (audited); the ids revoked. */
  revokeAllOf(siteId: string, of: { staffId: string } | { areaId: string }, actor: Actor): string[] {
    const [scope, column, value] = "staffId" in of ? ["staff", "staff_id", of.staffId] : ["area", "area_id", of.areaId];
    const rows = this.db
      .prepare(`UPDATE feed_tokens SET revoked_at = ? WHERE site_id = ? AND scope = ? AND ${column} = ? AND revoked_at IS NULL RETURNING id`)
      .all(new Date().toISOString(), siteId, scope, value) as { id: string }[];
    for (const { id } of rows) this.audit.record(actor, "feed.revoke", siteId, id);
    return rows.map((r) => r.id);
  }

  /**
   * Revoke the live feeds an API token created (audited); the ids revoked. Department and area feeds show
   * every name and shift of a site, and a manager may make any person's feed, so they all go with the
   * manager's token (one who made a feed for each person kept the whole site's shifts otherwise); a
   * person's own feed, made with their own token (`ownStaffId`), stays theirs.
   */
  revokeCreatedBy(tokenId: string, ownStaffId: string | undefined, actor: Actor): string[] {
    const rows = this.db
      .prepare("UPDATE feed_tokens SET revoked_at = ? WHERE created_by = ? AND NOT (scope = 'staff' AND staff_id IS ?) AND revoked_at IS NULL RETURNING id, site_id")
      .all(new Date().toISOString(), tokenId, ownStaffId ?? null) as { id: string; site_id: string }[];
    for (const { id, site_id } of rows) this.audit.record(actor, "feed.revoke", site_id, id);
    return rows.map((r) => r.id);
  }

  /** The live feed a presented token opens, by its hash; undefined for unknown, rotated or revoked tokens. */
  findLive(token: string): FeedRecord | undefined {
    const row = this.byHash.get(hashFeedToken(token)) as FeedRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The site's input revision and latest published version; undefined when the site is gone. */
  sourceState(siteId: string): FeedSourceState | undefined {
    const row = this.state.get(siteId) as { revision: number; version: number | null } | undefined;
    return row ? { revision: row.revision, latestVersion: row.version } : undefined;
  }

  /**
   * The site's UID salt. Made (32 random bytes) with the site's first feed, so that reading a feed writes
   * nothing (on a full disk a feed's first GET was a 507); a store from before that makes it here, once.
   */
  uidSalt(siteId: string): string {
    const read = (): string | undefined => (this.db.prepare("SELECT salt FROM site_uid_salts WHERE site_id = ?").get(siteId) as { salt: string } | undefined)?.salt;
    const salt = read();
    if (salt !== undefined) return salt;
    this.makeSalt(siteId);
    return read()!;
  }

  private makeSalt(siteId: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO site_uid_salts (site_id, salt, created_at) VALUES (?, ?, ?)")
      .run(siteId, randomBytes(32).toString("base64url"), new Date().toISOString());
  }
}
