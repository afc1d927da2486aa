/**
 * The role × route matrix: for every operation on site "alpha", who may call it. The expectations are
 * written out here by hand (not read from the policy), so a policy change that leaks shows up. Everyone
 * else gets 403; no token, an unknown token or a revoked one gets 401. Every operation that needs a
 * permission has a row (checked against OPERATIONS), so a new route comes with its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { GRANTS, notPermitted } from "../../api/auth.js";
import { OPERATIONS } from "../../api/routes/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";
import { storedFteReport } from "./report-fixture.js";

type Who = "admin" | "managerA" | "managerB" | "hrA" | "staffA" | "staffB" | "revoked" | "nobody";
const EVERYONE: Who[] = ["admin", "managerA", "managerB", "hrA", "staffA", "staffB", "revoked", "nobody"];

let h: Harness;
const tokens = {} as Record<Who, string | undefined>;
let draftId = "";
let jobId = "";
let betaScheduleId = "";
let report = { jobId: "", reportId: "" }; // a finished FTE report job of alpha, for {reportJob} and {report}
const feeds = { staffA: "", department: "" }; // calendar feeds of alpha, for {feedA} and {feedD}

beforeAll(async () => {
  h = await startHarness({ queue: { concurrency: 1 } });
  h.store.sites.create(testSite("alpha"), SYSTEM);
  h.store.sites.create(testSite("beta"), SYSTEM);
  draftId = h.store.schedules.createDraft("alpha", [{ staff: "A", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM).id;
  h.store.schedules.publish("alpha", draftId, SYSTEM);
  betaScheduleId = h.store.schedules.createDraft("beta", [], "manual", undefined, SYSTEM).id;
  Object.assign(feeds, { staffA: h.store.feeds.create("alpha", { kind: "staff", staffId: "A" }, SYSTEM)!.feed.id, department: h.store.feeds.create("alpha", { kind: "department" }, SYSTEM)!.feed.id });
  jobId = h.store.jobs.create("alpha", { timeLimitSeconds: 1, warmStart: false }, SYSTEM).id;
  h.store.jobs.end(jobId, "failed", "made up for the test");
  report = await storedFteReport(h.store, "alpha");
  Object.assign(tokens, {
    admin: h.token("admin"),
    managerA: h.token("manager", "alpha"),
    managerB: h.token("manager", "beta"),
    hrA: h.token("hr", "alpha"),
    staffA: h.token("staff", "alpha", "A"),
    staffB: h.token("staff", "alpha", "B"),
    nobody: undefined,
  });
  const revoked = h.store.tokens.create("admin");
  h.store.tokens.revoke(revoked.info.tokenId);
  tokens.revoked = revoked.secret;
});
afterAll(async () => {
  try {
    await h.queue.drain();
  } finally {
    await closeAndCheckLogs(h);
  }
});

interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** `{draft}` and `{job}` stand for ids made in beforeAll. */
  path: string;
  body?: () => unknown;
  /** Sent by every caller, so the matrix tests who may write and not the If-Match every write needs. */
  headers?: Record<string, string>;
  /** Run before each caller's request, so that the call has something to do. */
  before?: () => void;
  allowed: Who[];
}

/** The draft made to differ from the latest version (a shift locked or unlocked), so that each caller's publish has a change to publish. */
function changeDraft(): void {
  const latest = h.store.schedules.latestPublished("alpha")!;
  const changed = latest.assignments.map((a, i) => (i === 0 ? { ...a, locked: !a.locked } : a));
  expect(h.store.schedules.updateDraft("alpha", draftId, changed, SYSTEM, "test.change").ok).toBe(true);
}

const input = () => h.store.sites.get("alpha")!.input;
const ANY_REVISION = { "if-match": "*" };
const lockA = () => ({ edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] });

/** The parts of the planning input with routes of their own (URL segment, input key): read and written as the whole site is. */
const PARTS: [string, keyof PlanningInput][] = [
  ["settings", "site"], ["horizon", "horizon"], ["areas", "areas"], ["skills", "skills"], ["levels", "levels"], ["staff", "staff"],
  ["shift-templates", "shiftTemplates"], ["workload-types", "workloadTypes"], ["productivity-standards", "productivityStandards"],
  ["forecasts", "forecasts"], ["floors", "floors"], ["slot-demand", "slotDemand"], ["rules", "rules"], ["budget", "budget"], ["weights", "weights"],
];

