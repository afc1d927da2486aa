/**
 * Validation problems: one per bad field, naming its path and value. Shared by the CLI (one line each,
 * exit code 2) and the API (RFC 9457 problem+json).
 */
import type { z } from "zod";

export interface Problem {
  /** Dotted path with indices, e.g. `staff[3].fte`; empty for the whole document. */
  path: string;
  message: string;
  /** The offending value, when there is one to show. */
  value?: unknown;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * One problem per bad field of `root`. `at` is where `root` sits in the document the problems name (a site's
 * `rules` sent alone): its fields are named as in the whole document.
 */
export function problemsFromZod(error: z.ZodError, root: unknown, at: readonly PropertyKey[] = []): Problem[] {
  // An unknown field is named by its own path, one problem each (zod lists them under the parent).
  const issues = error.issues.flatMap((issue): { path: PropertyKey[]; message: string }[] =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ path: [...issue.path, key], message: "unknown field" })) : [issue],
  );
  return issues.map((issue) => {
    const value = valueAt(root, issue.path);
    const path = formatPath([...at, ...issue.path]);
    return value === undefined || typeof value === "object" ? { path, message: issue.message } : { path, message: issue.message, value };
  });
}

/**
 * A problem's value as it is echoed, wherever the problem came from (a schema, a cross-reference, a rule):
 * a text of more than 100 characters as its first 80 and its length (a name of a million made a line of a
 * million; a shorter one is whole, as cutting it would not make it much shorter), NaN and
 * ±Infinity as words (JSON would print null: a body's 1e400 read as "got null").
 */
export function echoedValue(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.length > 100) return `${value.slice(0, 80)}… (${value.length.toLocaleString("en-US")} characters)`;
  return value;
}

/** What a thrown value says: an Error's message, anything else (a string, a number) as a string. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `staff[3].fte: must be between 0 and 1.5 (got 2)`. */
export function formatProblem(problem: Problem): string {
  const where = problem.path === "" ? "input" : problem.path;
  // NaN and ±Infinity as themselves, unquoted.
  const shown = typeof problem.value === "number" && !Number.isFinite(problem.value) ? String(problem.value) : JSON.stringify(echoedValue(problem.value));
  const got = problem.value === undefined ? "" : ` (got ${shown})`;
  return `${where}: ${problem.message}${got}`;
}

/**
 * Which conflict a refused request is (a 409's `code`): stable words a client acts on, where `detail` is
 * written for people and may change.
 */
export const CONFLICT_CODES = [
  /** A site of that id exists already. */
  "site-exists",
  /** A draft no longer fits the site's planning data (edit it, or solve again). */
  "draft-stale",
  /** The draft's shift templates or the site's time zone changed since it was drafted (post it again). */
  "shift-times-changed",
  /** The draft breaks hard rules (fix it, or publish with `?acceptHardViolations=true`). */
  "hard-violations",
  /** A shortened horizon would leave published shifts behind (`?droppedDates=withdraw` or `keep`). */
  "dropped-dates",
  /** The dates to withdraw lie on both sides of a later version's (publish with `?droppedDates=keep`). */
  "dropped-dates-split",
  /** Later published versions would break hard rules (change the draft, or `?acceptLaterViolations=true`). */
  "later-violations",
  /** A version published since the draft was made speaks for its dates (make a new draft from it). */
  "published-since",
  /** The draft holds the same shifts as the latest version: nothing new to publish. */
  "nothing-new",
  /** A published version can never be edited or published again. */
  "published-immutable",
  /** A stored schedule no longer fits the site's planning data, so this cannot be done with it. */
  "schedule-unfit",
  /** A person's write met problems in the site's data outside their own, which only a manager can fix. */
  "site-data-invalid",
  /** The feed scope has as many live feeds as allowed (revoke one). */
  "feeds-full",
  /** The calendar feed is revoked (create a new one). */
  "feed-revoked",
  /** An FTE report job cannot stop early (cancel it). */
  "report-cannot-stop",
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];
