/**
 * The checker's work on requests (explaining, the schedule page, candidates) runs in its worker threads
 * over real HTTP: the event loop answers other requests meanwhile, what the checker refuses is the same
 * problem as before, a worker that dies or throws is a 503 or a 500 rather than a hang, and closing the
 * server (or the harness) ends the workers.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startServer } from "../../api/server.js";
import { buildFeedTask } from "../../src/calendar/feed-service.js";
import { CheckerPool, explainFor } from "../../src/jobs/checker-worker.js";
import { pooledWorkers } from "../../src/jobs/worker-pool.js";
import { SYSTEM } from "../../src/store/audit.js";
import { openStore } from "../../src/store/store.js";
import { closeAndCheckLogs, freshSite, startHarness, testSite, type Harness } from "./harness.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const DEMO = parse(readFileSync(join(ROOT, "data", "demo", "department.yaml"), "utf8"));
const HANDMADE = JSON.parse(readFileSync(join(ROOT, "data", "demo", "schedule-handmade.json"), "utf8"));
const DEMO_ID: string = DEMO.site.id;

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
  admin = h.token("admin");
  expect((await h.api.post("/sites", DEMO, admin)).status).toBe(201);
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

/** Resolves once a request's handler has loaded site `id` (its first step), then stops watching. */
function handlerStarted(harness: Harness, id: string): Promise<void> {
  const get = harness.store.sites.get.bind(harness.store.sites);
  return new Promise((resolve) => {
    const spy = vi.spyOn(harness.store.sites, "get").mockImplementation((siteId) => {
      if (siteId === id) {
        spy.mockRestore();
        resolve();
      }
      return get(siteId);
    });
  });
}

/** Resolves once the pool has a task in a worker (within 20 s). */
async function untilBusy(pool: CheckerPool): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (pool.stats().busy === 0) {
    if (Date.now() > deadline) throw new Error("no task reached the checker's workers within 20 s");
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A request sent, and a health check sent once the request's handler has begun (its first step loads site
 * `siteId`): in which order the two were answered, and the answers. On the event loop, the request's
 * answer would come first.
 */
async function healthCheckDuring(siteId: string, send: () => Promise<Response>): Promise<{ order: string[]; health: Response; res: Response }> {
  const order: string[] = [];
  const started = handlerStarted(h, siteId);
  const answered = send().then((res) => (order.push("request"), res));
  await started;
  const health = await fetch(`${h.api.baseUrl}/healthz`);
  order.push("healthz");
  return { order, health, res: await answered };
}

/** The demo month's analyze, answered when its headers arrive (before its body is read). */
const analyzeDemo = (harness: Harness, token: string): Promise<Response> =>
  fetch(`${harness.api.baseUrl}/sites/${DEMO_ID}/schedules/analyze`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(HANDMADE),
  });

