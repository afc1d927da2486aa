/**
 * An operation is one route described once: method, path, permission, request body schema, responses and
 * handler. `mountOperations` turns the list into express routes (auth, permission, body validation) and
 * `openapi.ts` turns the same list into the OpenAPI document, so the two cannot drift apart.
 */
import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import type { Principal } from "../src/store/tokens.js";
import type { Store } from "../src/store/store.js";
import type { SolveQueue } from "../src/jobs/queue.js";
import type { CheckerPool } from "../src/jobs/checker-worker.js";
import { authenticate, authorize, type Permission, type Target } from "./auth.js";
import { fromZod, HttpProblem, ifMatchRequired, invalid, type EtagResource } from "./problem.js";

/** What the app is built from. */
export interface AppDeps {
  store: Store;
  queue: SolveQueue;
  /**
   * The worker threads that check and explain schedules (posted drafts and edits before they are stored
   * too), render schedule pages, rank candidates, build the FTE productivity view and calendar feeds, off
   * the event loop; whoever builds the app closes it after the server stops.
   */
  checker: CheckerPool;
  /** Where internal errors are logged, one entry per error (default: stderr). Never receives tokens. */
  log?: (line: string) => void;
  /** Largest accepted request body in bytes (default 2 MiB). */
  bodyLimitBytes?: number;
  /**
   * Origin the API is reached at from outside, e.g. `https://rota.example.org` (no trailing slash), for links
   * handed out such as calendar feed URLs (default: the request's protocol and Host header).
   */
  publicBaseUrl?: string;
}

export interface Reply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with the Content-Type given in `headers` (for non-JSON answers such as text/calendar). */
  text?: string;
  headers?: Record<string, string>;
}

export interface Context<B> {
  req: Request;
  res: Response;
  deps: AppDeps;
  params: Record<string, string>;
  /** The validated body (the schema's output). */
  body: B;
  /** The validated query (the `query` schema's output; `{}` without one). */
  query: Record<string, unknown>;
  /** The body as sent, for validators that name fields in the sender's terms. */
  rawBody: unknown;
  /** The caller; present on every operation with a permission. */
  principal: Principal;
  /** 403 unless the caller may do `permission` on `target` (for targets found after loading, e.g. a job's site). */
  authorize(permission: Permission, target: Target): void;
}

/** What an operation's `access` check is given: the caller and what the path names, not yet the body or query. */
export type AccessContext = Pick<Context<unknown>, "deps" | "params" | "principal" | "authorize">;

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default `application/json`. */
  contentType?: string;
  /** Further representations of the same response, content type → schema (the handler picks one). */
  alternatives?: Record<string, z.ZodType>;
}

export interface Operation<S extends z.ZodType = z.ZodType> {
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI-style path: `/sites/{siteId}`. */
  path: string;
  summary: string;
  tag: string;
  /** Needed to call it; absent means public. Checked against the path's siteId/staffId. */
  permission?: Permission;
  body?: S;
  /**
   * Where the body sits in the document it is a part of (a site's `rules`): the body's problems name its
   * fields as the whole document's checks do (`rules.rest.min-between-shifts…`, not `rest.…`), so one field
   * has one name whichever check refuses it.
   */
  bodyAt?: string;
  /** A request without a body is read as `{}` (every field of `body` optional); default: it is a 400. */
  bodyOptional?: boolean;
  /** Query parameters, validated like the body (strings in, so coerce numbers). */
  query?: z.ZodObject;
  /**
   * Whose ETag If-Match must carry, on every operation that changes a stored site document (`"site"`) or
   * a draft (`"schedule"`: an edit or a publish): a request without it is refused with 428 before the
   * handler runs, so nothing is written, and the OpenAPI document declares the header as required. The
   * handler tests the stored revision against it with `ifMatch(req, resource)` (routes/common.ts: 400
   * when malformed, 412 when stale).
   */
  ifMatch?: EtagResource;
  /**
   * The caller's access to what the path names once loaded (a job's site), checked before the body and
   * query are validated: a caller refused it is told so (403, or 404 for nothing there), not what it sent wrong.
   */
  access?(ctx: AccessContext): void;
  /**
   * What a caller needs, in the OpenAPI document's words, where `access` decides it by what the path names
   * (a job's kind and site) and `permission` is only the first gate: given with every `access`.
   */
  permissionNote?: string;
  responses: Record<number, ResponseSpec>;
  handle(ctx: Context<z.output<S>>): Reply | Promise<Reply>;
}

/** Type-check an operation against its own body schema; the list of operations erases it. */
export function operation<S extends z.ZodType>(op: Operation<S>): Operation {
  return op as unknown as Operation;
}

export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** What a JSON value is, in words, for a body of the wrong kind. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * The 400 of a body the operation's schema refused: one that is valid JSON of the wrong kind (`null`, a
 * string, an array for an object) says what kind it must be; anything else names each bad field.
 */
