/**
 * Last month's published version after the site's horizon moved on (QA3 F3): explained and shown against
 * the planning input it was published with, so HR and managers can review it, as before the move, and an
 * hr token reads no more of people's leave and requests than it did then. A draft is still judged against
 * the site's input as it stands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, type Harness } from "./harness.js";
import { LEAVE_START, REASON, siteWithPersonalDetails } from "./personal-details-fixture.js";

const SITE = "lastmonth";

let h: Harness;
let manager = "";
let hr = "";
let versionId = "";
let draftId = "";

/** What a reader gets of a schedule: its JSON and its page. */
async function read(id: string, token: string) {
  const json = await h.api.get(`/sites/${SITE}/schedules/${id}`, token);
  const page = await h.api.get(`/sites/${SITE}/schedules/${id}?format=html`, token);
  return { json: { status: json.status, body: json.body }, page: { status: page.status, body: page.body } };
}

const before: Record<"manager" | "hr", Awaited<ReturnType<typeof read>> | undefined> = { manager: undefined, hr: undefined };

beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(siteWithPersonalDetails(SITE), SYSTEM);
  manager = h.token("manager", SITE);
  hr = h.token("hr", SITE);
  // Ann works on her leave (a hard rule, accepted at publish); Ben works a day, not the evening he asked
  // for; Cat works the day she asked off.
  const assignments = [
    { staff: "A", date: "2026-03-03", template: "D8", locked: false },
    { staff: "B", date: "2026-03-02", template: "D8", locked: false },
    { staff: "C", date: "2026-03-04", template: "T12", locked: false },
  ];
  const draft = await h.api.post(`/sites/${SITE}/schedules/drafts`, { assignments }, manager);
  draftId = draft.body.schedule.id;
  const published = await h.api.post(`/sites/${SITE}/schedules/${draftId}/publish?acceptHardViolations=true`, undefined, manager, { "if-match": '"schedule-1"' });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  versionId = published.body.schedule.id;
  before.manager = await read(versionId, manager);
  before.hr = await read(versionId, hr);
  // Next month is planned: the horizon moves on, and every shift of the version lies outside it.
  const moved = await h.api.put(`/sites/${SITE}/horizon`, { start: "2026-03-09", end: "2026-03-11" }, manager, { "if-match": "*" });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("GET /sites/{siteId}/schedules/{scheduleId} of a version published before the horizon moved on", () => {
  it("explains it and shows its page to the manager as it did before the move", async () => {
    const after = await read(versionId, manager);
    expect(after.json.status).toBe(200);
    expect(after.json.body.problems).toBeUndefined();
    expect(after.json.body.explanation.violations.map((v: { rule: string }) => v.rule)).toContain("leave.approved");
    expect(after.page.status).toBe(200);
    expect(after).toEqual(before.manager);
  });

  it("explains it and shows its page to hr as before, still without people's leave and requests", async () => {
    const after = await read(versionId, hr);
    expect(after.json.status).toBe(200);
    expect(after.json.body.explanation.violations).toContainEqual(expect.objectContaining({ rule: "leave.approved", message: "Ann is on approved leave but works Day (D8) on 2026-03-03" }));
    expect(after.json.body.explanation.violations.filter((v: { rule: string }) => v.rule.startsWith("requests."))).toEqual([]);
    expect(after.page.status).toBe(200);
    expect(after).toEqual(before.hr);
    for (const text of [JSON.stringify(after.json.body), after.page.body as string]) {
      expect(text).not.toContain(REASON);
      expect(text).not.toContain(LEAVE_START);
    }
  });

  it("still judges a draft against the site's input as it stands: its problems, and no page", async () => {
    const after = await read(draftId, manager);
    expect(after.json.status).toBe(200);
    expect(after.json.body.explanation).toBeUndefined();
    expect(after.json.body.problems[0]).toEqual(expect.objectContaining({ path: "assignments[0].date", message: "must be within the horizon 2026-03-09…2026-03-11" }));
    expect(after.page.status).toBe(409);
    expect(after.page.body.detail).toBe(`schedule ${draftId} no longer fits the site's planning data, so it has no page; edit it first`);
  });
});
