/**
 * What a request body that is not what an operation takes is told: valid JSON of the wrong kind (`null`,
 * `"x"`, an array for an object) is asked for the kind it must be, not called malformed; a body sent
 * without a Content-Type is a 415, as one sent as another type is; and an operation whose every field is
 * optional (the FTE report's POST, a solve's) reads no body as `{}`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanningInputSchema } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let admin = "";
let manager = "";
beforeAll(async () => {
  h = await startHarness();
  // maxHires 0: the FTE report's POST answers the productivity view at once, with no solve.
  h.store.sites.create(PlanningInputSchema.parse({ ...testSite(), fte: { maxHires: 0 } }), SYSTEM);
  admin = h.token("admin");
  manager = h.token("manager", "test");
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const problem = (status: number, detail: string) => ({ type: expect.stringMatching(/^https:\/\/rxroster\.dev\/problems\//), title: expect.any(String), status, detail });

describe("a body of valid JSON that is not an object or array", () => {
  it.each([
    ["null", "null"],
    ['"x"', "a string"],
    ["3", "a number"],
    ["true", "a boolean"],
  ])("%s is asked for the kind the operation takes, not called malformed", async (text, kind) => {
    const site = await h.api.request("POST", "/sites", { token: admin, rawBody: text });
    expect(site.status).toBe(400);
    expect(site.body).toEqual(problem(400, `the request body must be a JSON object, not ${kind}`));
    const areas = await h.api.request("PUT", "/sites/test/areas", { token: admin, rawBody: text, headers: { "if-match": "*" } });
    expect(areas.status).toBe(400);
    expect(areas.body).toEqual(problem(400, `the request body must be a JSON array, not ${kind}`));
  });

  it("names an array sent for an object, and still calls JSON that does not parse malformed", async () => {
    const array = await h.api.request("POST", "/sites/test/schedules/analyze", { token: manager, rawBody: "[]" });
    expect(array.body).toEqual(problem(400, "the request body must be a JSON object, not an array"));
    const malformed = await h.api.request("POST", "/sites/test/schedules/analyze", { token: manager, rawBody: "{nope" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/^malformed JSON body: /);
  });

  it("is no body for an operation that takes none", async () => {
    const res = await h.api.request("POST", "/sites/test/staff/A/feeds", { token: manager, rawBody: "null" });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("POST /sites/{siteId}/staff/{staffId}/feeds takes no request body");
  });
});

describe("a body without a Content-Type", () => {
  it("is a 415, as a body sent as another type is, and nothing is stored", async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${h.api.baseUrl}/sites/test/schedules/drafts`, {
        method: "POST",
        headers: { authorization: `Bearer ${manager}`, ...headers },
        // Bytes, so that fetch adds no Content-Type of its own (it would for a string).
        body: new TextEncoder().encode(JSON.stringify({ assignments: [] })),
      });
    const none = await send({});
    expect(none.status).toBe(415);
    expect(none.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await none.json()).toEqual(problem(415, "the request body must be application/json, and the request has no Content-Type"));
    const other = await send({ "content-type": "text/plain" });
    expect(other.status).toBe(415);
    expect((await other.json()).detail).toBe("the request body must be application/json");
    expect(h.store.schedules.list("test")).toEqual([]);
  });
});

describe("a solve's POST, whose every field is optional", () => {
  it("reads no body as {}: a solve of the site with the defaults, queued", async () => {
    // `curl -X POST …/schedules` once got "the request needs a JSON body" for a request with nothing to say.
    const res = await h.api.request("POST", "/sites/test/schedules", { token: manager });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: "solve", siteId: "test" });
    const job = h.queue.get(res.body.id)!;
    expect(job.options).toMatchObject({ timeLimitSeconds: 60, warmStart: true });
    h.queue.cancel(job.id, SYSTEM);
  });
});

describe("the FTE report's POST, whose every field is optional", () => {
  it("reads no body as {}, as the site's settings say, and still needs a JSON body to be an object", async () => {
    const res = await h.api.request("POST", "/sites/test/reports/fte", { token: manager });
    expect(res.status).toBe(200);
    expect(res.body.productivity.roleFamilies.length).toBeGreaterThan(0);
    const same = await h.api.request("POST", "/sites/test/reports/fte", { token: manager, body: {} });
    expect({ ...res.body, provenance: undefined }).toEqual({ ...same.body, provenance: undefined });
    expect((await h.api.request("POST", "/sites/test/reports/fte", { token: manager, rawBody: "null" })).body.detail).toBe("the request body must be a JSON object, not null");
  });

  it("is declared with an optional body in the OpenAPI document; the other operations' bodies are required", async () => {
    const doc = (await h.api.get("/openapi.json")).body;
    expect(doc.paths["/sites/{siteId}/reports/fte"].post.requestBody.required).toBe(false);
    expect(doc.paths["/sites/{siteId}/schedules"].post.requestBody.required).toBe(false);
    expect(doc.paths["/sites/{siteId}/schedules/drafts"].post.requestBody.required).toBe(true);
    // An operation that takes a body still needs one.
    const drafts = await h.api.request("POST", "/sites/test/schedules/drafts", { token: manager });
    expect(drafts.body).toEqual(problem(400, "the request needs a JSON body"));
  });
});