const ROUTES: Route[] = [
  { method: "GET", path: "/sites", allowed: ["admin", "managerA", "managerB", "hrA", "staffA", "staffB"] },
  { method: "POST", path: "/sites", body: () => testSite("gamma"), allowed: ["admin"] },
  { method: "GET", path: "/sites/alpha", allowed: ["admin", "managerA"] },
  { method: "PUT", path: "/sites/alpha", body: input, headers: ANY_REVISION, allowed: ["admin", "managerA"] },
  ...PARTS.flatMap(([segment, key]): Route[] => [
    { method: "GET", path: `/sites/alpha/${segment}`, allowed: ["admin", "managerA"] },
    { method: "PUT", path: `/sites/alpha/${segment}`, body: () => input()[key], headers: ANY_REVISION, allowed: ["admin", "managerA"] },
  ]),
  { method: "GET", path: "/sites/alpha/audit", allowed: ["admin", "managerA"] },
  { method: "GET", path: "/sites/alpha/staff/A/requests", allowed: ["admin", "managerA", "staffA"] },
  { method: "PUT", path: "/sites/alpha/staff/A/requests", body: () => [], headers: ANY_REVISION, allowed: ["admin", "managerA", "staffA"] },
  { method: "GET", path: "/sites/alpha/staff/A/leave", allowed: ["admin", "managerA", "staffA"] },
  { method: "PUT", path: "/sites/alpha/staff/A/leave", body: () => [], headers: ANY_REVISION, allowed: ["admin", "managerA"] },
  { method: "GET", path: "/sites/alpha/staff/A/assignments", allowed: ["admin", "managerA", "hrA", "staffA"] },
  { method: "GET", path: "/sites/alpha/schedules", allowed: ["admin", "managerA", "hrA"] },
  { method: "POST", path: "/sites/alpha/schedules", body: () => ({ timeLimitSeconds: 1, warmStart: false }), allowed: ["admin", "managerA"] },
  { method: "POST", path: "/sites/alpha/schedules/drafts", body: () => ({ assignments: [] }), allowed: ["admin", "managerA"] },
  // HR reads stored schedules without people's leave and requests (hr-withheld.test.ts); analyze and
  // candidates take the caller's choice of shifts, and would tell them for any shift it picks.
  { method: "POST", path: "/sites/alpha/schedules/analyze", body: () => ({ assignments: [] }), allowed: ["admin", "managerA"] },
  { method: "GET", path: "/sites/alpha/schedules/{draft}", allowed: ["admin", "managerA", "hrA"] },
  { method: "GET", path: "/sites/alpha/schedules/{draft}/candidates?date=2026-03-03&shift=D8", allowed: ["admin", "managerA"] },
  { method: "GET", path: "/sites/alpha/schedules/{draft}?format=html", allowed: ["admin", "managerA", "hrA"] },
  { method: "POST", path: "/sites/alpha/schedules/{draft}/edits", body: lockA, headers: ANY_REVISION, allowed: ["admin", "managerA"] },
  { method: "POST", path: "/sites/alpha/schedules/{draft}/publish", headers: ANY_REVISION, before: changeDraft, allowed: ["admin", "managerA"] },
  // A failed solve quotes the planning data (each conflict's leave, with its reason): HR reads report jobs only.
  { method: "GET", path: "/jobs/{job}", allowed: ["admin", "managerA"] },
  { method: "POST", path: "/jobs/{job}/cancel", allowed: ["admin", "managerA"] },
  { method: "POST", path: "/jobs/{job}/stop", allowed: ["admin", "managerA"] },
  { method: "DELETE", path: "/jobs/{job}", allowed: ["admin", "managerA"] },
  { method: "GET", path: "/sites/alpha/staff/A/feeds", allowed: ["admin", "managerA", "staffA"] },
  { method: "POST", path: "/sites/alpha/staff/A/feeds", allowed: ["admin", "managerA", "staffA"] },
  { method: "POST", path: "/sites/alpha/staff/A/feeds/{feedA}/rotate", allowed: ["admin", "managerA", "staffA"] },
  { method: "DELETE", path: "/sites/alpha/staff/A/feeds/{feedA}", allowed: ["admin", "managerA", "staffA"] },
  { method: "GET", path: "/sites/alpha/feeds", allowed: ["admin", "managerA"] },
  { method: "POST", path: "/sites/alpha/feeds", body: () => ({ scope: "department" }), allowed: ["admin", "managerA"] },
  { method: "POST", path: "/sites/alpha/feeds/{feedD}/rotate", allowed: ["admin", "managerA"] },
  { method: "DELETE", path: "/sites/alpha/feeds/{feedD}", allowed: ["admin", "managerA"] },
  { method: "GET", path: "/sites/alpha/reports/fte", allowed: ["admin", "managerA", "hrA"] },
  { method: "POST", path: "/sites/alpha/reports/fte", body: () => ({ maxHires: 0 }), allowed: ["admin", "managerA", "hrA"] },
  { method: "GET", path: "/sites/alpha/reports/fte/{report}", allowed: ["admin", "managerA", "hrA"] },
  { method: "GET", path: "/jobs/{reportJob}", allowed: ["admin", "managerA", "hrA"] },
  // HR starts FTE reports, so HR may call one off; a solve's cancel stays the manager's ({job} above).
  { method: "POST", path: "/jobs/{reportJob}/cancel", allowed: ["admin", "managerA", "hrA"] },
  { method: "DELETE", path: "/jobs/{reportJob}", allowed: ["admin", "managerA", "hrA"] },
];

