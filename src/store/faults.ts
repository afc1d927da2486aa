/**
 * Store requests refused for a condition of the server, not for a bug: SQLite's SQLITE_FULL (the disk or the
 * file's size limit is reached), SQLITE_READONLY (the database can no longer be written, e.g. its file was
 * replaced under the server) and SQLITE_CORRUPT or SQLITE_NOTADB (the file was damaged while the server ran;
 * a store damaged before it started is refused at open, store.ts). Read from an error's `code`, as better-sqlite3's SqliteError carries it; the API
 * answers them with a status of their own (api/problem.ts), the job queue says them in a job's error.
 */

export type StoreFault = "full" | "read-only" | "damaged";

/** The fault a store request failed on, or undefined for any other error. */
export function storeFault(error: unknown): StoreFault | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== "string") return undefined;
  if (code === "SQLITE_FULL") return "full";
  // Extended codes too: SQLITE_READONLY_DBMOVED, SQLITE_READONLY_RECOVERY, …
  if (code === "SQLITE_READONLY" || code.startsWith("SQLITE_READONLY_")) return "read-only";
  if (code === "SQLITE_CORRUPT" || code.startsWith("SQLITE_CORRUPT_") || code === "SQLITE_NOTADB") return "damaged";
  return undefined;
}

/** The fault in words for a person: "the disk is full", "the store is read-only", "the store is damaged". */
export const STORE_FAULT_WORDS: Record<StoreFault, string> = {
  full: "the disk is full",
  "read-only": "the store is read-only",
  damaged: "the store is damaged",
};
