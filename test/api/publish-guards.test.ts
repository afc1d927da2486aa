/**
 * What publishing a draft must pass before it reaches everyone's calendar: the draft's ETag as If-Match
 * (428 without, 412 when edited since it was read), no version published since it was drafted for any of
 * its dates (QA 7, F4: last period's version is no matter), shift
 * times as they were drafted, and no hard rule broken unless accepted explicitly. Each refusal stores
 * nothing. (Audit findings F1 and F2, scratch/audit-calendar/REPORT.md.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, PlanningInput } from "../../models/index.js";
import { closeAndCheckLogs, freshSite as siteFor, setHorizon, startHarness, waitForJob, type Harness } from "./harness.js";

let h: Harness;

const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const freshSite = () => siteFor(h);

async function draft(siteId: string, token: string, assignments: Assignment[]) {
  const res = await h.api.post(`/sites/${siteId}/schedules/drafts`, { assignments }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.schedule.id as string, etag: res.headers.get("etag")! };
}

const publish = (siteId: string, id: string, token: string, headers?: Record<string, string>, query = "") =>
  h.api.post(`/sites/${siteId}/schedules/${id}/publish${query}`, undefined, token, headers);

/** What a refused publish must leave as it was: the schedules (and their assignments) and the audit trail. */
function stored(siteId: string) {
  return { schedules: h.store.schedules.list(siteId), audit: h.store.audit.list(siteId).length };
}

async function putSite(siteId: string, token: string, change: (input: PlanningInput) => PlanningInput) {
  const read = await h.api.get(`/sites/${siteId}`, token);
  const res = await h.api.put(`/sites/${siteId}`, change(read.body.input), token, { "if-match": read.headers.get("etag")! });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}


describe("a draft's ETag", () => {
  it("is read with the draft, and publishing or editing without it is a 428 naming If-Match that stores nothing", async () => {
    const { id, token } = freshSite();
    const made = await draft(id, token, [slot("A", "2026-03-02", "D8")]);
    expect(made.etag).toBe('"schedule-1"');
    expect((await h.api.get(`/sites/${id}/schedules/${made.id}`, token)).headers.get("etag")).toBe('"schedule-1"');
    const before = stored(id);
    const published = await publish(id, made.id, token);
    expect(published.status).toBe(428);
    expect(published.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(published.body.errors).toEqual([{ path: "If-Match", message: 'required: the ETag the schedule was read with, such as "schedule-3", or *' }]);
    const edited = await h.api.post(`/sites/${id}/schedules/${made.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, token);
    expect(edited.status).toBe(428);
    expect(stored(id)).toEqual(before);
  });

  it("refuses with 412 a publish of a draft edited since it was read, so nobody publishes edits they never saw", async () => {
    const { id, token } = freshSite();
    const made = await draft(id, token, [slot("A", "2026-03-02", "D8"), slot("B", "2026-03-03", "D8")]);
    const other = h.token("manager", id);
    const moved = await h.api.post(`/sites/${id}/schedules/${made.id}/edits`, { edits: [{ op: "move", from: { staff: "B", date: "2026-03-03", template: "D8" }, to: { staff: "A" } }] }, other, { "if-match": made.etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).toBe('"schedule-2"');
    const before = stored(id);
    const stale = await publish(id, made.id, token, { "if-match": made.etag });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toMatch(/has changed since it was read/);
    // An edit on the old read is refused the same way.
    expect((await h.api.post(`/sites/${id}/schedules/${made.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, token, { "if-match": made.etag })).status).toBe(412);
    expect(stored(id)).toEqual(before);
    expect((await publish(id, made.id, token, { "if-match": moved.headers.get("etag")! })).status).toBe(201);
  });
});

