import { describe, expect, it } from "vitest";
import { ifNoneMatchHits, strongEtag } from "../../../src/calendar/etag.js";
import { createFeedToken, hashFeedToken, isFeedTokenShaped } from "../../../src/calendar/tokens.js";

describe("feed ETag", () => {
  it("is a quoted strong tag that follows the bytes", () => {
    const tag = strongEtag("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(strongEtag("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")).toBe(tag);
    expect(strongEtag("BEGIN:VCALENDAR\nEND:VCALENDAR\n")).not.toBe(tag);
    expect(strongEtag(new TextEncoder().encode("é"))).toBe(strongEtag("é"));
  });

  it("matches If-None-Match by weak comparison, in a list or as *", () => {
    const tag = strongEtag("x");
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits("", tag)).toBe(false);
    expect(ifNoneMatchHits(strongEtag("y"), tag)).toBe(false);
    expect(ifNoneMatchHits(tag.slice(1, -1), tag)).toBe(false); // unquoted is not the same tag
  });
});

describe("feed tokens", () => {
  it("are 256 random bits in base64url, each one new, stored as a SHA-256", () => {
    const tokens = Array.from({ length: 50 }, createFeedToken);
    expect(new Set(tokens.map((t) => t.token)).size).toBe(50);
    for (const t of tokens) {
      expect(Buffer.from(t.token, "base64url")).toHaveLength(32);
      expect(isFeedTokenShaped(t.token)).toBe(true);
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(t.hash).toBe(hashFeedToken(t.token));
      expect(t.hash).not.toContain(t.token);
    }
  });

  it("tell a token's shape from anything else", () => {
    for (const bad of ["", "abc", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, `${"a".repeat(42)}.`]) {
      expect(isFeedTokenShaped(bad)).toBe(false);
    }
  });
});