function bodyProblem(error: z.ZodError, raw: unknown, at: string | undefined): HttpProblem {
  const root = error.issues.find((issue) => issue.path.length === 0 && issue.code === "invalid_type");
  if (root && root.code === "invalid_type" && (root.expected === "object" || root.expected === "record" || root.expected === "array")) {
    return new HttpProblem(400, `the request body must be a JSON ${root.expected === "array" ? "array" : "object"}, not ${kindOf(raw)}`);
  }
  return fromZod("the request body is invalid", error, raw, at === undefined ? [] : [at]);
}

function handler(op: Operation, deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const params = req.params as Record<string, string>;
    const principal = res.locals.principal as Principal | undefined;
    const authorizeTarget = (permission: Permission, target: Target) => authorize(principal!, permission, target);
    op.access?.({ deps, params, principal: principal!, authorize: authorizeTarget });
    let body: unknown;
    let rawBody: unknown = req.body;
    if (op.body) {
      const empty = req.get("content-length") === "0" || (req.get("content-length") === undefined && req.get("transfer-encoding") === undefined);
      if (empty && !op.bodyOptional) throw new HttpProblem(400, "the request needs a JSON body");
      // A body the JSON parser left alone: sent as another type, or with none.
      if (!empty && req.body === undefined) throw new HttpProblem(415, req.get("content-type") === undefined ? "the request body must be application/json, and the request has no Content-Type" : "the request body must be application/json");
      if (empty) rawBody = {};
      const parsed = op.body.safeParse(rawBody);
      if (!parsed.success) throw bodyProblem(parsed.error, rawBody, op.bodyAt);
      body = parsed.data;
    } else if (req.body !== undefined && !(typeof req.body === "object" && req.body !== null && !Array.isArray(req.body) && Object.keys(req.body).length === 0)) {
      throw new HttpProblem(400, `${op.method.toUpperCase()} ${op.path} takes no request body`);
    }
    let query: Record<string, unknown> = {};
    if (op.query) {
      // A parameter given twice comes as a list, which no query here takes: named as such, not by the
      // schema's "expected one of …", which reads as if the value were wrong.
      const repeated = Object.entries(req.query as Record<string, unknown>).filter(([, value]) => Array.isArray(value));
      if (repeated.length > 0) throw invalid("the query is invalid", repeated.map(([key, value]) => ({ path: key, message: "is given more than once: give it once", value })));
      const parsed = op.query.safeParse(req.query);
      if (!parsed.success) throw fromZod("the query is invalid", parsed.error, req.query);
      query = parsed.data as Record<string, unknown>;
    } else if (op.permission && Object.keys(req.query as object).length > 0) {
      // A filter the route does not know (`GET …/schedules?status=published`) would be ignored and its
      // answer read as filtered. (Public routes, the calendar feed among them, let clients add their own.)
      throw invalid(`${op.method.toUpperCase()} ${op.path} takes no query parameters`, Object.entries(req.query as object).map(([key, value]) => ({ path: key, message: "unknown query parameter", value })));
    }
    if (op.ifMatch !== undefined && req.get("if-match") === undefined) throw ifMatchRequired(op.ifMatch);
    const ctx: Context<unknown> = {
      req,
      res,
      deps,
      params,
      body,
      query,
      rawBody,
      principal: principal!,
      authorize: authorizeTarget,
    };
    const reply = await op.handle(ctx);
    // What a token reads is that principal's alone: no shared cache keeps it, and the client asks again.
    if (op.permission) res.set("cache-control", "private, no-cache");
    res.status(reply.status).set(reply.headers ?? {});
    if (reply.text !== undefined) res.send(reply.text);
    else if (reply.body === undefined) res.end();
    else res.json(reply.body);
  };
}

/** The caller's token checked and their permission, before anything reads the request's body. */
function authenticated(op: Operation, deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    if (op.permission) {
      const principal = authenticate(deps.store.tokens, req.get("authorization"));
      const params = req.params as Record<string, string>;
      authorize(principal, op.permission, { siteId: params.siteId, staffId: params.staffId });
      res.locals.principal = principal;
    }
    next();
  };
}

/**
 * The operations as express routes: token and permission, then the body's parsers (`bodyParsers`:
 * `authenticated` for operations with a permission, `open` for the rest), then the handler.
 */
export function mountOperations(router: Router, operations: readonly Operation[], deps: AppDeps, bodyParsers: { authenticated: RequestHandler[]; open: RequestHandler[] }): void {
  for (const op of operations) {
    router[op.method](op.path.replace(/\{(\w+)\}/g, ":$1"), authenticated(op, deps), ...(op.permission ? bodyParsers.authenticated : bodyParsers.open), handler(op, deps));
  }
}
