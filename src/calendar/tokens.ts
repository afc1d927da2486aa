/**
 * Feed tokens: the secret in a personal feed URL (/calendars/{token}.ics). A token is 256 random bits from
 * crypto.randomBytes in base64url (43 characters), shown once; the store keeps only its SHA-256, so a
 * leaked database cannot be turned into working URLs. Pure functions: the store that holds the hashes and
 * their scope, revocation and rotation come with the API.
 */
import { createHash, randomBytes } from "node:crypto";

/** Random bytes per token (256 bits; the design asks for at least 128). */
export const FEED_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewFeedToken {
  /** Give to the person once (in the feed URL); never store or log it. */
  token: string;
  /** Store this: hex SHA-256 of the token. */
  hash: string;
}

export function createFeedToken(): NewFeedToken {
  const token = randomBytes(FEED_TOKEN_BYTES).toString("base64url");
  return { token, hash: hashFeedToken(token) };
}

/**
 * Hex SHA-256 of a token's text, the key a store looks it up by (an index lookup, not a comparison of
 * secrets: a caller cannot choose the hash it sends, so timing tells it nothing of a stored token).
 */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has a token's shape; anything else can be answered 404 without a store lookup. */
export function isFeedTokenShaped(candidate: string): boolean {
  return TOKEN_PATTERN.test(candidate);
}
