/**
 * Which schedule a repair job changes when it names none (QA3 F2): the site's latest published version,
 * the one people work and the call-out happened in, not the draft edited last; and none, with a 400
 * naming `baseScheduleId`, when nothing is published.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment } from "../../models/index.js";
import { closeAndCheckLogs, freshSite, startHarness, waitForJob, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const days = ["2026-03-02", "2026-03-03", "2026-03-04"];
/** Ann on the pharmacist floor and Cat on the technician floor every day. */
const month: Assignment[] = days.flatMap((date) => [
  { staff: "A", date, template: "D8", locked: false },
  { staff: "C", date, template: "T12", locked: false },
]);
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

describe("POST /sites/{siteId}/schedules with repair and no baseScheduleId", () => {
  it("repairs the latest published version, not a scratch draft edited after it: the changes are the only differences, all within the window", async () => {
    const { id, token } = freshSite(h);
    const draftId = await postDraft(id, token, month);
    const publishedRes = await h.api.post(`/sites/${id}/schedules/${draftId}/publish`, undefined, token, { "if-match": '"schedule-1"' });
    expect(publishedRes.status, JSON.stringify(publishedRes.body)).toBe(201);
    const published: Assignment[] = publishedRes.body.schedule.assignments;
    // A manager's scratch draft without Cat's Monday and Wednesday, posted and then edited after the publish.
    const scratchId = await postDraft(id, token, month.filter((a) => a.staff !== "C" || a.date === "2026-03-03"));
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
    const changed = differences(published, repaired.assignments);
    expect(changed.filter((k) => !k.endsWith("2026-03-03"))).toEqual([]);
    expect(changed).toEqual(job.result.changes.map(key).sort());
    expect(changed).toContain("A D8 2026-03-03");
    expect(repaired.baseVersion).toBe(1);
  });

  it("answers 400 naming baseScheduleId when nothing is published, and repairs a draft it names", async () => {
    const { id, token } = freshSite(h);
    const draftId = await postDraft(id, token, month);
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
