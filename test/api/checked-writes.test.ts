/**
 * A posted draft and an edit of one are checked and explained in the checker's worker threads before
 * anything is stored, over real HTTP: the answer is what it was (the stored draft and the checker's
 * explanation, byte for byte); a check that fails (its worker died) stores nothing; and when the site or
 * the draft changed while the worker checked, what is stored is checked against them as they are now.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment } from "../../models/index.js";
import { parseScheduleFor } from "../../src/pipeline.js";
import { CheckerPool, explainFor } from "../../src/jobs/checker-worker.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, untilChecker, type Harness } from "./harness.js";

const FAULTY = new URL("../fixtures/faulty-checker-worker.ts", import.meta.url);
const A: Assignment = { staff: "A", date: "2026-03-02", template: "D8", locked: false };
const B: Assignment = { staff: "B", date: "2026-03-03", template: "D8", locked: false };

// One worker, the faulty fixture's: the real checker but for sites "doomed" (the worker dies) and "slow…"
// (the check takes a second, in which a test changes the site or the draft).
let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness({ checker: new CheckerPool(1, FAULTY) });
  admin = h.token("admin");
  for (const id of ["plain", "leaver", "doomed", "slow-draft", "slow-edit-site", "slow-edit-draft"]) h.store.sites.create(testSite(id), SYSTEM);
});
afterAll(async () => {
  // The tests of a dying worker take their own log lines.
  await closeAndCheckLogs(h);
});

/** A POST with a JSON body, its answer read raw (to compare bodies byte for byte). */
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${h.api.baseUrl}${path}`, { method: "POST", headers: { authorization: `Bearer ${admin}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

const removeStaff = (site: string, id: string): void => {
  expect(h.store.sites.update(site, SYSTEM, "test.remove-staff", (input) => ({ ...input, staff: input.staff.filter((s) => s.id !== id) })).ok).toBe(true);
};

describe("a posted draft", () => {
  it("is answered as before: the stored draft and the checker's explanation, byte for byte", async () => {
    const res = await post("/sites/plain/schedules/drafts", { assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }, B] });
    expect(res.status).toBe(201);
    const text = await res.text();
    const stored = h.store.schedules.list("plain")[0]!;
    expect(stored.assignments).toEqual([A, B]);
    expect(res.headers.get("location")).toBe(`/sites/plain/schedules/${stored.id}`);
    expect(res.headers.get("etag")).toBe('"schedule-1"');
    const explained = explainFor(h.store.sites.get("plain")!.input, { assignments: stored.assignments });
    expect(explained.ok).toBe(true);
    expect(text).toBe(JSON.stringify({ schedule: stored, explanation: explained.ok && explained.value }));
  });

  it("is not stored when the checker's worker dies checking it: the 503 leaves nothing behind", async () => {
    const res = await h.api.post("/sites/doomed/schedules/drafts", { assignments: [A] }, admin);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(h.store.schedules.list("doomed")).toEqual([]);
    expect(h.logged.splice(0)).toEqual([expect.stringMatching(/^checker worker died: the worker thread exited with code 70/)]);
  });

  it("is checked against the site as it is when stored: a person taken off it meanwhile is a 400, nothing stored", async () => {
    const answer = h.api.post("/sites/slow-draft/schedules/drafts", { assignments: [A, B] }, admin);
    await untilChecker(h.checker, 1);
    removeStaff("slow-draft", "B");
    const res = await answer;
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: "https://rxroster.dev/problems/invalid-request", title: "Bad request", status: 400,
      detail: "the schedule does not fit the site's planning data",
      errors: [{ path: "assignments[1].staff", message: "unknown staff id", value: "B" }],
    });
    expect(h.store.schedules.list("slow-draft")).toEqual([]);
  });
});

