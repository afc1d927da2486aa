/**
 * Last period's published shifts are the next period's history over the API (QA 3, finding F1): Ann's
 * nights of 03-03 and 03-04 (the second ends 03-05 07:00) are published, the horizon moves on to
 * 03-05..03-07, and her 07:00 day shift on 03-05 leaves her no rest — analyze, a posted draft, publish
 * and a solve job judge it so, as the CLI does with the nights given as `staff[].history`. A date the
 * stored input's own history names for her is taken as recorded, not as published.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, PlanningInput } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

let h: Harness;
let sites = 0;

const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });
/** The first period's version: Ann on nights 03-03 and 03-04, Ben on days. */
const FIRST = [slot("B", "2026-03-02", "D8"), slot("B", "2026-03-03", "D8"), slot("A", "2026-03-03", "N8"), slot("B", "2026-03-04", "D8"), slot("A", "2026-03-04", "N8")];
/** Ann's day shift straight off her published night of 03-04. */
const DAY_AFTER_NIGHT = slot("A", "2026-03-05", "D8");

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

/** The test site over 03-02..03-04 with Ben on leave for the next period, so only Ann can take its day floor. */
function site(id: string): PlanningInput {
  const input = testSite(id, 3);
  return { ...input, staff: input.staff.map((s) => (s.id === "B" ? { ...s, leave: [{ start: "2026-03-05", end: "2026-03-07", reason: "vacation" }] } : s)) };
}

async function put(id: string, token: string, part: string, body: unknown) {
  const read = await h.api.get(`/sites/${id}/${part}`, token);
  const res = await h.api.put(`/sites/${id}/${part}`, body, token, { "if-match": read.headers.get("etag")! });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function draft(id: string, token: string, assignments: Assignment[]) {
  const made = await h.api.post(`/sites/${id}/schedules/drafts`, { assignments }, token);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made;
}

/** A site of its own with FIRST published and the horizon moved on to 03-05..03-07. */
async function nextPeriod() {
  const id = `ph${++sites}`;
  h.store.sites.create(site(id), SYSTEM);
  const token = h.token("manager", id);
  const made = await draft(id, token, FIRST);
  const published = await h.api.post(`/sites/${id}/schedules/${made.body.schedule.id}/publish`, undefined, token, { "if-match": made.headers.get("etag")! });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  await put(id, token, "horizon", { start: "2026-03-05", end: "2026-03-07" });
  return { id, token };
}

const rest = (explanation: any) => explanation.violations.filter((v: any) => v.rule === "rest.min-between-shifts");

describe("published shifts before the horizon as history", () => {
  it("flags a day shift straight off a published night as too little rest, in analyze, a draft and publish", async () => {
    const { id, token } = await nextPeriod();
    const analyzed = await h.api.post(`/sites/${id}/schedules/analyze`, { assignments: [DAY_AFTER_NIGHT] }, token);
    expect(analyzed.status).toBe(200);
    expect(analyzed.body.feasible).toBe(false);
    expect(rest(analyzed.body)).toEqual([expect.objectContaining({ hard: true, message: "Ann rests 0.0 h between N8 on 2026-03-04 and D8 on 2026-03-05 (at least 10.0 h)" })]);

    const made = await draft(id, token, [DAY_AFTER_NIGHT]);
    expect(rest(made.body.explanation)).toHaveLength(1);
    const publish = await h.api.post(`/sites/${id}/schedules/${made.body.schedule.id}/publish`, undefined, token, { "if-match": made.headers.get("etag")! });
    expect(publish.status).toBe(409);
    expect(publish.body.errors.map((e: any) => e.message)).toContain("rest.min-between-shifts: Ann rests 0.0 h between N8 on 2026-03-04 and D8 on 2026-03-05 (at least 10.0 h)");
    // Derived when read: the site's stored input has no history.
    expect((await h.api.get(`/sites/${id}/staff`, token)).body.find((s: any) => s.id === "A").history).toEqual([]);
  });

  it("never puts the person on that shift in a solve job's schedule", async () => {
    const { id, token } = await nextPeriod();
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 10 }, token);
    expect(submitted.status).toBe(202);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status, JSON.stringify(job)).toBe("succeeded");
    const schedule = await h.api.get(`/sites/${id}/schedules/${job.scheduleId}`, token);
    const ann = schedule.body.schedule.assignments.filter((a: Assignment) => a.staff === "A");
    // Only Ann can take the day floor (Ben is on leave), so a solve without her nights puts her on D8 on 03-05.
    expect(ann.map((a: Assignment) => `${a.template}@${a.date}`)).not.toContain("D8@2026-03-05");
    expect(ann.map((a: Assignment) => `${a.template}@${a.date}`)).toContain("D8@2026-03-06");
    expect(rest(schedule.body.explanation)).toEqual([]);
  });

  it("takes a date the stored history names as recorded, and the published shifts of the other dates", async () => {
    const { id, token } = await nextPeriod();
    // Ann swapped her night of 03-04 for a day: recorded as history, it wins over the published night.
    const staff = (await h.api.get(`/sites/${id}/staff`, token)).body.map((s: any) => (s.id === "A" ? { ...s, history: [{ date: "2026-03-04", template: "D8" }], contract: { ...s.contract, maxConsecutiveDays: 4 } } : s));
    await put(id, token, "staff", staff);
    const week = [DAY_AFTER_NIGHT, slot("A", "2026-03-06", "D8"), slot("A", "2026-03-07", "D8")];
    const analyzed = await h.api.post(`/sites/${id}/schedules/analyze`, { assignments: week }, token);
    expect(analyzed.status).toBe(200);
    expect(rest(analyzed.body)).toEqual([]);
    // The published night of 03-03 still counts: 03-03 to 03-07 is five days in a row, one over her four.
    expect(analyzed.body.violations.filter((v: any) => v.rule === "days.max-consecutive").map((v: any) => v.message)).toEqual([
      expect.stringMatching(/^Ann works 5 days in a row, 2026-03-03 \(history\) to 2026-03-07/),
    ]);
  });
});