describe("a stale draft", () => {
  it("made before the latest version was published is refused with 409, so it cannot silently undo that version", async () => {
    const { id, token } = freshSite();
    const older = await draft(id, token, [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-03", "D8")]);
    const newer = await draft(id, token, [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-04", "E8")]);
    expect((await publish(id, newer.id, token, { "if-match": newer.etag })).status).toBe(201);
    const before = stored(id);
    const refused = await publish(id, older.id, token, { "if-match": older.etag });
    expect(refused.status).toBe(409);
    const v1 = h.store.schedules.latestPublished(id)!;
    expect(refused.body.detail).toMatch(/made before any version was published, and version 1 was published since \(.*\) for 2026-03-02\.\.2026-03-04, overlapping the horizon 2026-03-02\.\.2026-03-04/);
    expect(refused.body.detail).toContain(`Make a new draft from version 1 (a solve or a repair with baseScheduleId ${v1.id})`);
    expect(refused.body.errors).toEqual([{ path: "baseVersion", message: "drafted before any version was published; version 1, published since, speaks for 2026-03-02..2026-03-04, overlapping the horizon 2026-03-02..2026-03-04", value: 0 }]);
    expect(stored(id)).toEqual(before);
    // The draft that made version 1 may be published again once edited: it is not older than it.
    const edited = await h.api.post(`/sites/${id}/schedules/${newer.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, token, { "if-match": newer.etag });
    expect(edited.status).toBe(200);
    expect((await publish(id, newer.id, token, { "if-match": edited.headers.get("etag")! })).status).toBe(201);
  });

  it("is published when the only version published since has none of its dates (last period re-published after a call-out)", async () => {
    // QA 7, F4: this period's repair, made from its published version, stays publishable after last
    // period's fix is published; before, the 409 called last period's version one it would undo.
    const { id, token } = freshSite();
    const first = await draft(id, token, [slot("A", "2026-03-02", "D8")]);
    expect((await publish(id, first.id, token, { "if-match": first.etag })).status).toBe(201);
    await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
    const second = await draft(id, token, [slot("A", "2026-03-06", "D8")]);
    const v2 = await publish(id, second.id, token, { "if-match": second.etag });
    expect(v2.status).toBe(201);
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: v2.body.schedule.id, repair: { changeFrom: "2026-03-05", changeUntil: "2026-03-07" } }, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status, JSON.stringify(job)).toBe("succeeded");
    // Last period's call-out fixed and published as version 3 meanwhile.
    await setHorizon(h, id, token, "2026-03-02", "2026-03-04");
    const fix = await draft(id, token, [slot("A", "2026-03-03", "D8")]);
    expect((await publish(id, fix.id, token, { "if-match": fix.etag })).status).toBe(201);
    await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
    const repaired = await publish(id, job.scheduleId, token, { "if-match": '"schedule-1"' });
    expect(repaired.status, JSON.stringify(repaired.body)).toBe(201);
    expect(repaired.body.schedule.version).toBe(4);
  });

  it("repairs, when no base is named, the version that speaks for the horizon, not last period's published after it", async () => {
    // QA 7: with last period's fix published as the newest version, a repair of this period naming no base
    // started from that fix, which has none of this period's shifts, and was refused.
    const { id, token } = freshSite();
    await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
    const current = await draft(id, token, [slot("A", "2026-03-06", "D8")]);
    const thisPeriod = await publish(id, current.id, token, { "if-match": current.etag });
    expect(thisPeriod.status).toBe(201);
    await setHorizon(h, id, token, "2026-03-02", "2026-03-04");
    const fix = await draft(id, token, [slot("A", "2026-03-03", "D8")]);
    expect((await publish(id, fix.id, token, { "if-match": fix.etag })).status).toBe(201);
    await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, repair: { changeFrom: "2026-03-07", changeUntil: "2026-03-07" } }, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status, JSON.stringify(job)).toBe("succeeded");
    const repaired = await h.api.get(`/sites/${id}/schedules/${job.scheduleId}`, token);
    // The shift of 03-06 is outside the window: kept from the base, this period's version.
    expect(repaired.body.schedule.assignments).toContainEqual(expect.objectContaining({ staff: "A", date: "2026-03-06", template: "D8" }));
  });

  it("is refused for a version published since for only some of its dates, naming those", async () => {
    const { id, token } = freshSite();
    const made = await draft(id, token, [slot("A", "2026-03-02", "D8")]);
    // Version 1 speaks for 03-04 alone: the horizon was cut to it and the other dates left as they were.
    await setHorizon(h, id, token, "2026-03-04", "2026-03-04");
    const oneDay = await draft(id, token, [slot("A", "2026-03-04", "D8")]);
    expect((await publish(id, oneDay.id, token, { "if-match": oneDay.etag })).status).toBe(201);
    await setHorizon(h, id, token, "2026-03-02", "2026-03-04");
    const before = stored(id);
    const refused = await publish(id, made.id, token, { "if-match": made.etag });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ path: "baseVersion", message: "drafted before any version was published; version 1, published since, speaks for 2026-03-04..2026-03-04, overlapping the horizon 2026-03-02..2026-03-04", value: 0 }]);
    expect(stored(id)).toEqual(before);
  });

  it("holding the same shifts as the latest version, against the same site data, is refused with 409: a second click publishes nothing", async () => {
    const { id, token } = freshSite();
    const made = await draft(id, token, [slot("A", "2026-03-02", "D8")]);
    const clicks = await Promise.all([1, 2, 3].map(() => publish(id, made.id, token, { "if-match": made.etag })));
    expect(clicks.map((res) => res.status).sort()).toEqual([201, 409, 409]);
    expect(clicks.find((res) => res.status === 409)!.body.detail).toMatch(new RegExp(`^draft ${made.id} holds the same shifts as version 1 \\(published .*\\), against the same site data: there is nothing new to publish$`));
    expect(h.store.schedules.publishedVersions(id)).toHaveLength(1);
    // The same shifts against changed site data (a person renamed) is a version: calendars show the new name.
    await putSite(id, token, (input) => ({ ...input, staff: input.staff.map((s) => (s.id === "A" ? { ...s, name: "Ann Lee" } : s)) }));
    expect((await publish(id, made.id, token, { "if-match": made.etag })).status).toBe(201);
  });

  it("whose shifts' times changed since it was drafted is refused with 409 naming what changed; an unrelated change is not", async () => {
    const { id, token } = freshSite();
    const made = await draft(id, token, [slot("A", "2026-03-02", "D8")]);
    await putSite(id, token, (input) => ({ ...input, site: { ...input.site, name: "Renamed" } }));
    expect((await publish(id, made.id, token, { "if-match": made.etag })).status).toBe(201);
    const again = await draft(id, token, [slot("A", "2026-03-03", "D8")]);
    await putSite(id, token, (input) => ({ ...input, shiftTemplates: input.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, start: "05:00" } : t)) }));
    const before = stored(id);
    const refused = await publish(id, again.id, token, { "if-match": again.etag });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^shift times changed since the draft was made \(it was drafted at site revision 2, the site is at 3\)/);
    const index = h.store.sites.get(id)!.input.shiftTemplates.findIndex((t) => t.id === "D8");
    expect(refused.body.errors).toEqual([{ path: `shiftTemplates[${index}].start`, message: expect.stringMatching(/\(D8\) now starts at 05:00; the draft was made when it started at 07:00$/), value: "05:00" }]);
    expect(stored(id)).toEqual(before);
  });
});

describe("a draft the horizon moved away from", () => {
  it("is refused with advice that can be followed: move the horizon back or solve again, and take out what lies outside when only some does (QA7 F7)", async () => {
    const { id, token } = freshSite();
    const stale = await draft(id, token, [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-03", "D8")]);
    await setHorizon(h, id, token, "2026-03-05", "2026-03-07");
    const before = stored(id);
    const none = await publish(id, stale.id, token, { "if-match": stale.etag });
    expect(none.status).toBe(409);
    expect(none.body.detail).toMatch(
      /; none of its 2 shift\(s\) lies in the horizon 2026-03-05\.\.2026-03-07 any more: move the horizon back to 2026-03-02\.\.2026-03-04 to publish it, or solve again for the new horizon$/,
    );
    await setHorizon(h, id, token, "2026-03-03", "2026-03-05");
    const some = await publish(id, stale.id, token, { "if-match": stale.etag });
    expect(some.status).toBe(409);
    expect(some.body.detail).toMatch(
      /; 1 of its 2 shift\(s\) lie outside the horizon 2026-03-03\.\.2026-03-05: take them out \(remove edits, up to 500 in one request\), move the horizon back to 2026-03-02\.\.2026-03-04, or solve again for the new horizon$/,
    );
    expect(stored(id).schedules).toEqual(before.schedules);
  });
});

describe("a draft that breaks a hard rule", () => {
  async function onLeave() {
    const { id, token } = freshSite();
    const made = await draft(id, token, [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-04", "D8")]);
    const leave = await h.api.get(`/sites/${id}/staff/A/leave`, token);
    expect((await h.api.put(`/sites/${id}/staff/A/leave`, [{ start: "2026-03-04", end: "2026-03-04", reason: "vacation" }], token, { "if-match": leave.headers.get("etag")! })).status).toBe(200);
    return { id, token, made };
  }

  it("is refused with 409 listing its hard violations, and nothing is stored", async () => {
    const { id, token, made } = await onLeave();
    const before = stored(id);
    const refused = await publish(id, made.id, token, { "if-match": made.etag });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/breaks 1 hard rule\(s\); fix it, or publish it anyway with \?acceptHardViolations=true/);
    expect(refused.body.code).toBe("hard-violations");
    expect(refused.body.errors).toEqual([{ path: expect.stringMatching(/^explanation\.violations\[\d+\]$/), message: expect.stringMatching(/^leave\.approved: .* works .* on 2026-03-04$/) }]);
    expect(stored(id)).toEqual(before);
    expect(h.store.schedules.latestPublished(id)).toBeUndefined();
  });

  it("is published when the request accepts hard violations explicitly, listing them in the reply and the audit", async () => {
    const { id, token, made } = await onLeave();
    const published = await publish(id, made.id, token, { "if-match": made.etag }, "?acceptHardViolations=true");
    expect(published.status).toBe(201);
    expect(published.body.schedule).toMatchObject({ status: "published", version: 1 });
    expect(published.body.explanation.feasible).toBe(false);
    expect(published.body.explanation.violations).toContainEqual(expect.objectContaining({ rule: "leave.approved", hard: true }));
    const audit = (await h.api.get(`/sites/${id}/audit`, token)).body.map((e: { action: string }) => e.action);
    expect(audit).toContain("schedule.publish.accept-hard-violations");
  });
});
