/**
 * API tokens: 32 random bytes (base64url) shown once at creation; only their SHA-256 hash is stored.
 * A token carries a role and, for every role but admin, the site (and for staff, the person) it is scoped to.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "better-sqlite3";
import { SYSTEM, type Actor, type AuditRepository } from "./audit.js";
import type { FeedRepository } from "./feeds.js";

export const ROLES = ["admin", "manager", "hr", "staff"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: what a valid token says about its holder (never the secret). */
export interface Principal {
  tokenId: string;
  role: Role;
  /** The site a manager, hr or staff token is scoped to; absent for admin. */
  siteId?: string;
  /** The staff member a staff token belongs to. */
  staffId?: string;
}

export interface TokenInfo extends Principal {
  createdAt: string;
  revokedAt?: string;
}

interface TokenRow {
  id: string;
  role: Role;
  site_id: string | null;
  staff_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

function toInfo(row: TokenRow): TokenInfo {
  return {
    tokenId: row.id,
    role: row.role,
    ...(row.site_id !== null ? { siteId: row.site_id } : {}),
    ...(row.staff_id !== null ? { staffId: row.staff_id } : {}),
    createdAt: row.created_at,
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

/** Why a token's scope is wrong for its role, or undefined when it is right. */
export function scopeProblem(role: Role, siteId: string | undefined, staffId: string | undefined): string | undefined {
  if (role === "admin") return siteId !== undefined || staffId !== undefined ? "an admin token has no --site or --staff" : undefined;
  if (siteId === undefined) return `a ${role} token needs --site`;
  if (role === "staff" && staffId === undefined) return "a staff token needs --staff";
  if (role !== "staff" && staffId !== undefined) return `a ${role} token has no --staff`;
  return undefined;
}

export class TokenRepository {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
    private readonly feeds: FeedRepository,
  ) {}

  /**
   * Create a token; the secret is returned here and never again. Throws on a scope that does not fit the
   * role. Audited (its id, never its secret) with the actor, by default the host's command line.
   */
  create(role: Role, siteId?: string, staffId?: string, actor: Actor = SYSTEM): { secret: string; info: TokenInfo } {
    const problem = scopeProblem(role, siteId, staffId);
    if (problem) throw new Error(problem);
    const id = `tok_${randomBytes(6).toString("hex")}`;
    const secret = randomBytes(32).toString("base64url");
    const createdAt = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO tokens (id, hash, role, site_id, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(id, hashToken(secret), role, siteId ?? null, staffId ?? null, createdAt);
      this.audit.record(actor, "token.create", siteId, id);
    })();
    return { secret, info: { tokenId: id, role, ...(siteId ? { siteId } : {}), ...(staffId ? { staffId } : {}), createdAt } };
  }

  /** The principal of a live (not revoked) token, by its secret. */
  authenticate(secret: string): Principal | undefined {
    const row = this.db.prepare("SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL").get(hashToken(secret)) as TokenRow | undefined;
    if (!row) return undefined;
    const { createdAt: _c, revokedAt: _r, ...principal } = toInfo(row);
    return principal;
  }

  /**
   * Revoke a token by id (audited), and in the same write the feeds it created but a person's own: a
   * manager who leaves takes the feeds they handed out with them. False when there is no live token with
   * that id.
   */
  revoke(id: string, actor: Actor = SYSTEM): boolean {
    return this.db.transaction((): boolean => {
      const row = this.db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING site_id, staff_id").get(new Date().toISOString(), id) as { site_id: string | null; staff_id: string | null } | undefined;
      if (!row) return false;
      this.audit.record(actor, "token.revoke", row.site_id ?? undefined, id);
      this.feeds.revokeCreatedBy(id, row.staff_id ?? undefined, actor);
      return true;
    })();
  }

  /** Revoke a person's live staff tokens at a site (audited); the ids revoked. */
  revokeStaff(siteId: string, staffId: string, actor: Actor = SYSTEM): string[] {
    const rows = this.db
      .prepare("UPDATE tokens SET revoked_at = ? WHERE site_id = ? AND role = 'staff' AND staff_id = ? AND revoked_at IS NULL RETURNING id")
      .all(new Date().toISOString(), siteId, staffId) as { id: string }[];
    for (const { id } of rows) this.audit.record(actor, "token.revoke", siteId, id);
    return rows.map((r) => r.id);
  }

  list(): TokenInfo[] {
    return (this.db.prepare("SELECT * FROM tokens ORDER BY created_at, id").all() as TokenRow[]).map(toInfo);
  }

  hasLiveAdmin(): boolean {
    return this.db.prepare("SELECT 1 FROM tokens WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1").get() !== undefined;
  }
}
