/**
 * A draft that names someone who has left is mended an edit at a time: an edit may leave alone what no
 * longer fits the site, but may not add anything that does not fit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let manager = "";
let draftId = "";
beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(testSite("test"), SYSTEM);
  const draft = h.store.schedules.createDraft(
    "test",
    [
      { staff: "B", date: "2026-03-02", template: "D8", locked: false },
      { staff: "B", date: "2026-03-03", template: "D8", locked: false },
      { staff: "A", date: "2026-03-04", template: "D8", locked: false },
    ],
    "manual",
    undefined,
    SYSTEM,
  );
  draftId = draft.id;
  manager = h.token("manager", "test");
  const staff = await h.api.get("/sites/test/staff", manager);
  const left = (staff.body as PlanningInput["staff"]).filter((m) => m.id !== "B");
  expect((await h.api.put("/sites/test/staff", left, manager, { "if-match": staff.headers.get("etag")! })).status).toBe(200);
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const edit = (edits: unknown[], etag: string) => h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits }, manager, { "if-match": etag });

describe("a draft naming a leaver", () => {
  it("takes the leaver's shifts out one edit at a time, refuses an edit that adds what does not fit, and then publishes", async () => {
    const read = await h.api.get(`/sites/test/schedules/${draftId}`, manager);
    expect(read.body.problems).toEqual([expect.objectContaining({ path: "assignments[0].staff" }), expect.objectContaining({ path: "assignments[1].staff" })]);

    const first = await edit([{ op: "remove", staff: "B", date: "2026-03-02", template: "D8" }], read.headers.get("etag")!);
    expect(first.status).toBe(200);
    expect(first.body.schedule.assignments).toEqual([
      expect.objectContaining({ staff: "B", date: "2026-03-03" }),
      expect.objectContaining({ staff: "A", date: "2026-03-04" }),
    ]);

    const refused = await edit([{ op: "move", from: { staff: "A", date: "2026-03-04", template: "D8" }, to: { template: "NOPE" } }], first.headers.get("etag")!);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "edits[0].to.template", value: "NOPE" })]);

    const second = await edit([{ op: "move", from: { staff: "B", date: "2026-03-03", template: "D8" }, to: { staff: "A" } }], first.headers.get("etag")!);
    expect(second.status).toBe(200);
    expect(second.body.problems).toBeUndefined();
    const published = await h.api.post(`/sites/test/schedules/${draftId}/publish`, undefined, manager, { "if-match": second.headers.get("etag")! });
    expect(published.status).toBe(201);
    expect(published.body.schedule.assignments.map((a: { staff: string }) => a.staff)).toEqual(["A", "A"]);
  });
});
