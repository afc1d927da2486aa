/**
 * Shortening the horizon and publishing again: the shifts of the dates cut off stay published unless the
 * manager says what to do with them. Without `droppedDates` the publish is a 409 naming those dates that
 * stores nothing; `withdraw` takes their shifts out of every feed and the assignments API; `keep`
 * leaves them. (Audit finding F3, scratch/audit-calendar/REPORT.md.)
 */
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, setHorizon, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let site = 0;

const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });
/** Ann on 03-03 and 03-07, Ben on 03-07, over 03-02..03-08. */
const V1 = [slot("A", "2026-03-03", "D8"), slot("A", "2026-03-07", "D8"), slot("B", "2026-03-07", "E8")];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const publish = (siteId: string, id: string, token: string, etag: string, query = "") =>
  h.api.post(`/sites/${siteId}/schedules/${id}/publish${query}`, undefined, token, { "if-match": etag });

async function draftAndPublish(siteId: string, token: string, assignments: Assignment[], query = "") {
  const made = await h.api.post(`/sites/${siteId}/schedules/drafts`, { assignments }, token);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { draft: made.body.schedule.id as string, etag: made.headers.get("etag")!, res: await publish(siteId, made.body.schedule.id, token, made.headers.get("etag")!, query) };
}


/**
 * A site of its own with V1 published over 03-02..03-08, Ann's feed, and the horizon then cut to
 * 03-02..03-05: the draft of the shorter period can no longer name 03-07.
 */
async function shortened() {
  const id = `w${++site}`;
  h.store.sites.create(testSite(id, 7), SYSTEM);
  const manager = h.token("manager", id);
  const ann = h.token("staff", id, "A");
  expect((await draftAndPublish(id, manager, V1)).res.status).toBe(201);
  const feed = await h.api.request("POST", `/sites/${id}/staff/A/feeds`, { token: ann });
  expect(feed.status).toBe(201);
  await setHorizon(h, id, manager, "2026-03-02", "2026-03-05");
  return { id, manager, ann, feedToken: feed.body.token as string };
}

/** The local start dates of the shifts in a feed, read back with ical.js (America/Chicago day shifts: the UTC date is the local one). */
async function feedDates(feedToken: string): Promise<string[]> {
  const res = await h.api.request("GET", `/calendars/${feedToken}.ics`);
  expect(res.status).toBe(200);
  return new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c).startDate.toJSDate().toISOString().slice(0, 10)).sort();
}

async function assignmentDates(id: string, token: string, staff: string): Promise<string[]> {
  const res = await h.api.get(`/sites/${id}/staff/${staff}/assignments`, token);
  expect(res.status).toBe(200);
  return res.body.assignments.map((x: Assignment) => x.date);
}