describe("an edit of a draft", () => {
  it("is answered as before, byte for byte, when the draft keeps a leaver's shift the edit leaves alone", async () => {
    const draft = h.store.schedules.createDraft("leaver", [A, B], "manual", undefined, SYSTEM);
    removeStaff("leaver", "B");
    const res = await post(`/sites/leaver/schedules/${draft.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, { "if-match": '"schedule-1"' });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"schedule-2"');
    const stored = h.store.schedules.get("leaver", draft.id)!;
    expect(stored.assignments).toEqual([{ ...A, locked: true }, B]);
    const problems = parseScheduleFor(h.store.sites.get("leaver")!.input, { assignments: stored.assignments });
    expect(problems.ok).toBe(false);
    expect(await res.text()).toBe(JSON.stringify({ schedule: stored, problems: !problems.ok && problems.problems }));
  });

  it("is answered as before, byte for byte, with the checker's explanation of the edited draft", async () => {
    const draft = h.store.schedules.createDraft("plain", [A], "manual", undefined, SYSTEM);
    const res = await post(`/sites/plain/schedules/${draft.id}/edits`, { edits: [{ op: "move", from: { staff: "A", date: "2026-03-02", template: "D8" }, to: { date: "2026-03-04" } }] }, { "if-match": '"schedule-1"' });
    expect(res.status).toBe(200);
    const stored = h.store.schedules.get("plain", draft.id)!;
    expect(stored.assignments).toEqual([{ ...A, date: "2026-03-04" }]);
    const explained = explainFor(h.store.sites.get("plain")!.input, { assignments: stored.assignments });
    expect(explained.ok).toBe(true);
    expect(await res.text()).toBe(JSON.stringify({ schedule: stored, explanation: explained.ok && explained.value }));
  });

  it("is not written when the checker's worker dies checking it: the draft keeps its revision", async () => {
    const draft = h.store.schedules.createDraft("doomed", [A], "manual", undefined, SYSTEM);
    const res = await h.api.post(`/sites/doomed/schedules/${draft.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, admin, { "if-match": '"schedule-1"' });
    expect(res.status).toBe(503);
    expect(h.store.schedules.get("doomed", draft.id)).toEqual(draft);
    expect(h.logged.splice(0)).toEqual([expect.stringMatching(/^checker worker died: the worker thread exited with code 70/)]);
  });

  it("is refused with 412 before any check when its If-Match names a revision already gone: no worker asked", async () => {
    // On "doomed" a check kills the worker (a 503 and a log line), so a 412 with nothing logged means none ran.
    const draft = h.store.schedules.createDraft("doomed", [A], "manual", undefined, SYSTEM);
    const edited = h.store.schedules.updateDraft("doomed", draft.id, [A, B], SYSTEM, "schedule.edit.move");
    expect(edited.ok).toBe(true);
    const res = await h.api.post(`/sites/doomed/schedules/${draft.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, admin, { "if-match": '"schedule-1"' });
    expect(res.status).toBe(412);
    expect(res.body.detail).toBe(`schedule ${draft.id} has changed since it was read (it is at revision 2): read it again and review it there`);
    expect(h.logged).toEqual([]);
    expect(h.store.schedules.get("doomed", draft.id)!.assignments).toEqual([A, B]);
  });

  it("is checked against the site as it is when written: a shift it gives a person taken off the site meanwhile is a 400, nothing written", async () => {
    const draft = h.store.schedules.createDraft("slow-edit-site", [A], "manual", undefined, SYSTEM);
    const answer = h.api.post(`/sites/slow-edit-site/schedules/${draft.id}/edits`, { edits: [{ op: "move", from: { staff: "A", date: "2026-03-02", template: "D8" }, to: { staff: "B" } }] }, admin, { "if-match": '"schedule-1"' });
    await untilChecker(h.checker, 1);
    removeStaff("slow-edit-site", "B");
    const res = await answer;
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("an edit does not fit the site's planning data");
    expect(res.body.errors).toEqual([{ path: "edits[0].to.staff", message: "unknown staff id", value: "B" }]);
    expect(h.store.schedules.get("slow-edit-site", draft.id)).toEqual(draft);
  });

  /**
   * A lock of A's shift sent with `ifMatch`, and B's shift taken out of the draft by someone else while the
   * lock is checked: the lock's answer, and the draft's id.
   */
  async function lockWhileEditedElsewhere(ifMatch: string): Promise<{ res: Awaited<ReturnType<typeof h.api.post>>; draftId: string }> {
    const draft = h.store.schedules.createDraft("slow-edit-draft", [A, B], "manual", undefined, SYSTEM);
    const answer = h.api.post(`/sites/slow-edit-draft/schedules/${draft.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, admin, { "if-match": ifMatch });
    await untilChecker(h.checker, 1);
    expect(h.store.schedules.updateDraft("slow-edit-draft", draft.id, [A], SYSTEM, "schedule.edit.remove").ok).toBe(true);
    return { res: await answer, draftId: draft.id };
  }

  it("is applied to the draft as it is when written: an edit saved meanwhile (If-Match: *) is kept, not undone", async () => {
    const { res, draftId } = await lockWhileEditedElsewhere("*");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"schedule-3"');
    expect(res.body.schedule.assignments).toEqual([{ ...A, locked: true }]);
    expect(h.store.schedules.get("slow-edit-draft", draftId)!.assignments).toEqual([{ ...A, locked: true }]);
  });

  it("is refused with 412 when the draft was edited meanwhile and the If-Match named the revision read", async () => {
    const { res, draftId } = await lockWhileEditedElsewhere('"schedule-1"');
    expect(res.status).toBe(412);
    expect(h.store.schedules.get("slow-edit-draft", draftId)!.assignments).toEqual([A]);
  });
});
