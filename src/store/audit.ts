/**
 * The audit trail: who (token id and role) did what to which site, and when. Rows are written inside the
 * same transaction as the change they describe, so a change and its audit line exist together or not at all.
 */
import type { Database } from "better-sqlite3";
import type { Principal } from "./tokens.js";

export interface AuditEntry {
  id: number;
  siteId?: string;
  actor: string;
  role: string;
  /** Dotted verb, e.g. `site.update.staff`, `schedule.publish`. */
  action: string;
  /** The thing acted on: a schedule, job or staff id. */
  target?: string;
  at: string;
}

interface AuditRow {
  id: number;
  site_id: string | null;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  at: string;
}

/** Who did something: a token's holder, or the server itself (a solve job finishing). */
export type Actor = Pick<Principal, "tokenId" | "role"> | { tokenId: "system"; role: "system" };

export const SYSTEM: Actor = { tokenId: "system", role: "system" };

export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Record an action; call inside the transaction that makes the change. */
  record(actor: Actor, action: string, siteId: string | undefined, target?: string): void {
    this.db
      .prepare("INSERT INTO audit (site_id, actor, role, action, target, at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(siteId ?? null, actor.tokenId, actor.role, action, target ?? null, new Date().toISOString());
  }

  /** A site's entries, newest first. */
  list(siteId: string, limit = 200): AuditEntry[] {
    const rows = this.db.prepare("SELECT * FROM audit WHERE site_id = ? ORDER BY id DESC LIMIT ?").all(siteId, limit) as AuditRow[];
    return rows.map((r) => ({
      id: r.id,
      ...(r.site_id !== null ? { siteId: r.site_id } : {}),
      actor: r.actor,
      role: r.role,
      action: r.action,
      ...(r.target !== null ? { target: r.target } : {}),
      at: r.at,
    }));
  }
}