describe("publishing after the horizon was shortened", () => {
  it("is refused with a 409 naming each date cut off and its shifts, storing nothing", async () => {
    const { id, manager } = await shortened();
    const before = { schedules: h.store.schedules.list(id).filter((s) => s.status === "published").length, audit: h.store.audit.list(id).length };
    const { res } = await draftAndPublish(id, manager, [slot("A", "2026-03-03", "D8")]);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/version 1 covered 2026-03-02\.\.2026-03-08 and the horizon is now 2026-03-02\.\.2026-03-05: 2 published shift\(s\) on 1 date\(s\)/);
    expect(res.body.detail).toMatch(/\?droppedDates=withdraw .* \?droppedDates=keep/);
    expect(res.body.errors).toEqual([{ path: "droppedDates", message: "2026-03-07: 2 shift(s) published by version 1, outside the horizon 2026-03-02..2026-03-05", value: "2026-03-07" }]);
    // The draft was stored (and audited) before the publish; the refused publish adds neither a version nor an audit row.
    expect(h.store.schedules.list(id).filter((s) => s.status === "published").length).toBe(before.schedules);
    expect(h.store.audit.list(id).length).toBe(before.audit + 1);
  });

  it("with droppedDates=withdraw takes the cut-off dates' shifts out of the person's feed and the assignments API", async () => {
    const { id, manager, ann, feedToken } = await shortened();
    expect(await feedDates(feedToken)).toEqual(["2026-03-03", "2026-03-07"]);
    const { res } = await draftAndPublish(id, manager, [slot("A", "2026-03-03", "D8")], "?droppedDates=withdraw");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.schedule.covers).toEqual({ start: "2026-03-02", end: "2026-03-08" });
    expect(await feedDates(feedToken)).toEqual(["2026-03-03"]);
    expect(await assignmentDates(id, ann, "A")).toEqual(["2026-03-03"]);
    expect(await assignmentDates(id, manager, "B")).toEqual([]);
    // Publishing the same period again asks nothing more; nor does next week's schedule.
    expect((await draftAndPublish(id, manager, [slot("A", "2026-03-04", "D8")])).res.status).toBe(201);
    await setHorizon(h, id, manager, "2026-03-09", "2026-03-15");
    expect((await draftAndPublish(id, manager, [slot("A", "2026-03-10", "D8")])).res.status).toBe(201);
    expect(await assignmentDates(id, ann, "A")).toEqual(["2026-03-04", "2026-03-10"]);
  });

  it("with droppedDates=keep leaves them published, as its version covers only its horizon", async () => {
    const { id, manager, ann, feedToken } = await shortened();
    const { res } = await draftAndPublish(id, manager, [slot("A", "2026-03-04", "D8")], "?droppedDates=keep");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.schedule.covers).toBeUndefined();
    expect(await feedDates(feedToken)).toEqual(["2026-03-04", "2026-03-07"]);
    expect(await assignmentDates(id, ann, "A")).toEqual(["2026-03-04", "2026-03-07"]);
    expect(await assignmentDates(id, manager, "B")).toEqual(["2026-03-07"]);
  });

  it("asks, too, when the period was shortened after a later one was published, and withdrawing leaves the later one's shifts", async () => {
    const id = `w${++site}`;
    h.store.sites.create(testSite(id, 7), SYSTEM);
    const manager = h.token("manager", id);
    const ann = h.token("staff", id, "A");
    expect((await draftAndPublish(id, manager, V1)).res.status).toBe(201);
    await setHorizon(h, id, manager, "2026-03-09", "2026-03-15");
    expect((await draftAndPublish(id, manager, [slot("A", "2026-03-10", "D8")])).res.status).toBe(201);
    // Back to the first week, cut to 03-02..03-05: 03-07 is still version 1's, the latest being next week's.
    await setHorizon(h, id, manager, "2026-03-02", "2026-03-05");
    const asked = await draftAndPublish(id, manager, [slot("A", "2026-03-03", "D8")]);
    expect(asked.res.status).toBe(409);
    expect(asked.res.body.errors).toEqual([{ path: "droppedDates", message: "2026-03-07: 2 shift(s) published by version 1, outside the horizon 2026-03-02..2026-03-05", value: "2026-03-07" }]);
    const withdrawn = await publish(id, asked.draft, manager, asked.etag, "?droppedDates=withdraw");
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(201);
    expect(withdrawn.body.schedule.covers).toEqual({ start: "2026-03-02", end: "2026-03-08" });
    expect(await assignmentDates(id, ann, "A")).toEqual(["2026-03-03", "2026-03-10"]);
    expect(await assignmentDates(id, manager, "B")).toEqual([]);
  });

  it("refuses to withdraw dates that lie on both sides of a later version's, naming its date, storing nothing", async () => {
    const id = `w${++site}`;
    h.store.sites.create(testSite(id, 7), SYSTEM);
    const manager = h.token("manager", id);
    expect((await draftAndPublish(id, manager, V1)).res.status).toBe(201);
    // Version 2 speaks for 03-06 alone (its other dates kept); then the week is cut to 03-02..03-04.
    await setHorizon(h, id, manager, "2026-03-06", "2026-03-06");
    expect((await draftAndPublish(id, manager, [slot("A", "2026-03-06", "D8")], "?droppedDates=keep")).res.status).toBe(201);
    await setHorizon(h, id, manager, "2026-03-02", "2026-03-04");
    const published = h.store.schedules.list(id).filter((x) => x.status === "published").length;
    const { res } = await draftAndPublish(id, manager, [slot("A", "2026-03-03", "D8")], "?droppedDates=withdraw");
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ path: "droppedDates", message: "2026-03-06 is version 2's, between the dates to withdraw", value: "withdraw" }]);
    expect(h.store.schedules.list(id).filter((x) => x.status === "published").length).toBe(published);
  });
});
