/**
 * The express app: security headers, a JSON body limit, every operation, and problem+json for unknown
 * routes and errors. `createApp` never listens; `server.ts` (and the tests) do.
 */
import { MIMEType } from "node:util";
import express, { type Express } from "express";
import iconv from "iconv-lite";
import helmet from "helmet";
import { mountOperations, type AppDeps } from "./operation.js";
import { openApiOperation } from "./openapi.js";
import { errorHandler, sendProblem } from "./problem.js";
import { repeatedJsonKey } from "../src/io.js";
import { OPERATIONS } from "./routes/index.js";

export type { AppDeps } from "./operation.js";

/** Default largest request body: a large department's whole planning input fits well within it. */
export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * A JSON body's bytes as text, as body-parser read them: the Content-Type's charset (utf-8 when none;
 * body-parser has refused any but utf-8, utf-16 and utf-32 by now) decoded by its own decoder, iconv-lite.
 */
function textOf(bytes: Buffer, contentType: string | undefined): string {
  let charset: string | null | undefined;
  try {
    charset = contentType === undefined ? undefined : new MIMEType(contentType).params.get("charset");
  } catch {
    // A header body-parser took (its parser is RFC 9110's) that the WHATWG one does not: read as utf-8.
  }
  return iconv.decode(bytes, charset ?? "utf-8");
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(helmet());
  // Not strict: a body of valid JSON that is no object or array (`null`, `"x"`) reaches the operation,
  // which says what it must be rather than calling it malformed.
  const jsonText = new WeakMap<object, Buffer>();
  app.use(express.json({ limit: deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, strict: false, verify: (req, _res, bytes) => jsonText.set(req, bytes) }));
  // A key given twice in one object, which JSON.parse settles silently for the last (a person's "requests"
  // given twice kept one list without a word): refused, as the CLI refuses it in a file.
  app.use((req, res, next) => {
    const bytes = jsonText.get(req);
    const repeated = bytes && repeatedJsonKey(textOf(bytes, req.headers["content-type"]));
    if (!repeated) return next();
    sendProblem(res, 400, `malformed JSON body: the key ${JSON.stringify(repeated.key)} appears twice in one object (at line ${repeated.line}, column ${repeated.column})`);
  });
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
  mountOperations(router, [...OPERATIONS, openApiOperation(OPERATIONS)], deps);
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
