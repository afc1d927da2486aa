/**
 * Calendar identity of an assignment across re-publishes. Input: per published version, each assignment's
 * identity key and a fingerprint of its content. Output: for the assignments of the latest version, a
 * stable UID, a SEQUENCE and the DTSTAMP instant of their last change.
 *
 * An assignment is identified by site, staff member, the local date it starts on and an ordinal (0 for a
 * person's first shift that date by start time, 1 for the second, …). Its content is everything its
 * event shows (events.ts: the template, the instants and zone, the area, and every name, location and
 * note in its text). A shift moved to another template the same day keeps its UID and its SEQUENCE
 * goes up by one, as does one whose area is renamed or relocated; a shift removed in the latest version is dropped (see events.ts). A shift removed and
 * later published again counts both presence changes, so a client that deleted it sees a higher SEQUENCE.
 */
import { createHash } from "node:crypto";

/** What identifies one assignment across versions. */
export interface AssignmentIdentity {
  siteId: string;
  staffId: string;
  /** Local date the shift starts on, YYYY-MM-DD. */
  date: string;
  /** 0 for the person's earliest shift that date, 1 for the next, … */
  ordinal: number;
}

/** Which shifts a feed holds: one person's, the whole department's, or one area's. */
export type FeedScope = { kind: "staff"; staffId: string } | { kind: "department" } | { kind: "area"; areaId: string };

/** A map key for an identity; holds the staff id in clear, so it never leaves the process. */
export function identityKey(id: AssignmentIdentity): string {
  return JSON.stringify([id.siteId, id.staffId, id.date, id.ordinal]);
}

function scopeTag(scope: FeedScope): string {
  return scope.kind === "area" ? `area:${scope.areaId}` : scope.kind;
}

/**
 * The UID of an assignment in a feed: 128 bits of SHA-256 over a salt, the feed's scope and the identity,
 * in hex, `@rxroster`. The scope is part of it so the same shift in a personal and a department feed
 * subscribed in one client are two events, not a clash. Without a secret `salt` the staff id could be
 * recovered by trying every id, so a deployment passes one per site (and never changes it: that would
 * change every UID).
 */
export function assignmentUid(id: AssignmentIdentity, scope: FeedScope, salt = ""): string {
  const hash = createHash("sha256").update(JSON.stringify([salt, scopeTag(scope), identityKey(id)])).digest("hex");
  return `${hash.slice(0, 32)}@rxroster`;
}

/** One version's assignments: identity key → fingerprint of the content (equal strings, equal content). */
export interface VersionFingerprints {
  /** ISO instant the version was published. */
  publishedAt: string;
  entries: ReadonlyMap<string, string>;
}

export interface Revision {
  /** Times the content or presence changed after the version it first appeared in. */
  sequence: number;
  /** ISO instant of the version holding the last change (or the first appearance). */
  changedAt: string;
}

/**
 * Revisions of the assignments present in the last version, from versions in publication order. An
 * absent assignment is a state of its own: leaving and coming back are two changes.
 */
export function reviseAcrossVersions(versions: readonly VersionFingerprints[]): Map<string, Revision> {
  const state = new Map<string, { fingerprint: string | null; sequence: number; changedAt: string }>();
  for (const version of versions) {
    for (const [key, fingerprint] of version.entries) {
      const known = state.get(key);
      if (!known) state.set(key, { fingerprint, sequence: 0, changedAt: version.publishedAt });
      else if (known.fingerprint !== fingerprint) {
        state.set(key, { fingerprint, sequence: known.sequence + 1, changedAt: version.publishedAt });
      }
    }
    for (const [key, known] of state) {
      if (known.fingerprint !== null && !version.entries.has(key)) {
        state.set(key, { fingerprint: null, sequence: known.sequence + 1, changedAt: version.publishedAt });
      }
    }
  }
  const out = new Map<string, Revision>();
  for (const [key, s] of state) if (s.fingerprint !== null) out.set(key, { sequence: s.sequence, changedAt: s.changedAt });
  return out;
}
