/**
 * Re-publishing a period after the next one was published (QA 7, F1): its shifts are the next version's
 * history, so a night added on the last day can leave the published 07:00 start after it without rest, and
 * a run of days can run on past the edge. The publish is refused with a 409 naming each hard rule the
 * later version would break that it does not break now, storing nothing, unless the request says
 * `?acceptLaterViolations=true` (a call-out fix must still go out): then the reply lists them in
 * `laterVersions` and the audit says so. A rule the later version breaks already is not named. Analyze
 * tells the same beforehand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, PlanningInput } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, setHorizon, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let sites = 0;

const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

/** The test site over 03-02..03-04, Ben working at most 3 days in a row. */
function site(id: string): PlanningInput {
  const input = testSite(id, 3);
  return { ...input, staff: input.staff.map((s) => (s.id === "B" ? { ...s, contract: { ...s.contract, maxConsecutiveDays: 3 } } : s)) };
}


async function draft(id: string, token: string, assignments: Assignment[]) {
  const made = await h.api.post(`/sites/${id}/schedules/drafts`, { assignments }, token);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { id: made.body.schedule.id as string, etag: made.headers.get("etag")! };
}

const publish = (id: string, made: { id: string; etag: string }, token: string, query = "") =>
  h.api.post(`/sites/${id}/schedules/${made.id}/publish${query}`, undefined, token, { "if-match": made.etag });

/**
 * A site of its own with the first period (Ben on 03-02) published as version 1, then the next period
 * 03-05..03-07 as version 2 (`next`, by default Ann's day and Ben's on 03-05 and 03-06), and the horizon
 * moved back to the first period for a fix.
 */
async function nextPublished(next = [slot("A", "2026-03-05", "D8"), slot("B", "2026-03-05", "E8"), slot("B", "2026-03-06", "E8")], query = "") {
  const id = `lv${++sites}`;
  h.store.sites.create(site(id), SYSTEM);
  const token = h.token("manager", id);
  expect((await publish(id, await draft(id, token, [slot("B", "2026-03-02", "D8")]), token)).status).toBe(201);
  await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
  const second = await publish(id, await draft(id, token, next), token, query);
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  await setHorizon(h, id, token, "2026-03-02", "2026-03-04");
  return { id, token, next: second.body.schedule.id as string };
}

/** The fix: Ann on the night of 03-04 (it ends 03-05 07:00), Ben on 03-03 and 03-04. */
const FIX = [slot("B", "2026-03-03", "D8"), slot("A", "2026-03-04", "N8"), slot("B", "2026-03-04", "D8")];
const REST = "Ann rests 0.0 h between N8 on 2026-03-04 and D8 on 2026-03-05 (at least 10.0 h)";

describe("publishing a period before one already published", () => {
  it("is refused with 409 naming each hard rule the later version would break with it as history, storing nothing", async () => {
    const { id, token, next } = await nextPublished();
    const made = await draft(id, token, FIX);
    const before = { published: h.store.schedules.publishedVersions(id).length, audit: h.store.audit.list(id).length };
    const refused = await publish(id, made, token);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.detail).toMatch(/^published later, version 2 \(2026-03-05\.\.2026-03-07\) would break 2 hard rule\(s\) it does not break now/);
    expect(refused.body.detail).toContain(`?acceptLaterViolations=true and then repair the later version (a repair with baseScheduleId ${next})`);
    expect(refused.body.errors).toEqual([
      { path: "laterVersions[0].violations[0]", message: `version 2: rest.min-between-shifts: ${REST}` },
      { path: "laterVersions[0].violations[1]", message: expect.stringMatching(/^version 2: days\.max-consecutive: Ben works 4 days in a row, 2026-03-03 \(history\) to 2026-03-06/) },
    ]);
    expect({ published: h.store.schedules.publishedVersions(id).length, audit: h.store.audit.list(id).length }).toEqual(before);
  });

  it("is told by analyze beforehand, which stores nothing", async () => {
    const { id, token, next } = await nextPublished();
    const analyzed = await h.api.post(`/sites/${id}/schedules/analyze`, { assignments: FIX }, token);
    expect(analyzed.status).toBe(200);
    expect(analyzed.body.feasible).toBe(true);
    expect(analyzed.body.laterVersions).toEqual([
      { id: next, version: 2, dates: { start: "2026-03-05", end: "2026-03-07" }, violations: [expect.objectContaining({ rule: "rest.min-between-shifts", message: REST }), expect.objectContaining({ rule: "days.max-consecutive" })] },
    ]);
    const harmless = await h.api.post(`/sites/${id}/schedules/analyze`, { assignments: [slot("A", "2026-03-03", "N8")] }, token);
    expect(harmless.status).toBe(200);
    expect(harmless.body.laterVersions).toBeUndefined();
    expect(h.store.schedules.publishedVersions(id)).toHaveLength(2);
  });

  it("is published when the request accepts it, listing what the later version breaks in the reply and the audit", async () => {
    const { id, token, next } = await nextPublished();
    const published = await publish(id, await draft(id, token, FIX), token, "?acceptLaterViolations=true");
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.schedule.version).toBe(3);
    expect(published.body.explanation.feasible).toBe(true);
    expect(published.body.laterVersions).toEqual([
      {
        id: next, version: 2, dates: { start: "2026-03-05", end: "2026-03-07" },
        violations: [expect.objectContaining({ rule: "rest.min-between-shifts", hard: true, message: REST }), expect.objectContaining({ rule: "days.max-consecutive", hard: true })],
      },
    ]);
    const audit = (await h.api.get(`/sites/${id}/audit`, token)).body.map((e: { action: string }) => e.action);
    expect(audit).toContain("schedule.publish.accept-later-violations");
    // The later version, read, is judged with the fix as its history: the same finding.
    const read = await h.api.get(`/sites/${id}/schedules/${next}`, token);
    expect(read.body.explanation.violations.map((v: { message: string }) => v.message)).toContain(REST);
  });

  it("is published as before when the later version breaks nothing more", async () => {
    const { id, token } = await nextPublished();
    // Ann's night of 03-03 ends 03-04 07:00, a day before her shift of 03-05; Ben works 03-04 and on, three days.
    const published = await publish(id, await draft(id, token, [slot("A", "2026-03-03", "N8"), slot("B", "2026-03-04", "D8")]), token);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.laterVersions).toBeUndefined();
    const audit = (await h.api.get(`/sites/${id}/audit`, token)).body.map((e: { action: string }) => e.action);
    expect(audit).toContain("schedule.publish");
  });

  it("does not name a rule the later version breaks already", async () => {
    // Version 1 gave Ann the night of 03-04 before version 2 gave her the day after it, accepted.
    const id = `lv${++sites}`;
    h.store.sites.create(site(id), SYSTEM);
    const token = h.token("manager", id);
    expect((await publish(id, await draft(id, token, [slot("A", "2026-03-04", "N8")]), token)).status).toBe(201);
    await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
    expect((await publish(id, await draft(id, token, [slot("A", "2026-03-05", "D8")]), token, "?acceptHardViolations=true")).status).toBe(201);
    await setHorizon(h, id, token, "2026-03-02", "2026-03-04");
    const published = await publish(id, await draft(id, token, [slot("B", "2026-03-02", "D8"), slot("A", "2026-03-04", "N8")]), token);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.laterVersions).toBeUndefined();
  });
});
