/**
 * The one map from errors to HTTP answers: RFC 9457 `application/problem+json` with `type`, `title`,
 * `status`, `detail` and `errors` (one {path, message, value?} per bad field). Expected refusals are thrown
 * as HttpProblem; anything else is a bug and answers a generic 500 without internals.
 */
import type { NextFunction, Request, Response } from "express";
import { z } from "zod";
import { CONFLICT_CODES, echoedValue, errorMessage, problemsFromZod, type ConflictCode, type Problem } from "../models/index.js";
import { storeFault, type StoreFault } from "../src/store/faults.js";

export const PROBLEM_TYPE_BASE = "https://rxroster.dev/problems/";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  412: "Precondition failed",
  413: "Payload too large",
  415: "Unsupported media type",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
  507: "Insufficient storage",
};

const SLUGS: Record<number, string> = {
  400: "invalid-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  412: "precondition-failed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  428: "precondition-required",
  429: "too-many-requests",
  500: "internal-error",
  503: "service-unavailable",
  507: "insufficient-storage",
};

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), value: z.unknown().optional() })).optional(),
    code: z.enum(CONFLICT_CODES).optional().meta({ description: "Which conflict a 409 is, for a client to act on without reading `detail`" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details; `errors` names each bad field, `code` which conflict a 409 is" });
export type ProblemBody = z.infer<typeof ProblemSchema>;

/** An expected refusal: thrown by handlers, answered by `sendProblem`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: Problem[] = [],
    readonly headers: Record<string, string> = {},
    readonly code?: ConflictCode,
  ) {
    super(detail);
  }
}

/** 400 naming every field a zod schema refused. */
export function invalid(detail: string, problems: Problem[]): HttpProblem {
  return new HttpProblem(400, detail, problems);
}

export function fromZod(detail: string, error: z.ZodError, root: unknown, at: readonly PropertyKey[] = []): HttpProblem {
  return invalid(detail, problemsFromZod(error, root, at));
}

export function notFound(detail: string): HttpProblem {
  return new HttpProblem(404, detail);
}

/** What an If-Match is tested against: a site's revision, or a draft schedule's. */
export type EtagResource = "site" | "schedule";

/**
 * 428 (RFC 6585 §3): a write to a stored site (or a publish or edit of a draft schedule) without If-Match.
 * Made blindly, it would silently undo whatever was written since its client read it (a lost update).
 */
export function ifMatchRequired(resource: EtagResource = "site"): HttpProblem {
  return new HttpProblem(428, `this request changes a stored ${resource} and needs an If-Match header: send the ETag the ${resource} was read with, or * to overwrite whatever is stored deliberately`, [
    { path: "If-Match", message: `required: the ETag the ${resource} was read with, such as "${resource}-3", or *` },
  ]);
}

/** 429: the site already has as many jobs waiting as one site may; nothing is queued. */
export function queueFull(siteId: string, limit: number): HttpProblem {
  return new HttpProblem(429, `site ${siteId} already has ${limit} jobs waiting, as many as one site may: wait for one to start, or cancel one you no longer need`);
}

export const QUEUE_FULL_RESPONSE = { description: "The site already has as many jobs waiting as one site may; nothing was queued", schema: ProblemSchema, contentType: "application/problem+json" } as const;

export function problemBody(status: number, detail?: string, errors: Problem[] = [], code?: ConflictCode): ProblemBody {
  return {
    type: PROBLEM_TYPE_BASE + (SLUGS[status] ?? "error"),
    title: TITLES[status] ?? "Error",
    status,
    ...(detail !== undefined ? { detail } : {}),
    ...(errors.length > 0 ? { errors: errors.map((e) => (e.value === undefined ? { path: e.path, message: e.message } : { ...e, value: echoedValue(e.value) })) } : {}),
    ...(code !== undefined ? { code } : {}),
  };
}

export function sendProblem(res: Response, status: number, detail?: string, errors: Problem[] = [], headers: Record<string, string> = {}, code?: ConflictCode): void {
  // An error may quote what only its reader may see (a colleague's leave in a publish's 409): kept by no
  // shared cache, as every answer to a token is (operation.ts).
  res.status(status).set({ "cache-control": "private, no-cache", ...headers }).type("application/problem+json").send(JSON.stringify(problemBody(status, detail, errors, code)));
}

/** body-parser's error types, by what they mean for the client. */
function bodyParserProblem(error: { type?: unknown; status?: unknown; message?: unknown }): [number, string] | undefined {
  switch (error.type) {
    case "entity.parse.failed":
      return [400, `malformed JSON body: ${String(error.message)}`];
    case "entity.too.deep":
      return [400, String(error.message)];
    case "entity.too.large":
      return [413, "request body is larger than the limit"];
    case "encoding.unsupported":
    case "charset.unsupported":
      return [415, String(error.message)];
    case "request.aborted":
    case "request.size.invalid":
    case "stream.encoding.set":
      return [400, String(error.message)];
    default:
      // A compressed body that does not inflate (bad gzip, deflate or br bytes, a truncated stream) comes
      // with status 400 and no type.
      return error.status === 400 && error.type === undefined ? [400, `the request body cannot be decoded: ${String(error.message)}`] : undefined;
  }
}

/** Errors already logged: one that several requests were given (work they shared) is logged once. */
const loggedErrors = new WeakSet<Error>();

/** Logs `line` for `error` unless it was logged already; each request it failed is still answered. */
export function logOnce(log: (line: string) => void, error: Error, line: string): void {
  if (loggedErrors.has(error)) return;
  loggedErrors.add(error);
  log(line);
}

/**
 * A request the store refused for a fault of the server, not of the request: 507 (RFC 4918 §11.5) for a full
 * disk, 503 for a store that can no longer be written or that was damaged while the server ran (reads fail
 * too then). Each write is one transaction, so nothing of the request was stored. With the words of the log
 * line.
 */
const STORE_FAULT_ANSWERS: Record<StoreFault, [status: number, detail: string, logged: string]> = {
  full: [507, "the server's disk is full; nothing was stored", "store write refused"],
  "read-only": [503, "the server's store is read-only; nothing was stored", "store write refused"],
  damaged: [503, "the server's store is damaged; nothing was stored: an operator must stop the server and restore the store from a backup", "store damaged"],
};

/** Least milliseconds between two log lines of refused writes: a full disk refuses every write until it is freed. */
const STORE_FAULT_LOG_INTERVAL_MS = 60_000;

/**
 * The express error handler: expected problems as they are, a request the store refused (a full disk, a
 * damaged file) by its fault, bugs as a generic 500 (logged, no stack to the client). A bug in the checker's
 * work several requests shared fails each with the one error: logged once. Refused requests are logged in
 * one line without a stack, at most once a minute with how many were refused since.
 */
export function errorHandler(log: (line: string) => void) {
  let faultLoggedAt = -Infinity;
  let faultsUnlogged = 0;
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (error instanceof HttpProblem) return sendProblem(res, error.status, error.detail, error.errors, error.headers, error.code);
    // The router's "Failed to decode param '…'" quotes the path, which may hold a feed token: never log
    // or echo it. (It comes with status 400 and no type, like a body that does not inflate: checked first.)
    if (error instanceof URIError) return sendProblem(res, 400, "the path has a malformed percent-encoding");
    const known = typeof error === "object" && error !== null ? bodyParserProblem(error as Record<string, unknown>) : undefined;
    if (known) return sendProblem(res, known[0], known[1]);
    const fault = storeFault(error);
    if (fault) {
      const [status, detail, logged] = STORE_FAULT_ANSWERS[fault];
      const now = Date.now();
      if (now - faultLoggedAt < STORE_FAULT_LOG_INTERVAL_MS) faultsUnlogged++;
      else {
        log(`${logged}, answered ${status}: ${errorMessage(error)}${faultsUnlogged > 0 ? ` (and ${faultsUnlogged} more since the last such line)` : ""}`);
        faultLoggedAt = now;
        faultsUnlogged = 0;
      }
      if (!res.headersSent) sendProblem(res, status, detail);
      return;
    }
    if (error instanceof Error) logOnce(log, error, `internal error: ${error.stack ?? error.message}`);
    else log(`internal error: ${String(error)}`);
    if (!res.headersSent) sendProblem(res, 500, "an unexpected error occurred; it has been logged");
  };
}
