/**
 * Every operation that takes a body (and every POST that takes none) fed random JSON, random text and
 * valid bodies with one field replaced by a random value: each answers 4xx problem+json, never 5xx,
 * and nothing is logged as an internal error. Seeded: fast-check seed 5, a fixed number of runs.
 */
import { request } from "node:http";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../../api/routes/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

const SEED = 5;
const RUNS = 25;

let h: Harness;
let admin: string;
const ids: Record<string, string> = { siteId: "test", staffId: "A" };

beforeAll(async () => {
  h = await startHarness({ bodyLimitBytes: 64 * 1024 });
  admin = h.token("admin");
  h.store.sites.create(testSite(), SYSTEM);
  ids.scheduleId = h.store.schedules.createDraft("test", [{ staff: "A", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM).id;
  ids.jobId = h.store.jobs.create("test", { timeLimitSeconds: 1, warmStart: false }, SYSTEM).id;
  h.store.jobs.end(ids.jobId, "failed", "made up for the test");
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

/** A valid body per operation, to mutate one field of. */
function example(path: string): unknown {
  const input = h.store.sites.get("test")!.input;
  if (path === "/sites" || path === "/sites/{siteId}") return input;
  if (path.endsWith("/edits")) return { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] };
  if (path.endsWith("/drafts") || path.endsWith("/analyze")) return { assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }] };
  if (path.endsWith("/schedules")) return { timeLimitSeconds: 5 };
  return {};
}

function withOneFieldReplaced(body: unknown, pick: number, value: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return value;
  const keys = Object.keys(body);
  return keys.length === 0 ? value : { ...body, [keys[pick % keys.length]!]: value };
}

const targets = OPERATIONS.filter((op) => op.body !== undefined || op.method === "post");

describe.each(targets.map((op) => ({ op, name: `${op.method.toUpperCase()} ${op.path}` })))("$name", ({ op }) => {
  const url = (): string => op.path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name]!);
  // A write to a site without If-Match is refused (428) whatever its body: send one, for the body to be tested.
  const headers = op.ifMatch !== undefined ? { headers: { "if-match": "*" } } : {};
  /** True when the body would be accepted, so a 2xx is the right answer and the case says nothing here. */
  const acceptable = (value: unknown): boolean => (op.body ? op.body.safeParse(value).success : typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

  const expectProblem = (res: { status: number; headers: Headers }): void => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  };

  it("answers random JSON and one-field mutations with a 4xx problem", async () => {
    const bodies = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([pick, v]) => withOneFieldReplaced(example(op.path), pick, v)));
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        fc.pre(!acceptable(body));
        expectProblem(await h.api.request(op.method.toUpperCase(), url(), { token: admin, body, ...headers }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("answers malformed JSON text with a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (text) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = undefined;
        }
        // An empty text is no body at all: right for an operation that takes none, or whose body is optional.
        fc.pre(!(text === "" && (op.body === undefined || op.bodyOptional === true)) && (value === undefined || !acceptable(value)));
        expectProblem(await h.api.request(op.method.toUpperCase(), url(), { token: admin, rawBody: text, ...headers }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

it("answers a body over the size limit with 413", async () => {
  const res = await h.api.request("POST", "/sites", { token: admin, rawBody: JSON.stringify({ pad: "x".repeat(70 * 1024) }) });
  expect(res.status).toBe(413);
  expect(res.body.title).toBe("Payload too large");
});

it("answers a compressed body that does not inflate with a 400 problem, not a 500", async () => {
  for (const encoding of ["gzip", "deflate", "br"]) {
    const res = await h.api.request("PUT", "/sites/test/areas", { token: admin, rawBody: "[]", headers: { "content-encoding": encoding, "if-match": "*" } });
    expect(res.status, encoding).toBe(400);
    expect(res.body.detail).toMatch(/^the request body cannot be decoded: /);
  }
  const whole = gzipSync(JSON.stringify([{ id: "central", name: "Central" }]));
  const truncated = await fetch(`${h.api.baseUrl}/sites/test/areas`, {
    method: "PUT",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json", "content-encoding": "gzip", "if-match": "*" },
    body: whole.subarray(0, whole.length - 8),
  });
  expect(truncated.status).toBe(400);
  expect(truncated.headers.get("content-type")).toMatch(/^application\/problem\+json/);
});

it("refuses a body nested deeper than 32 arrays and objects before parsing it, naming where", async () => {
  const deep = "[".repeat(33) + "]".repeat(33);
  const res = await h.api.request("PUT", "/sites/test/areas", { token: admin, rawBody: deep, headers: { "if-match": "*" } });
  expect(res.status).toBe(400);
  expect(res.body.detail).toBe("malformed JSON body: nested deeper than 32 arrays and objects (at line 1, column 33)");
  // 32 deep is parsed, and refused by the schema; brackets inside strings are text.
  const allowed = await h.api.request("PUT", "/sites/test/areas", { token: admin, rawBody: `[${'"[[[[",'.repeat(40)}${"[".repeat(31)}${"]".repeat(31)}]`, headers: { "if-match": "*" } });
  expect(allowed.status).toBe(400);
  expect(allowed.body.detail).not.toMatch(/nested deeper/);
});

it("reads no body before the token is checked: without one, a malformed or compressed deep body is a 401", async () => {
  const bomb = gzipSync("[".repeat(200_000) + "]".repeat(200_000));
  for (const [body, encoding] of [["{not json", undefined], [bomb, "gzip"]] as const) {
    const res = await fetch(`${h.api.baseUrl}/sites/test/areas`, { method: "PUT", headers: { "content-type": "application/json", "if-match": "*", ...(encoding ? { "content-encoding": encoding } : {}) }, body });
    expect(res.status).toBe(401);
  }
  // A route open to anyone takes no body: it reads 1 KiB at most (fetch sends no GET body: node:http does).
  const openStatus = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(`${h.api.baseUrl}/openapi.json`, { method: "GET", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.end(body);
    });
  expect(await openStatus("{}")).toBe(200);
  expect(await openStatus(JSON.stringify({ pad: "x".repeat(2048) }))).toBe(413);
});

it("reads an empty charset as utf-8, as the JSON parser does, not a 500", async () => {
  for (const contentType of ['application/json; charset=""', 'application/json; charset="']) {
    const res = await fetch(`${h.api.baseUrl}/sites/test/areas`, { method: "PUT", headers: { authorization: `Bearer ${admin}`, "content-type": contentType, "if-match": "*" }, body: "[1]" });
    expect(res.status, contentType).toBe(400);
    expect(((await res.json()) as { detail: string }).detail, contentType).toBe("the request body is invalid");
  }
});

it("refuses a key given twice in one object, naming it, as the CLI refuses it in a file (JSON.parse kept the last)", async () => {
  const before = h.store.sites.get("test")!.revision;
  const twice = '[{"kind":"day-off","date":"2026-03-03","date":"2026-03-04","weight":3}]';
  const res = await h.api.request("PUT", "/sites/test/staff/A/requests", { token: admin, rawBody: twice, headers: { "if-match": "*" } });
  expect(res.status).toBe(400);
  expect(res.body.detail).toBe('malformed JSON body: the key "date" appears twice in one object (at line 1, column 40)');
  // In another charset too, read as body-parser reads it.
  const utf16 = await fetch(`${h.api.baseUrl}/sites/test/staff/A/requests`, {
    method: "PUT",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json; charset=utf-16le", "if-match": "*" },
    body: Buffer.from(twice, "utf16le"),
  });
  expect(utf16.status).toBe(400);
  expect(((await utf16.json()) as { detail: string }).detail).toMatch(/the key "date" appears twice/);
  // utf-32 too, which body-parser reads and TextDecoder does not (it went unchecked), the charset quoted.
  const utf32 = await fetch(`${h.api.baseUrl}/sites/test/staff/A/requests`, {
    method: "PUT",
    headers: { authorization: `Bearer ${admin}`, "content-type": 'application/json; charset="UTF-32LE"', "if-match": "*" },
    body: Buffer.concat([...twice].map((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; })),
  });
  expect(utf32.status).toBe(400);
  expect(((await utf32.json()) as { detail: string }).detail).toMatch(/the key "date" appears twice/);
  expect(h.store.sites.get("test")!.revision).toBe(before);
  // The same key in two objects is no repetition.
  const apart = await h.api.request("PUT", "/sites/test/staff/A/requests", { token: admin, rawBody: '[{"kind":"day-off","date":"2026-03-03","weight":3},{"kind":"day-off","date":"2026-03-04","weight":3}]', headers: { "if-match": "*" } });
  expect(apart.status).toBe(200);
});
