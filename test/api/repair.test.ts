/**
 * A repair after a call-out over real HTTP: a solve job with `repair` changes the base schedule as little
 * as it can, only on the dates it may, and lists its changes; bad dates are a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, freshSite, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const days = ["2026-03-02", "2026-03-03", "2026-03-04"];
/** Ann on the pharmacist floor and Cat on the technician floor every day: what was published. */
const published: Assignment[] = days.flatMap((date) => [
  { staff: "A", date, template: "D8", locked: false },
  { staff: "C", date, template: "T12", locked: false },
]);

/** A site where Ann has called out on Tuesday, with the schedule published before it as a draft. */
function calledOutSite(id: string, assignments: Assignment[] = published): { id: string; token: string; baseId: string } {
  const input = testSite(id, 3);
  input.staff.find((s) => s.id === "A")!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
  h.store.sites.create(input, SYSTEM);
  const base = h.store.schedules.createDraft(id, assignments, "manual", undefined, SYSTEM);
  return { id, token: h.token("manager", id), baseId: base.id };
}

describe("POST /sites/{siteId}/schedules with repair", () => {
  it("fills the call-out with one change beside the forced one, leaves the other dates as they were, and lists the changes", async () => {
    const { id, token, baseId } = calledOutSite("repair1");
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: baseId, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    expect(submitted.status).toBe(202);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("succeeded");
    const draft = h.store.schedules.get(id, job.scheduleId)!;
    const by = (date: string) => draft.assignments.filter((a) => a.date === date).map((a) => `${a.staff} ${a.template}`).sort();
    expect(by("2026-03-02")).toEqual(["A D8", "C T12"]);
    expect(by("2026-03-03")).toEqual(["B D8", "C T12"]);
    expect(by("2026-03-04")).toEqual(["A D8", "C T12"]);
    expect(job.result.changes.map((c: { staff: string; date: string; template: string }) => `${c.staff} ${c.template} ${c.date}`).sort()).toEqual(["A D8 2026-03-03", "B D8 2026-03-03"]);
    expect(job.result.changes.find((c: { staff: string }) => c.staff === "A").message).toBe("Ann no longer works D8 on 2026-03-03, as the reference schedule had it");
  });

  it("drafts the dates outside the window with the base's own locks, not the window's, so the next solve may change them", async () => {
    // Cat's Monday is the manager's lock; the other shifts outside Tuesday are kept by the window alone.
    const { id, token, baseId } = calledOutSite("repair4", published.map((a) => ({ ...a, locked: a.staff === "C" && a.date === "2026-03-02" })));
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: baseId, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("succeeded");
    const draft = h.store.schedules.get(id, job.scheduleId)!;
    expect(draft.assignments.filter((a) => a.locked).map((a) => `${a.staff} ${a.template} ${a.date}`)).toEqual(["C T12 2026-03-02"]);
    expect(draft.assignments).toHaveLength(6);
  });

  it("repairs a base that names a leaver on the dates it keeps: their shifts there are dropped, not locked", async () => {
    const { id, token, baseId } = calledOutSite("repair6");
    // Cat leaves after the schedule was published; her Monday and Wednesday lie outside the window.
    h.store.sites.update(id, SYSTEM, "site.update.staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== "C") }));
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: baseId, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("succeeded");
    expect(h.logged).toEqual([]);
    const draft = h.store.schedules.get(id, job.scheduleId)!;
    expect(draft.assignments.filter((a) => a.date !== "2026-03-03").map((a) => `${a.staff} ${a.template} ${a.date}`).sort()).toEqual(["A D8 2026-03-02", "A D8 2026-03-04"]);
  });

  it("warns of each shift a leaver had on the dates the repair keeps, which nobody may fill unless the window includes its date", async () => {
    const { id, token, baseId } = calledOutSite("repair7");
    // Cat leaves after the schedule was published: her Monday and Wednesday lie outside the window, her Tuesday in it.
    h.store.sites.update(id, SYSTEM, "site.update.staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== "C") }));
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: baseId, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("succeeded");
    const outside = (date: string, field: string) =>
      `assignment C T12@${date} dropped: it no longer fits the site's input (staff: unknown staff id (got C)); ${date} is outside the repair's window 2026-03-03…2026-03-03, ` +
      `kept as it was, so nobody fills that shift: the window must include ${date} (${field}) to refill it`;
    expect(job.result.warnings).toEqual([outside("2026-03-02", "repair.changeFrom"), outside("2026-03-04", "repair.changeUntil")]);
  });

  it("warns of the kept dates the base schedule never covered, after the horizon grew, naming them and the field that would let the repair plan them", async () => {
    const { id, token, baseId } = calledOutSite("repair9");
    // The base was drafted for 2–4 March; the horizon has since grown by Thursday, after the window.
    expect((await h.api.put(`/sites/${id}/horizon`, { start: "2026-03-02", end: "2026-03-05" }, token, { "if-match": "*" })).status).toBe(200);
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: baseId, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("succeeded");
    expect(job.result.warnings).toEqual([
      `2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule ${baseId} never covered it (it was planned for 2026-03-02…2026-03-04), ` +
        "so nobody works that date: the window must include 2026-03-05 (repair.changeUntil) to plan it",
    ]);
    // Warned of, not planned: the repair keeps the date as the base has it.
    expect(h.store.schedules.get(id, job.scheduleId)!.assignments.filter((a) => a.date === "2026-03-05")).toEqual([]);
  });

  it("answers 400 naming a date outside the horizon, a window the wrong way round, and a repair with nothing to repair", async () => {
    const { id, token, baseId } = calledOutSite("repair2");
    const outside = await h.api.post(`/sites/${id}/schedules`, { baseScheduleId: baseId, repair: { changeFrom: "2026-04-01" } }, token);
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: "repair.changeFrom", message: "must be within the horizon 2026-03-02…2026-03-04" })]);
    const reversed = await h.api.post(`/sites/${id}/schedules`, { baseScheduleId: baseId, repair: { changeFrom: "2026-03-04", changeUntil: "2026-03-02" } }, token);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ path: "repair.changeUntil" })]);
    const notADate = await h.api.post(`/sites/${id}/schedules`, { repair: { changeFrom: "tuesday" } }, token);
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors[0].path).toBe("repair.changeFrom");
    h.store.sites.create(testSite("repair3", 3), SYSTEM);
    const nothing = await h.api.post(`/sites/repair3/schedules`, { repair: {} }, h.token("manager", "repair3"));
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors).toEqual([expect.objectContaining({ path: "baseScheduleId", message: expect.stringMatching(/site repair3 has published none/) })]);
  });

  it("answers 400 when the schedule to repair has no shift within the horizon (last month's, the latest published) rather than keep the other dates empty", async () => {
    h.store.sites.create(testSite("repair5", 3), SYSTEM);
    const lastMonth = h.store.schedules.createDraft("repair5", ["2026-02-23", "2026-02-24"].map((date) => ({ staff: "A", date, template: "D8", locked: false })), "manual", undefined, SYSTEM);
    const published = h.store.schedules.publish("repair5", lastMonth.id, SYSTEM);
    if (!published.ok) throw new Error(published.detail);
    const token = h.token("manager", "repair5");
    const latest = await h.api.post(`/sites/repair5/schedules`, { repair: { changeFrom: "2026-03-03" } }, token);
    expect(latest.status).toBe(400);
    expect(latest.body.errors).toEqual([expect.objectContaining({ path: "repair", message: expect.stringContaining(`schedule ${published.value.id}, the site's latest published version, has no shift within the horizon 2026-03-02…2026-03-04`) })]);
    const named = await h.api.post(`/sites/repair5/schedules`, { baseScheduleId: lastMonth.id, repair: {} }, token);
    expect(named.status).toBe(400);
    expect(named.body.errors).toEqual([expect.objectContaining({ path: "baseScheduleId", value: lastMonth.id })]);
  });

  it("fails a repair queued before the site's horizon moved on, naming the window and base the site no longer fits, rather than draft an empty month", async () => {
    const { id, token, baseId } = calledOutSite("repair8");
    // Long solves of two other sites fill both of the queue's slots (one site alone may not take the last), so the repair waits queued.
    const blockers: { id: string; token: string }[] = [];
    for (const other of ["repair8-busy", "repair8-busy2"]) {
      h.store.sites.create(testSite(other, 14), SYSTEM);
      const busy = h.token("manager", other);
      blockers.push({ id: (await h.api.post(`/sites/${other}/schedules`, { timeLimitSeconds: 60, relativeGap: 0 }, busy)).body.id, token: busy });
    }
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: baseId, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    expect(submitted.body.status).toBe("queued");
    expect((await h.api.put(`/sites/${id}/horizon`, { start: "2026-04-06", end: "2026-04-08" }, token, { "if-match": "*" })).status).toBe(200);
    for (const blocker of blockers) await h.api.post(`/jobs/${blocker.id}/cancel`, undefined, blocker.token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("failed");
    expect(job.scheduleId).toBeUndefined();
    expect(job.error).toBe(
      "the repair no longer fits the site, which changed after the job was submitted (now revision 2): " +
        `baseScheduleId: schedule ${baseId} has no shift within the horizon 2026-04-06…2026-04-08: nothing to repair, and the dates outside the window would be kept empty; name the schedule to repair in baseScheduleId (got "${baseId}"); ` +
        'repair.changeFrom: must be within the horizon 2026-04-06…2026-04-08 (got "2026-03-03"); repair.changeUntil: must be within the horizon 2026-04-06…2026-04-08 (got "2026-03-03")',
    );
    expect(h.logged).toEqual([]);
  });
});

