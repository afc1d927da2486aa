/**
 * A stored schedule as the schedule page over real HTTP: `GET …/schedules/{id}?format=html` answers
 * text/html to whoever may read the schedule as JSON, and 403 to everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let scheduleId = "";
const base = testSite("page");

beforeAll(async () => {
  h = await startHarness();
  // A name that would be markup if it were not escaped.
  h.store.sites.create({ ...base, staff: base.staff.map((s) => (s.id === "A" ? { ...s, name: `<script>alert(1)</script> Ann` } : s)) }, SYSTEM);
  scheduleId = h.store.schedules.createDraft("page", [
    { staff: "A", date: "2026-03-02", template: "E8", locked: true },
    { staff: "A", date: "2026-03-03", template: "D8", locked: false },
  ], "manual", undefined, SYSTEM).id;
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("GET /sites/{siteId}/schedules/{scheduleId}?format=html", () => {
  it("answers the schedule page as text/html with the schedule's ETag", async () => {
    const res = await h.api.get(`/sites/page/schedules/${scheduleId}?format=html`, h.token("manager", "page"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("etag")).toBe('"schedule-1"');
    const html = res.body as string;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`schedule ${scheduleId}, draft, revision 1`);
    expect(html.match(/<tr class="staff"/g)).toHaveLength(base.staff.length);
    expect(html).toMatch(/<td class="cell[^"]*\blocked\b[^"]*" data-date="2026-03-02"[^>]*>E8<\/td>/);
    expect(html).toMatch(/class="cell[^"]* violation" data-date="2026-03-03"/);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Ann");
  });

  it("still answers JSON by default and with format=json, and names a format it does not know", async () => {
    const manager = h.token("manager", "page");
    for (const path of [`/sites/page/schedules/${scheduleId}`, `/sites/page/schedules/${scheduleId}?format=json`]) {
      const res = await h.api.get(path, manager);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body.explanation.feasible).toBe(false);
    }
    const bad = await h.api.get(`/sites/page/schedules/${scheduleId}?format=pdf`, manager);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: "format" });
  });

  it("is for those who may read the schedule: HR yes; a staff token or another site's manager 403", async () => {
    const path = `/sites/page/schedules/${scheduleId}?format=html`;
    expect((await h.api.get(path, h.token("hr", "page"))).status).toBe(200);
    expect((await h.api.get(path, h.token("admin"))).status).toBe(200);
    for (const token of [h.token("staff", "page", "A"), h.token("manager", "other")]) {
      const res = await h.api.get(path, token);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    expect((await h.api.get(path)).status).toBe(401);
  });

  it("answers 409 naming the problems when the site's data changed so that the schedule no longer fits it", async () => {
    const site = h.store.sites.create({ ...testSite("changed") }, SYSTEM);
    expect(site.ok).toBe(true);
    const id = h.store.schedules.createDraft("changed", [{ staff: "D", date: "2026-03-02", template: "T12", locked: false }], "manual", undefined, SYSTEM).id;
    const updated = h.store.sites.update("changed", SYSTEM, "test.remove-staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== "D") }));
    expect(updated.ok).toBe(true);
    const res = await h.api.get(`/sites/changed/schedules/${id}?format=html`, h.token("manager", "changed"));
    expect(res.status).toBe(409);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors[0].path).toMatch(/^assignments\[0\]/);
    expect(res.body.detail).toBe(`schedule ${id} no longer fits the site's planning data, so it has no page; edit it first`);
  });

  const remedy = "it is published version 1, which can never be edited: post its assignments again as a new draft without what no longer fits, " +
    "or repair from it (a solve with baseScheduleId and repair drops what no longer fits)";

  it("shows a published version's page against the input it was published with, a leaver's shift and all; its candidates, today's staff, say to make a new draft", async () => {
    expect(h.store.sites.create({ ...testSite("left") }, SYSTEM).ok).toBe(true);
    const draft = h.store.schedules.createDraft("left", [{ staff: "D", date: "2026-03-02", template: "T12", locked: false }], "manual", undefined, SYSTEM);
    const published = h.store.schedules.publish("left", draft.id, SYSTEM);
    expect(published.ok).toBe(true);
    const version = published.ok ? published.value : draft;
    expect(h.store.sites.update("left", SYSTEM, "test.remove-staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== "D") })).ok).toBe(true);
    const manager = h.token("manager", "left");
    const page = await h.api.get(`/sites/left/schedules/${version.id}?format=html`, manager);
    expect(page.status).toBe(200);
    const candidates = await h.api.get(`/sites/left/schedules/${version.id}/candidates?date=2026-03-03&shift=T12`, manager);
    expect(candidates.status).toBe(409);
    expect(candidates.body.detail).toBe(`schedule ${version.id} no longer fits the site's planning data, so nobody can be ranked for its open shift; ${remedy}`);
    // What it says can be done: the edit it does not suggest is refused.
    const edit = await h.api.post(`/sites/left/schedules/${version.id}/edits`, { edits: [{ op: "remove", staff: "D", date: "2026-03-02", template: "T12" }] }, manager, { "if-match": "*" });
    expect(edit.status).toBe(409);
    expect(edit.body.detail).toMatch(/can never be edited/);
  });

  it("answers 409 for the page of a version published before versions kept their input, judged against the site's as it stands, and says so", async () => {
    expect(h.store.sites.create({ ...testSite("unkept") }, SYSTEM).ok).toBe(true);
    // As a version published before migration 5 is stored: no input with it.
    const id = "unkept-version-1";
    const at = new Date().toISOString();
    h.store.db
      .prepare("INSERT INTO schedules (id, site_id, status, version, source, assignments, created_at, updated_at) VALUES (?, 'unkept', 'published', 1, 'publish', ?, ?, ?)")
      .run(id, JSON.stringify([{ staff: "D", date: "2026-03-02", template: "T12", locked: false }]), at, at);
    expect(h.store.sites.update("unkept", SYSTEM, "test.remove-staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== "D") })).ok).toBe(true);
    const page = await h.api.get(`/sites/unkept/schedules/${id}?format=html`, h.token("manager", "unkept"));
    expect(page.status).toBe(409);
    expect(page.body.detail).toBe(
      `schedule ${id} no longer fits the site's planning data, so it has no page (it was published before versions kept the planning input they were published with, ` +
        `so it is judged against the site's as it stands); ${remedy}`,
    );
    expect(page.body.errors).toEqual([expect.objectContaining({ path: "assignments[0].staff", value: "D" })]);
  });
});
