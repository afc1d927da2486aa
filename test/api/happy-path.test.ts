/**
 * Each route's happy path over real HTTP, every response checked against the OpenAPI document: create a
 * site, read and replace its parts, staff requests and leave, solve, edit, publish, read own assignments,
 * analyze, audit, and the refusals that belong to the flow (published is immutable, 401 challenge).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAndCheckLogs, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

let h: Harness;
let admin: string;
let manager: string;

beforeAll(async () => {
  h = await startHarness();
  admin = h.token("admin");
  manager = h.token("manager", "test");
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("sites and planning data", () => {
  it("creates a site from a full planning input and lists it", async () => {
    const created = await h.api.post("/sites", testSite(), admin);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/sites/test");
    expect(created.body.revision).toBe(1);
    const list = await h.api.get("/sites", manager);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual(["test"]);
    expect((await h.api.post("/sites", testSite(), admin)).status).toBe(409);
  });

  it("reads the whole document and replaces it, keeping the id", async () => {
    const site = await h.api.get("/sites/test", manager);
    expect(site.body.input.staff).toHaveLength(4);
    const renamed = { ...site.body.input, site: { ...site.body.input.site, name: "Renamed" } };
    const put = await h.api.put("/sites/test", renamed, manager, { "if-match": site.headers.get("etag")! });
    expect(put.status).toBe(200);
    expect(put.body.input.site.name).toBe("Renamed");
    const moved = await h.api.put("/sites/test", { ...renamed, site: { ...renamed.site, id: "other" } }, manager, { "if-match": put.headers.get("etag")! });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].path).toBe("site.id");
  });

  it("reads and replaces each part, re-validating the whole document", async () => {
    for (const part of ["settings", "horizon", "areas", "skills", "levels", "staff", "shift-templates", "workload-types", "productivity-standards", "forecasts", "floors", "slot-demand", "rules", "budget", "weights"]) {
      const read = await h.api.get(`/sites/test/${part}`, manager);
      expect(read.status, part).toBe(200);
      const written = await h.api.put(`/sites/test/${part}`, read.body, manager, { "if-match": read.headers.get("etag")! });
      expect(written.status, part).toBe(200);
      expect(written.body, part).toEqual(read.body);
    }
    const read = await h.api.get("/sites/test/staff", manager);
    const staff = read.body;
    const badLevel = await h.api.put("/sites/test/staff", [{ ...staff[0], level: "nope" }, ...staff.slice(1)], manager, { "if-match": read.headers.get("etag")! });
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.errors).toContainEqual({ path: "staff[0].level", message: "unknown level id", value: "nope" });
  });

  it("lets a person replace their requests and a manager their leave", async () => {
    const ann = h.token("staff", "test", "A");
    const requests = [{ kind: "day-off", date: "2026-03-03", weight: 2 }];
    const mine = await h.api.get("/sites/test/staff/A/requests", ann);
    const put = await h.api.put("/sites/test/staff/A/requests", requests, ann, { "if-match": mine.headers.get("etag")! });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(requests);
    expect((await h.api.get("/sites/test/staff/A/requests", ann)).body).toEqual(requests);
    const leave = [{ start: "2026-03-04", end: "2026-03-04", reason: "course" }];
    const hers = await h.api.get("/sites/test/staff/A/leave", manager);
    expect((await h.api.put("/sites/test/staff/A/leave", leave, manager, { "if-match": hers.headers.get("etag")! })).body).toEqual(leave);
    expect((await h.api.get("/sites/test/staff/A/leave", ann)).body).toEqual(leave);
    expect((await h.api.get("/sites/test/staff/ZZ/leave", manager)).status).toBe(404);
  });

  it("refuses a person's request repeated to weigh past the cap, naming the copy, and keeps what was stored", async () => {
    const ann = h.token("staff", "test", "A");
    const mine = await h.api.get("/sites/test/staff/A/requests", ann);
    const copies = Array.from({ length: 50 }, () => ({ kind: "day-off", date: "2026-03-05", weight: 10 }));
    const put = await h.api.put("/sites/test/staff/A/requests", copies, ann, { "if-match": mine.headers.get("etag")! });
    expect(put.status).toBe(400);
    expect(put.body.errors).toHaveLength(49);
    expect(put.body.errors[0]).toEqual({ path: "[1]", message: "the same request as requests[0] (a day off on 2026-03-05): each is asked once, with the weight it matters by" });
    expect((await h.api.get("/sites/test/staff/A/requests", ann)).body).toEqual(mine.body);
  });

  it("refuses more requests than a year of days, one each, and keeps what was stored", async () => {
    const ann = h.token("staff", "test", "A");
    const mine = await h.api.get("/sites/test/staff/A/requests", ann);
    const day = (n: number): string => new Date(Date.UTC(1900, 0, 1 + n)).toISOString().slice(0, 10);
    const many = Array.from({ length: 367 }, (_, n) => ({ kind: "day-off", date: day(n), weight: 1 }));
    const put = await h.api.put("/sites/test/staff/A/requests", many, ann, { "if-match": mine.headers.get("etag")! });
    expect(put.status).toBe(400);
    expect(put.body.errors).toEqual([{ path: "", message: "must hold at most 366 requests (a year of days, one each): drop past ones first" }]);
    expect((await h.api.get("/sites/test/staff/A/requests", ann)).body).toEqual(mine.body);
    const year = await h.api.put("/sites/test/staff/A/requests", many.slice(1), ann, { "if-match": mine.headers.get("etag")! });
    expect(year.status).toBe(200);
  });

  it("refuses a write made on an older read (If-Match) with 412, so a person's request is not lost", async () => {
    const ann = h.token("staff", "test", "A");
    const read = await h.api.get("/sites/test/staff", manager);
    const etag = read.headers.get("etag")!;
    expect(etag).toMatch(/^"site-\d+"$/);
    // Ann files a request after the manager read the staff list...
    const filed = [{ kind: "day-off", date: "2026-03-02", weight: 3 }];
    const mine = await h.api.get("/sites/test/staff/A/requests", ann);
    const put = await h.api.put("/sites/test/staff/A/requests", filed, ann, { "if-match": mine.headers.get("etag")! });
    expect(put.headers.get("etag")).not.toBe(etag);
    // ...so the manager's list, which still holds her old requests, is refused, and hers stays.
    const stale = await h.api.request("PUT", "/sites/test/staff", { token: manager, body: read.body, headers: { "if-match": etag } });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toMatch(/^site test has changed since it was read \(it is at revision \d+\)/);
    expect((await h.api.get("/sites/test/staff/A/requests", ann)).body).toEqual(filed);
    // Read again, the same write goes through, answering the new ETag; `*` matches any revision.
    const again = await h.api.get("/sites/test/staff", manager);
    const fresh = await h.api.request("PUT", "/sites/test/staff", { token: manager, body: again.body, headers: { "if-match": again.headers.get("etag")! } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).not.toBe(again.headers.get("etag"));
    const whole = await h.api.get("/sites/test", manager);
    expect(whole.headers.get("etag")).toBe(fresh.headers.get("etag"));
    expect((await h.api.request("PUT", "/sites/test", { token: manager, body: whole.body.input, headers: { "if-match": "*" } })).status).toBe(200);
    // A tag without its quotes is named, not read as "changed since".
    const unquoted = await h.api.request("PUT", "/sites/test/staff", { token: manager, body: again.body, headers: { "if-match": "site-9" } });
    expect(unquoted.status).toBe(400);
    expect(unquoted.body.errors).toEqual([{ path: "If-Match", message: 'must be an ETag as the site was read with, such as "site-3", or *', value: "site-9" }]);
  });
});

describe("schedules and jobs", () => {
  let draftId: string;

  it("solves in a job: 202 with Location, then the job succeeds with a draft", async () => {
    const submitted = await h.api.post("/sites/test/schedules", { timeLimitSeconds: 10 }, manager);
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get("location")).toBe(`/jobs/${submitted.body.id}`);
    const job = await waitForJob(h.api, submitted.body.id, manager);
    expect(job.status).toBe("succeeded");
    expect(job.progress.elapsedSeconds).toBeGreaterThanOrEqual(0);
    draftId = job.scheduleId;
    const draft = await h.api.get(`/sites/test/schedules/${draftId}`, manager);
    expect(draft.body.schedule).toMatchObject({ status: "draft", source: "solve", sourceId: job.id });
    expect(draft.body.schedule.assignments.length).toBeGreaterThan(0);
    expect(draft.body.explanation.feasible).toBe(true);
  });

  it("edits a draft (lock, move, swap) and answers the checker's explanation", async () => {
    const read = await h.api.get(`/sites/test/schedules/${draftId}`, manager);
    const before = read.body.schedule.assignments;
    const first = before[0];
    // Each edit is made on the draft as last read, and answers its new ETag.
    const locked = await h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits: [{ op: "lock", staff: first.staff, date: first.date, template: first.template }] }, manager, { "if-match": read.headers.get("etag")! });
    expect(locked.status).toBe(200);
    expect(locked.body.schedule.assignments[0].locked).toBe(true);
    // Move a pharmacist's shift onto the other pharmacist, then swap that date's shifts back between them.
    const rph = before.find((a: { staff: string }) => a.staff === "A" || a.staff === "B");
    const other = rph.staff === "A" ? "B" : "A";
    const moved = await h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits: [{ op: "move", from: { staff: rph.staff, date: rph.date, template: rph.template }, to: { staff: other } }] }, manager, { "if-match": locked.headers.get("etag")! });
    expect(moved.status).toBe(200);
    expect(moved.body.schedule.assignments).toContainEqual(expect.objectContaining({ staff: other, date: rph.date, template: rph.template }));
    expect(moved.body.schedule.assignments).not.toContainEqual(expect.objectContaining({ staff: rph.staff, date: rph.date, template: rph.template }));
    const swapped = await h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits: [{ op: "swap", date: rph.date, staff: [rph.staff, other] }] }, manager, { "if-match": moved.headers.get("etag")! });
    expect(swapped.status).toBe(200);
    expect(swapped.body.schedule.assignments).toContainEqual(expect.objectContaining({ staff: rph.staff, date: rph.date, template: rph.template }));
    expect(swapped.body.explanation.total).toEqual(expect.any(Number));
    const missing = await h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits: [{ op: "unlock", staff: "A", date: "2026-03-02", template: "IV10" }] }, manager, { "if-match": swapped.headers.get("etag")! });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe("edits[0]");
  });

  it("publishes immutable versions numbered per site; a published one cannot be edited", async () => {
    const etag = { "if-match": (await h.api.get(`/sites/test/schedules/${draftId}`, manager)).headers.get("etag")! };
    const first = await h.api.post(`/sites/test/schedules/${draftId}/publish`, undefined, manager, etag);
    expect(first.status).toBe(201);
    expect(first.body.schedule).toMatchObject({ status: "published", version: 1, source: "publish", sourceId: draftId });
    // The draft published as it stands is refused (nothing new); changed, it is the next version.
    expect((await h.api.post(`/sites/test/schedules/${draftId}/publish`, undefined, manager, etag)).status).toBe(409);
    const lock = first.body.schedule.assignments[0];
    const edited = await h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits: [{ op: lock.locked ? "unlock" : "lock", staff: lock.staff, date: lock.date, template: lock.template }] }, manager, etag);
    expect(edited.status).toBe(200);
    const second = await h.api.post(`/sites/test/schedules/${draftId}/publish`, undefined, manager, { "if-match": edited.headers.get("etag")! });
    expect(second.body.schedule.version).toBe(2);
    const published = await h.api.get(`/sites/test/schedules/${first.body.schedule.id}`, manager);
    const edit = await h.api.post(`/sites/test/schedules/${first.body.schedule.id}/edits`, { edits: [{ op: "swap", date: "2026-03-02", staff: ["A", "B"] }] }, manager, { "if-match": published.headers.get("etag")! });
    expect(edit.status).toBe(409);
    expect(() => h.store.db.prepare("UPDATE schedules SET assignments = '[]' WHERE id = ?").run(first.body.schedule.id)).toThrow(/immutable/);
    const list = await h.api.get("/sites/test/schedules", manager);
    expect(list.body.map((s: { status: string }) => s.status)).toEqual(["published", "published", "draft"]);
  });

  it("shows a person their own published assignments", async () => {
    const cat = h.token("staff", "test", "C");
    const own = await h.api.get("/sites/test/staff/C/assignments", cat);
    expect(own.status).toBe(200);
    expect(own.body.version).toBe(2);
    expect(own.body.assignments.every((a: { staff: string }) => a.staff === "C")).toBe(true);
    // A manager's typo is nobody, not somebody with no shifts.
    const typo = await h.api.get("/sites/test/staff/c/assignments", manager);
    expect(typo.status).toBe(404);
    expect(typo.body.detail).toBe("no staff member c at site test");
  });

  it("posts a manager's draft and analyzes a schedule without storing it", async () => {
    const schedule = { assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }, { staff: "A", date: "2026-03-02", template: "E8" }] };
    const count = h.store.schedules.list("test").length;
    const analyzed = await h.api.post("/sites/test/schedules/analyze", schedule, manager);
    expect(analyzed.status).toBe(200);
    expect(analyzed.body.feasible).toBe(false);
    expect(analyzed.body.violations.some((v: { rule: string }) => v.rule === "shift.one-per-day")).toBe(true);
    expect(h.store.schedules.list("test")).toHaveLength(count);
    const posted = await h.api.post("/sites/test/schedules/drafts", schedule, manager);
    expect(posted.status).toBe(201);
    expect(posted.body.schedule.source).toBe("manual");
    const unknown = await h.api.post("/sites/test/schedules/analyze", { assignments: [{ staff: "Q", date: "2026-03-02", template: "D8" }] }, manager);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual({ path: "assignments[0].staff", message: "unknown staff id", value: "Q" });
  });

  it("takes a schedule.json as rxroster writes it, with the horizon it records: checked, and not kept with the draft (repair-cli)", async () => {
    const file = { horizon: { start: "2026-03-02", end: "2026-03-03" }, assignments: [{ staff: "A", date: "2026-03-02", template: "D8", locked: false }] };
    expect((await h.api.post("/sites/test/schedules/analyze", file, manager)).status).toBe(200);
    const posted = await h.api.post("/sites/test/schedules/drafts", file, manager);
    expect(posted.status).toBe(201);
    expect(posted.body.schedule).not.toHaveProperty("horizon");
    const reversed = await h.api.post("/sites/test/schedules/analyze", { ...file, horizon: { start: "2026-03-03", end: "2026-03-02" } }, manager);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ path: "horizon.end", message: "must not be before horizon.start (2026-03-03)", value: "2026-03-02" }]);
    const short = await h.api.post("/sites/test/schedules/analyze", { ...file, horizon: { start: "2026-03-03", end: "2026-03-03" } }, manager);
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: "horizon", message: "must take in the dates of the schedule's assignments (assignments[0] is on 2026-03-02, outside 2026-03-03…2026-03-03)" }]);
  });

  it("cancels a queued job and leaves a finished one as it is", async () => {
    // Two long solves fill both slots (the harness's store holds one site: no slot is kept for another); the
    // third waits queued and is cancelled there. Each with its own time limit: an identical solve would be
    // answered with the first.
    expect((await h.api.put("/sites/test/horizon", { start: "2026-03-02", end: "2026-03-15" }, manager, { "if-match": "*" })).status).toBe(200);
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push((await h.api.post("/sites/test/schedules", { timeLimitSeconds: 30 + i, relativeGap: 0 }, manager)).body);
    expect(jobs.map((j) => j.status)).toEqual(["running", "running", "queued"]);
    const cancelled = await h.api.request("DELETE", `/jobs/${jobs[2].id}`, { token: manager });
    expect(cancelled.body.status).toBe("cancelled");
    for (const job of jobs.slice(0, 2)) expect((await h.api.post(`/jobs/${job.id}/cancel`, undefined, manager)).body.status).toBe("cancelled");
    await h.queue.drain();
    for (const job of jobs) {
      const after = await h.api.get(`/jobs/${job.id}`, manager);
      expect(after.body.status).toBe("cancelled");
      expect(after.body.scheduleId).toBeUndefined();
    }
    expect((await h.api.put("/sites/test/horizon", { start: "2026-03-02", end: "2026-03-04" }, manager, { "if-match": "*" })).status).toBe(200);
  });

  it("stops a running solve early and keeps its best schedule as the job's draft; a queued one is cancelled", async () => {
    expect((await h.api.put("/sites/test/horizon", { start: "2026-03-02", end: "2026-03-15" }, manager, { "if-match": "*" })).status).toBe(200);
    const jobs = [];
    // Each with its own time limit: an identical solve would be answered with the first.
    for (let i = 0; i < 3; i++) jobs.push((await h.api.post("/sites/test/schedules", { timeLimitSeconds: 60 + i, relativeGap: 0 }, manager)).body);
    expect((await h.api.post(`/jobs/${jobs[2].id}/stop`, undefined, manager)).body.status).toBe("cancelled");
    await h.api.post(`/jobs/${jobs[1].id}/cancel`, undefined, manager);
    // Stopped at once, while its worker is still preparing: it answers with its first schedule.
    const stopped = await h.api.post(`/jobs/${jobs[0].id}/stop`, undefined, manager);
    expect(stopped.status).toBe(200);
    const job = await waitForJob(h.api, jobs[0].id, manager);
    expect(job.status, JSON.stringify(job)).toBe("succeeded");
    expect(job.result.solveStatus).toMatch(/^(feasible|optimal)$/);
    const draft = await h.api.get(`/sites/test/schedules/${job.scheduleId}`, manager);
    expect(draft.body.schedule.assignments.length).toBeGreaterThan(0);
    const actions = (await h.api.get("/sites/test/audit", manager)).body.map((e: { action: string; subject?: string }) => e.action);
    expect(actions).toContain("job.stop");
    await h.queue.drain();
    expect((await h.api.put("/sites/test/horizon", { start: "2026-03-02", end: "2026-03-04" }, manager, { "if-match": "*" })).status).toBe(200);
  });

  it("keeps an audit trail of who changed what, readable by the manager", async () => {
    const audit = await h.api.get("/sites/test/audit", manager);
    const actions = audit.body.map((e: { action: string }) => e.action);
    expect(actions).toContain("site.create");
    expect(actions).toContain("staff.requests.replace");
    expect(actions).toContain("schedule.publish");
    expect(actions).toContain("job.cancel");
    expect(audit.body.find((e: { action: string }) => e.action === "site.create").role).toBe("admin");
  });
});

describe("the edges", () => {
  it("challenges a request without a token and serves the document and health publicly", async () => {
    const denied = await h.api.get("/sites");
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await h.api.get("/sites", "not-a-token")).headers.get("www-authenticate")).toMatch(/invalid_token/);
    // Another scheme is told the one expected, and its credentials are not echoed.
    const basic = await h.api.request("GET", "/sites", { headers: { authorization: "Basic YWRtaW46c2VjcmV0" } });
    expect(basic.status).toBe(401);
    expect(basic.body.detail).toBe("the API token goes as Authorization: Bearer <token> (got the Basic scheme)");
    expect(JSON.stringify(basic.body)).not.toContain("YWRtaW46c2VjcmV0");
    expect((await h.api.get("/openapi.json")).body.openapi).toBe("3.1.0");
    expect((await h.api.get("/healthz")).body).toEqual({ status: "ok" });
  });

  it("answers unknown routes, malformed JSON and wrong media types as problems, with security headers", async () => {
    const missing = await h.api.get("/nowhere");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await h.api.request("POST", "/sites", { token: admin, rawBody: "{nope" })).status).toBe(400);
    expect((await h.api.request("POST", "/sites", { token: admin, rawBody: "a=b", contentType: "text/plain" })).status).toBe(415);
  });

  it("answers a method a path does not take with 405 and the methods it does", async () => {
    const wrong = await h.api.request("DELETE", "/sites/test", { token: admin });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, PUT, HEAD");
    expect(wrong.body.title).toBe("Method not allowed");
    expect((await h.api.request("DELETE", "/sites/test/staff", { token: admin })).headers.get("allow")).toBe("GET, PUT, HEAD");
    // On a calendar feed too, for a live feed's token and a guess alike, without echoing either.
    const feed = await h.api.request("POST", "/sites/test/staff/A/feeds", { token: manager });
    expect(feed.status).toBe(201);
    for (const path of [`/calendars/${feed.body.token}.ics`, "/calendars/whatever.ics", `/CALENDARS/${feed.body.token}.ics`]) {
      for (const method of ["POST", "DELETE", "PUT"]) {
        const res = await h.api.request(method, path, {});
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD");
        expect(res.body).toEqual({ type: "https://rxroster.dev/problems/method-not-allowed", title: "Method not allowed", status: 405, detail: `${method} is not allowed on a calendar feed; allowed: GET, HEAD` });
      }
    }
    expect((await h.api.request("GET", `/calendars/${feed.body.token}.ics`, {})).status).toBe(200);
  });

  it("answers OPTIONS with 204 and the methods a path takes, on a feed and a guess alike", async () => {
    const feed = await h.api.request("POST", "/sites/test/staff/A/feeds", { token: manager });
    for (const path of [`/calendars/${feed.body.token}.ics`, "/calendars/whatever.ics"]) {
      const res = await h.api.request("OPTIONS", path, {});
      expect(res.status, path).toBe(204);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      expect(res.body).toBe("");
    }
    const site = await h.api.request("OPTIONS", "/sites/test", {});
    expect(site.status).toBe(204);
    expect(site.headers.get("allow")).toBe("GET, PUT, HEAD");
    expect((await h.api.request("OPTIONS", "/no/such/route", {})).status).toBe(404);
  });

  it("names a query parameter a route does not know, rather than answering unfiltered", async () => {
    const list = await h.api.get("/sites/test/schedules?status=published", manager);
    expect(list.status).toBe(400);
    expect(list.body.errors).toEqual([{ path: "status", message: "unknown query parameter", value: "published" }]);
    const report = await h.api.get("/sites/test/reports/fte?hires=2", manager);
    expect(report.status).toBe(400);
    expect(report.body.errors).toEqual([{ path: "hires", message: "unknown field", value: "2" }]);
  });
});