const key = (a: { staff: string; template: string; date: string }) => `${a.staff} ${a.template} ${a.date}`;

/** The shifts one schedule has and the other has not, either way. */
function differences(a: readonly Assignment[], b: readonly Assignment[]): string[] {
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  return [...[...inA].filter((k) => !inB.has(k)), ...[...inB].filter((k) => !inA.has(k))].sort();
}

async function postDraft(siteId: string, token: string, assignments: Assignment[]): Promise<string> {
  const res = await h.api.post(`/sites/${siteId}/schedules/drafts`, { assignments }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.schedule.id;
}

/**
 * Which schedule a repair changes when it names none (QA3 F2): the site's latest published version, the
 * one people work and the call-out happened in, not the draft edited last; none (a 400 naming
 * `baseScheduleId`) when nothing is published.
 */
describe("POST /sites/{siteId}/schedules with repair and no baseScheduleId", () => {
  it("repairs the latest published version, not a scratch draft edited after it: the changes are the only differences, all within the window", async () => {
    const { id, token } = freshSite(h);
    const draftId = await postDraft(id, token, published);
    const publishedRes = await h.api.post(`/sites/${id}/schedules/${draftId}/publish`, undefined, token, { "if-match": '"schedule-1"' });
    expect(publishedRes.status, JSON.stringify(publishedRes.body)).toBe(201);
    const version: Assignment[] = publishedRes.body.schedule.assignments;
    // A manager's scratch draft without Cat's Monday and Wednesday, posted and then edited after the publish.
    const scratchId = await postDraft(id, token, published.filter((a) => a.staff !== "C" || a.date === "2026-03-03"));
    // The call-out: Ann is off sick on Tuesday.
    const leave = await h.api.put(`/sites/${id}/staff/A/leave`, [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }], token, { "if-match": "*" });
    expect(leave.status, JSON.stringify(leave.body)).toBe(200);
    const edit = await h.api.post(`/sites/${id}/schedules/${scratchId}/edits`, { edits: [{ op: "remove", staff: "A", date: "2026-03-04", template: "D8" }] }, token, { "if-match": '"schedule-1"' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);

    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, repair: { changeFrom: "2026-03-03", changeUntil: "2026-03-03" } }, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status, job.error).toBe("succeeded");
    const repaired = h.store.schedules.get(id, job.scheduleId)!;
    const changed = differences(version, repaired.assignments);
    expect(changed.filter((k) => !k.endsWith("2026-03-03"))).toEqual([]);
    expect(changed).toEqual(job.result.changes.map(key).sort());
    expect(changed).toContain("A D8 2026-03-03");
    expect(repaired.baseVersion).toBe(1);
  });

  it("answers 400 naming baseScheduleId when nothing is published, and repairs a draft it names", async () => {
    const { id, token } = freshSite(h);
    const draftId = await postDraft(id, token, published);
    const unnamed = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 1, repair: { changeFrom: "2026-03-03" } }, token);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([
      {
        path: "baseScheduleId",
        message: `a repair changes the site's latest published version unless this names another schedule, and site ${id} has published none: name the draft to repair here (GET /sites/${id}/schedules lists them), or publish a schedule first`,
      },
    ]);
    const named = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 1, baseScheduleId: draftId, repair: { changeFrom: "2026-03-03" } }, token);
    expect(named.status, JSON.stringify(named.body)).toBe(202);
    expect((await waitForJob(h.api, named.body.id, token)).status).toBe("succeeded");
  });
});
