/**
 * What an hr token reads of people's approved leave and requests over real HTTP: nothing (api/auth.ts),
 * through any route. A stored schedule's explanation and page tell it that a shift falls on approved
 * leave, without the leave's reason or dates, and list no request, while every figure stays the manager's;
 * analyze, candidates and solve jobs, which would tell more, are refused. The manager reads all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Explanation } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, type Harness } from "./harness.js";
import { LEAVE_START, REASON, siteWithPersonalDetails } from "./personal-details-fixture.js";

const SITE = "hrw";

let h: Harness;
let manager = "";
let hr = "";
let scheduleId = "";
let solveJobId = "";

beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(siteWithPersonalDetails(SITE), SYSTEM);
  manager = h.token("manager", SITE);
  hr = h.token("hr", SITE);
  // Ann works on her leave; Ben works a day, not the evening he asked for; Cat works the day she asked off.
  scheduleId = h.store.schedules.createDraft(SITE, [
    { staff: "A", date: "2026-03-03", template: "D8", locked: false },
    { staff: "B", date: "2026-03-02", template: "D8", locked: false },
    { staff: "C", date: "2026-03-04", template: "T12", locked: false },
    { staff: "D", date: "2026-03-02", template: "T12", locked: false },
  ], "manual", undefined, SYSTEM).id;
  // A solve that failed as an infeasible one does, naming the conflict as the planning data has it.
  solveJobId = h.store.jobs.create(SITE, { timeLimitSeconds: 1, warmStart: false }, SYSTEM).id;
  h.store.jobs.end(solveJobId, "failed", `infeasible: the hard rules cannot all hold, e.g. Ann: approved leave (${REASON}) ${LEAVE_START} to 2026-03-03 and contract minimum of 2,400 paid minutes over the horizon cannot both hold`);
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const WITHHELD_LEAVE = "Ann is on approved leave but works Day (D8) on 2026-03-03";
const isRequestRule = (rule: string): boolean => rule.startsWith("requests.");

describe("GET /sites/{siteId}/schedules/{scheduleId} as JSON", () => {
  it("tells hr a shift falls on approved leave without its reason or dates, lists no request, and keeps every figure", async () => {
    const asManager = await h.api.get(`/sites/${SITE}/schedules/${scheduleId}`, manager);
    const asHr = await h.api.get(`/sites/${SITE}/schedules/${scheduleId}`, hr);
    expect([asManager.status, asHr.status]).toEqual([200, 200]);
    const full: Explanation = asManager.body.explanation;
    const shown: Explanation = asHr.body.explanation;

    // The manager reads the leave with its reason and dates, and each request not granted.
    expect(full.violations.find((v) => v.rule === "leave.approved")!.message).toBe(`Ann is on approved leave (${REASON}, ${LEAVE_START} to 2026-03-03) but works Day (D8) on 2026-03-03`);
    expect(full.violations.filter((v) => isRequestRule(v.rule)).map((v) => v.message)).toEqual([
      "Ben asked to work E8 on 2026-03-02 and works D8 instead",
      "Cat asked for 2026-03-04 off and is scheduled on T12",
    ]);

    const text = JSON.stringify(asHr.body);
    expect(text).not.toContain(REASON);
    expect(text).not.toContain(LEAVE_START);
    expect(text).not.toContain("asked");
    expect(shown.violations).toEqual(full.violations.filter((v) => !isRequestRule(v.rule)).map((v) => (v.rule === "leave.approved" ? { ...v, message: WITHHELD_LEAVE } : v)));
    // Everything else is the manager's: the schedule, whether it keeps the hard rules, the total, each rule's count and penalty, the requests granted of all.
    expect({ ...shown, violations: [] }).toEqual({ ...full, violations: [] });
    expect(shown.feasible).toBe(false);
    expect(shown.requests).toMatchObject({ total: 2, granted: 0 });
    expect(asHr.body.schedule).toEqual(asManager.body.schedule);
  });
});

describe("GET /sites/{siteId}/schedules/{scheduleId}?format=html", () => {
  it("marks no leave on hr's page and lists no request; the manager's page marks both", async () => {
    const path = `/sites/${SITE}/schedules/${scheduleId}?format=html`;
    const [asManager, asHr] = [await h.api.get(path, manager), await h.api.get(path, hr)];
    expect([asManager.status, asHr.status]).toEqual([200, 200]);
    const full = asManager.body as string;
    const shown = asHr.body as string;

    expect(full).toContain(`approved leave: ${REASON}`);
    expect(full).toMatch(/<td class="cell[^"]*\bleave\b[^"]*" data-date="2026-03-02"[^>]*>L<\/td>/);
    expect(full).toContain("Ben asked to work E8 on 2026-03-02 and works D8 instead");

    expect(shown).not.toContain(REASON);
    expect(shown).not.toContain(LEAVE_START);
    expect(shown).not.toContain("asked");
    expect(shown).not.toMatch(/class="cell[^"]*\bleave\b/);
    expect(shown).not.toContain(">L<");
    expect(shown).toContain("People's approved leave and requests are not shown on this page.");
    // Still there: the hard rule broken on Ann's shift (outlined, and listed), the figures, each request rule's count.
    expect(shown).toMatch(/<td class="cell[^"]*\bviolation\b[^"]*" data-date="2026-03-03"[^>]*>D8<\/td>/);
    expect(shown).toContain(`<li>${WITHHELD_LEAVE}</li>`);
    expect(shown).toContain("<dt>Requests granted</dt><dd>0 of 2</dd>");
    expect(full).toContain("<dt>Requests granted</dt><dd>0 of 2</dd>");
    expect(shown).toMatch(/data-rule="requests\.shift-on"><h3>[^<]*<span class="muted">\(requests\.shift-on, soft\): 1 violation, [^<]*<\/span><\/h3><ul><li class="more">not listed: they name people's requests<\/li><\/ul>/);
  });
});

describe("routes where the caller picks the shifts, and solve jobs", () => {
  it("refuses analyze to hr; the manager reads the leave's reason", async () => {
    const schedule = { assignments: [{ staff: "A", date: "2026-03-03", template: "D8" }] };
    const asHr = await h.api.post(`/sites/${SITE}/schedules/analyze`, schedule, hr);
    expect(asHr.status).toBe(403);
    expect(asHr.body.detail).toBe("an hr token may not analyze schedules or rank candidates for an open shift");
    expect(JSON.stringify(asHr.body)).not.toContain(REASON);
    const asManager = await h.api.post(`/sites/${SITE}/schedules/analyze`, schedule, manager);
    expect(asManager.status).toBe(200);
    expect(asManager.body.violations.find((v: { rule: string }) => v.rule === "leave.approved").message).toContain(REASON);
  });

  it("refuses candidates to hr; the manager reads why Ann may not take the shift", async () => {
    const path = `/sites/${SITE}/schedules/${scheduleId}/candidates?date=2026-03-02&shift=E8`;
    const asHr = await h.api.get(path, hr);
    expect(asHr.status).toBe(403);
    expect(JSON.stringify(asHr.body)).not.toContain(REASON);
    const asManager = await h.api.get(path, manager);
    expect(asManager.status).toBe(200);
    expect(asManager.body.excluded.find((e: { staff: string }) => e.staff === "A")).toMatchObject({ rule: "leave.approved", message: expect.stringContaining(REASON) });
  });

  it("refuses a solve job to hr, whose failure quotes the leave; the manager reads it", async () => {
    const asHr = await h.api.get(`/jobs/${solveJobId}`, hr);
    expect(asHr.status).toBe(403);
    expect(asHr.body.detail).toBe("an hr token may not read a site's planning data");
    expect(JSON.stringify(asHr.body)).not.toContain(REASON);
    const asManager = await h.api.get(`/jobs/${solveJobId}`, manager);
    expect(asManager.status).toBe(200);
    expect(asManager.body.error).toContain(REASON);
  });
});
