/**
 * Strong ETags for feeds and the If-None-Match test, so a client polling an unchanged feed costs one hash
 * and gets 304 Not Modified. Input: the .ics text (hashed as UTF-8 bytes). Output: a quoted entity tag.
 */
import { createHash } from "node:crypto";

/** `"<base64url SHA-256 of the UTF-8 bytes>"`: equal bytes, equal tag (RFC 9110 §8.8.3). */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/**
 * Whether an If-None-Match header matches the current tag: `*`, or any listed tag equal under the weak
 * comparison RFC 9110 §13.1.2 prescribes for this header (a `W/` prefix is ignored). A missing or empty
 * header never matches.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const trimmed = header.trim();
  if (trimmed === "*") return true;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, "");
  const current = opaque(etag);
  return trimmed.split(",").some((tag) => tag.trim() !== "" && opaque(tag) === current);
}