const CASES = ROUTES.flatMap((route) => EVERYONE.map((who) => ({ who, route, name: `${route.method} ${route.path}` })));
const resolve = (path: string): string => path.replace("{draft}", draftId).replace("{job}", jobId).replace("{feedA}", feeds.staffA).replace("{feedD}", feeds.department).replace("{reportJob}", report.jobId).replace("{report}", report.reportId);

/** A 403's detail: another site's or person's, or what the role may not do, said with a verb and the right article. */
const REFUSAL = /^(this token is not for site \S+|a staff token may only act for its own person|(a (manager|staff)|an hr) token may not (read|list|create|change|manage|analyze) [A-Za-z ,'()]+)$/;

describe("who may call what on site alpha", () => {
  it.each(CASES)("$who: $name", async ({ who, route }) => {
    route.before?.();
    const body = route.body?.();
    const res = await h.api.request(route.method, resolve(route.path), { ...(tokens[who] ? { token: tokens[who] } : {}), ...(body !== undefined ? { body } : {}), ...(route.headers ? { headers: route.headers } : {}) });
    // Another site's job is no job to its manager (a 403 would say it exists, and where); the rest is 403.
    const refused = who === "managerB" && route.path.startsWith("/jobs/") ? "404" : "403";
    const expected = who === "revoked" || who === "nobody" ? "401" : route.allowed.includes(who) ? "allowed" : refused;
    const got = [401, 403, 404].includes(res.status) ? String(res.status) : res.status < 300 ? "allowed" : `unexpected ${res.status}: ${JSON.stringify(res.body)}`;
    expect(got).toBe(expected);
    // A refusal says what was refused in words ("may not read a site's planning data"), never the permission's id.
    if (res.status === 403) expect(res.body.detail).toMatch(REFUSAL);
  });
});

describe("the matrix", () => {
  it("has a case for every operation that needs a permission, so a new route cannot come without one", () => {
    const listed = ROUTES.map((r) => `${r.method} ${r.path}`);
    const missing = OPERATIONS.filter((op) => op.permission !== undefined)
      .map((op) => ({ name: `${op.method.toUpperCase()} ${op.path}`, pattern: new RegExp(`^${op.method.toUpperCase()} ${op.path.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/?]+")}(\\?.*)?$`) }))
      .filter(({ pattern }) => !listed.some((route) => pattern.test(route)))
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });
});

describe("a 403 for what a role may not do", () => {
  it("says it in words, with the right article", async () => {
    expect((await h.api.get("/sites/alpha", tokens.staffA)).body.detail).toBe("a staff token may not read a site's planning data");
    expect((await h.api.get("/sites/alpha/staff/A/feeds", tokens.hrA)).body.detail).toBe("an hr token may not manage a person's calendar feeds");
    expect((await h.api.post("/sites/alpha/schedules/drafts", { assignments: [] }, tokens.hrA)).body.detail).toBe("an hr token may not change schedules (solve, draft, edit, publish) or see and manage the site's calendar feeds");
    // Listing the site's feeds is a read: the 403 does not call it a change only.
    expect((await h.api.get("/sites/alpha/feeds", tokens.staffA)).body.detail).toBe("a staff token may not change schedules (solve, draft, edit, publish) or see and manage the site's calendar feeds");
  });

  it("reads as English for every role and every permission it lacks", () => {
    // Admin holds every permission.
    const all = GRANTS.admin;
    for (const role of Object.keys(GRANTS) as (keyof typeof GRANTS)[]) {
      for (const permission of all.filter((p) => !GRANTS[role].includes(p))) {
        expect(notPermitted(role, permission), `${role} ${permission}`).toMatch(REFUSAL);
      }
    }
  });
});

describe("scopes inside allowed routes", () => {
  it("lists only the sites a scoped token is for", async () => {
    expect((await h.api.get("/sites", tokens.managerB)).body.map((s: { id: string }) => s.id)).toEqual(["beta"]);
    expect((await h.api.get("/sites", tokens.staffA)).body.map((s: { id: string }) => s.id)).toEqual(["alpha"]);
  });

  it("does not find site beta's schedule through site alpha's path", async () => {
    expect((await h.api.get(`/sites/alpha/schedules/${betaScheduleId}`, tokens.managerA)).status).toBe(404);
    expect((await h.api.get(`/sites/beta/schedules/${betaScheduleId}`, tokens.managerA)).status).toBe(403);
  });

  it("refuses a solve job's cancel and stop to another site's manager as no such job and to hr with 403, before reading the body they sent", async () => {
    for (const path of [`/jobs/${jobId}/cancel`, `/jobs/${jobId}/stop`]) {
      const elsewhere = await h.api.post(path, { bogus: true }, tokens.managerB);
      expect([elsewhere.status, elsewhere.body.detail], path).toEqual([404, `no job ${jobId} (finished jobs expire after the retention period)`]);
      expect((await h.api.post(path, { bogus: true }, tokens.hrA)).status, path).toBe(403);
      // The job's own manager sending the same body is told what is wrong with it.
      expect((await h.api.post(path, { bogus: true }, tokens.managerA)).status).toBe(400);
    }
    expect((await h.api.request("DELETE", `/jobs/${jobId}`, { token: tokens.managerB!, body: { bogus: true } })).status).toBe(404);
  });

  it("lets staff weigh their own requests only up to the bound, naming the field", async () => {
    const res = await h.api.put("/sites/alpha/staff/A/requests", [{ kind: "day-off", date: "2026-03-02", weight: 1.7e308 }], tokens.staffA, ANY_REVISION);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "[0].weight", value: 1.7e308 })]);
    expect((await h.api.get("/sites/alpha/staff/A/requests", tokens.staffA)).body).toEqual([]);
    // A problem only the whole document shows (a template the site does not have) is named from the body too.
    const unknown = await h.api.put("/sites/alpha/staff/A/requests", [{ kind: "shift-off", date: "2026-03-02", template: "XX", weight: 1 }], tokens.staffA, ANY_REVISION);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "[0].template", value: "XX" })]);
  });

  it("marks everything a token reads private, for no shared cache to keep", async () => {
    for (const route of ROUTES.filter((r) => r.method === "GET")) {
      const res = await h.api.get(resolve(route.path), tokens.admin);
      expect(res.status, route.path).toBeLessThan(300);
      expect(res.headers.get("cache-control"), route.path).toBe("private, no-cache");
    }
  });

  it("never lets a staff token read another person's assignments, requests or leave", async () => {
    for (const part of ["assignments", "requests", "leave"]) {
      expect((await h.api.get(`/sites/alpha/staff/B/${part}`, tokens.staffA)).status).toBe(403);
      expect((await h.api.get(`/sites/beta/staff/A/${part}`, tokens.staffA)).status).toBe(403);
    }
  });
});