describe("the checker's worker threads", () => {
  it("answers a health check while it explains the demo month, and explains it as the checker does", async () => {
    const { order, health, res } = await healthCheckDuring(DEMO_ID, () => analyzeDemo(h, admin));
    expect(order).toEqual(["healthz", "request"]);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(res.status).toBe(200);
    const direct = explainFor(h.store.sites.get(DEMO_ID)!.input, HANDMADE);
    expect(direct.ok).toBe(true);
    expect(await res.text()).toBe(JSON.stringify(direct.ok && direct.value));
  });

  it("answers a health check while it builds the demo month's department calendar feed, the feed as built on the calling thread", async () => {
    // A site of its own: the demo's stays unpublished for the tests below.
    const id = "demo-feeds";
    expect((await h.api.post("/sites", { ...DEMO, site: { ...DEMO.site, id } }, admin)).status).toBe(201);
    const draft = h.store.schedules.createDraft(id, HANDMADE.assignments, "manual", undefined, SYSTEM);
    expect(h.store.schedules.publish(id, draft.id, SYSTEM).ok).toBe(true);
    const feed = await h.api.post(`/sites/${id}/feeds`, { scope: "department" }, admin);
    expect(feed.status).toBe(201);
    const { order, health, res } = await healthCheckDuring(id, () => fetch(feed.body.url));
    expect(order).toEqual(["healthz", "request"]);
    expect(health.status).toBe(200);
    expect(res.status).toBe(200);
    const direct = buildFeedTask({ input: h.store.sites.get(id)!.input, versions: h.store.schedules.publishedVersions(id), scope: { kind: "department" }, uidSalt: h.store.feeds.uidSalt(id) });
    expect(direct.ok).toBe(true);
    expect(await res.text()).toBe(direct.ok && direct.value.ics);
    expect(res.headers.get("etag")).toBe(direct.ok && direct.value.etag);
  });

  it("checks a draft again when the site changed while the checker's worker checked it for a publish", async () => {
    const draft = await h.api.post(`/sites/${DEMO_ID}/schedules/drafts`, HANDMADE, admin);
    expect(draft.status).toBe(201);
    // Hard violations accepted: only the change of the site can refuse it.
    const publishing = h.api.post(`/sites/${DEMO_ID}/schedules/${draft.body.schedule.id}/publish?acceptHardViolations=true`, undefined, admin, { "if-match": draft.headers.get("etag")! });
    await untilBusy(h.checker);
    const leaver: string = HANDMADE.assignments[0].staff;
    expect(h.store.sites.update(DEMO_ID, SYSTEM, "test.remove-staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== leaver) })).ok).toBe(true);
    const res = await publishing;
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/^the draft no longer fits the site's planning data \(it was drafted at site revision 1, the site is at 2\)/);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ message: "unknown staff id", value: leaver }));
    expect(h.store.schedules.latestPublished(DEMO_ID)).toBeUndefined();
  });

  it("answers what the checker refuses with the same problems: a posted schedule that does not fit is a 400 naming the assignment", async () => {
    const site = freshSite(h);
    const res = await h.api.post(`/sites/${site.id}/schedules/analyze`, { assignments: [{ staff: "nobody", date: "2026-03-02", template: "D8" }] }, site.token);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: "https://rxroster.dev/problems/invalid-request", title: "Bad request", status: 400,
      detail: "the schedule does not fit the site's planning data",
      errors: [{ path: "assignments[0].staff", message: "unknown staff id", value: "nobody" }],
    });
  });

  it("answers an open shift that does not fit with 400 before a schedule that no longer fits with 409, as the route did", async () => {
    const site = freshSite(h);
    const draft = h.store.schedules.createDraft(site.id, [{ staff: "B", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM);
    expect(h.store.sites.update(site.id, SYSTEM, "test.remove-staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== "B") })).ok).toBe(true);
    const both = await h.api.get(`/sites/${site.id}/schedules/${draft.id}/candidates?date=2026-03-09&shift=D8`, site.token);
    expect(both.status).toBe(400);
    expect(both.body.detail).toBe("the open shift does not fit the site's planning data");
    expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(["date"]);
    const schedule = await h.api.get(`/sites/${site.id}/schedules/${draft.id}/candidates?date=2026-03-03&shift=D8`, site.token);
    expect(schedule.status).toBe(409);
    expect(schedule.body.detail).toBe(`schedule ${draft.id} no longer fits the site's planning data, so nobody can be ranked for its open shift; edit it first`);
    expect(schedule.body.errors).toEqual([expect.objectContaining({ path: "assignments[0].staff", value: "B" })]);
  });

  it("answers a request whose worker dies with 503, logged, and starts a new worker for the next; a bug in the checker is a 500", async () => {
    const faulty = await startHarness({ checker: new CheckerPool(1, new URL("../fixtures/faulty-checker-worker.ts", import.meta.url)) });
    try {
      const token = faulty.token("admin");
      for (const id of ["doomed", "buggy", "fine"]) faulty.store.sites.create(testSite(id), SYSTEM);
      const schedule = { assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }] };

      const died = await faulty.api.post("/sites/doomed/schedules/analyze", schedule, token);
      expect(died.status).toBe(503);
      expect(died.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(died.headers.get("retry-after")).toBe("1");
      expect(died.body.detail).toBe("the checker's worker thread stopped (exit code 70) while working on this request; a new one takes its place: try again");
      expect(faulty.logged).toEqual([expect.stringMatching(/^checker worker died: the worker thread exited with code 70/)]);
      expect(faulty.checker.stats().workers).toBe(0);

      const fine = await faulty.api.post("/sites/fine/schedules/analyze", schedule, token);
      expect(fine.status).toBe(200);
      expect(fine.body.feasible).toBeTypeOf("boolean");

      const bug = await faulty.api.post("/sites/buggy/schedules/analyze", schedule, token);
      expect(bug.status).toBe(500);
      expect(bug.body.detail).toBe("an unexpected error occurred; it has been logged");
      expect(faulty.logged[1]).toMatch(/^internal error: Error: a bug in the checker/);
      // The worker that threw goes on: it answers the next request.
      expect(faulty.checker.stats().workers).toBe(1);
      expect((await faulty.api.post("/sites/fine/schedules/analyze", schedule, token)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it("answers a request the closing pool cut off with 503, and ends every worker when the harness closes", async () => {
    const closing = await startHarness();
    try {
      const token = closing.token("admin");
      expect((await closing.api.post("/sites", DEMO, token)).status).toBe(201);
      const pending = analyzeDemo(closing, token);
      await untilBusy(closing.checker);
      expect(pooledWorkers()).toBeGreaterThan(0);
      await closing.checker.close();
      const res = await pending;
      expect(res.status).toBe(503);
      expect((await res.json()).detail).toBe("the server is shutting down; try again once it is back");
      expect(closing.checker.stats()).toEqual({ workers: 0, busy: 0, waiting: 0 });
    } finally {
      await closing.close();
    }
  });

  it("ends the checker's workers when the server closes", async () => {
    // h's own workers are idle and stay; count the server's on top of them.
    const before = pooledWorkers();
    const dataDir = mkdtempSync(join(tmpdir(), "rxroster-checker-"));
    const store = openStore(dataDir);
    const token = store.tokens.create("admin").secret;
    store.sites.create(testSite("served"), SYSTEM);
    const draft = store.schedules.createDraft("served", [{ staff: "A", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM);
    store.close();
    const running = await startServer({ port: 0, dataDir, notice: () => {} });
    try {
      const res = await fetch(`http://127.0.0.1:${running.port}/sites/served/schedules/${draft.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect((await res.json()).explanation).toBeDefined();
      expect(pooledWorkers()).toBe(before + 1);
    } finally {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(pooledWorkers()).toBe(before);
  });
});
