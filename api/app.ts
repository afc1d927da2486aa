/**
 * The express app: security headers, a JSON body limit, every operation, and problem+json for unknown
 * routes and errors. `createApp` never listens; `server.ts` (and the tests) do.
 */
import express, { type Express, type RequestHandler } from "express";
import iconv from "iconv-lite";
import helmet from "helmet";
import { mountOperations, type AppDeps } from "./operation.js";
import { openApiOperation } from "./openapi.js";
import { errorHandler, sendProblem } from "./problem.js";
import { repeatedJsonKey, tooDeeplyNested } from "../src/io.js";
import { OPERATIONS } from "./routes/index.js";

export type { AppDeps } from "./operation.js";

/** Default largest request body: a large department's whole planning input fits well within it. */
export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** Deepest nesting of arrays and objects a body may have: a planning input needs about six. */
export const MAX_JSON_DEPTH = 32;

/** Largest body of a route open to anyone (a feed, the OpenAPI document), which takes none. */
const PUBLIC_BODY_LIMIT_BYTES = 1024;

/**
 * The JSON body parsers an operation runs after its token is checked, so nobody without one makes the
 * server read and parse up to the limit (a compressed body counts at its inflated size). Before parsing,
 * a body nested deeper than MAX_JSON_DEPTH is refused (JSON.parse of a million '[' held the event loop
 * for a second), and after it, a key given twice in one object, which JSON.parse settles
 * silently for the last (a person's "requests" given twice kept one list without a word), as the CLI
 * refuses it in a file. Not strict: a body of valid JSON that is no object or array (`null`, `"x"`)
 * reaches the operation, which says what it must be rather than calling it malformed.
 */
function jsonBody(limit: number): RequestHandler[] {
  const texts = new WeakMap<object, string>();
  const parse = express.json({
    limit,
    strict: false,
    verify: (req, _res, bytes, encoding) => {
      // The bytes as body-parser decodes them next: its charset (utf-8 when none) and its decoder.
      const text = iconv.decode(bytes, encoding || "utf-8");
      const deep = tooDeeplyNested(text, MAX_JSON_DEPTH);
      if (deep) throw Object.assign(new Error(`malformed JSON body: nested deeper than ${MAX_JSON_DEPTH} arrays and objects (at line ${deep.line}, column ${deep.column})`), { status: 400, type: "entity.too.deep" });
      texts.set(req, text);
    },
  });
  const noRepeatedKey: RequestHandler = (req, res, next) => {
    const text = texts.get(req);
    const repeated = text === undefined ? undefined : repeatedJsonKey(text);
    if (!repeated) return next();
    sendProblem(res, 400, `malformed JSON body: the key ${JSON.stringify(repeated.key)} appears twice in one object (at line ${repeated.line}, column ${repeated.column})`);
  };
  return [parse, noRepeatedKey];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // HSTS for this host alone: a hospital serves many apps on sibling subdomains, and helmet's default
  // includeSubDomains would bind them all to HTTPS for a year.
  app.use(helmet({ strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false } }));
  // Express matches paths whatever their case, so /Calendars/… is a feed too, and /SITES/… a site.
  const isFeedPath = (path: string): boolean => /^\/calendars\//i.test(path);
  const routes = [...OPERATIONS, openApiOperation(OPERATIONS)].map((op) => ({ method: op.method.toUpperCase(), pattern: new RegExp(`^${op.path.replace(/\{\w+\}/g, "[^/]+")}/?$`, "i") }));
  const allowedOn = (path: string): string[] => {
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    return allowed.includes("GET") ? [...allowed, "HEAD"] : allowed;
  };
  // OPTIONS on a path that exists: 204 and the methods it takes (RFC 9110 §9.3.7), before the router's own
  // answer (200 and the methods as a text body); the same for a live feed and a guess.
  app.use((req, res, next) => {
    const allowed = req.method === "OPTIONS" ? allowedOn(req.path) : [];
    if (allowed.length === 0) return next();
    res.set("allow", allowed.join(", ")).status(204).end();
  });
  const router = express.Router({ strict: false });
  mountOperations(router, [...OPERATIONS, openApiOperation(OPERATIONS)], deps, {
    authenticated: jsonBody(deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES),
    open: jsonBody(PUBLIC_BODY_LIMIT_BYTES),
  });
  app.use(router);
  // A path that exists with other methods: 405 naming them (RFC 9110 §15.5.6).
  app.use((req, res, next) => {
    const allowed = allowedOn(req.path);
    if (allowed.length === 0) return next();
    // A feed's path is its secret: not echoed. The answer comes from the path's shape alone, before any
    // token is looked up, so it is the same for a live feed and for a guess.
    const where = isFeedPath(req.path) ? "a calendar feed" : req.path;
    sendProblem(res, 405, `${req.method} is not allowed on ${where}; allowed: ${allowed.join(", ")}`, [], { allow: allowed.join(", ") });
  });
  // A feed's path is its secret: never echo it back.
  app.use((req, res) => sendProblem(res, 404, isFeedPath(req.path) ? "no such calendar feed" : `no route ${req.method} ${req.path}`));
  app.use(errorHandler(deps.log ?? ((line) => process.stderr.write(line + "\n"))));
  return app;
}
