/**
 * An edit that does not fit the site is refused naming the edit's own field, as the manager sent it
 * (`edits[1].to.staff`), not the place of its result in the edited schedule (`assignments[0].staff`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let manager = "";
let draftId = "";
let etag = "";
/** Ann's shift in the draft, which the edits move. */
const ann = { staff: "A", date: "2026-03-02", template: "D8" };
beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(testSite("test"), SYSTEM);
  manager = h.token("manager", "test");
  const assignments = [ann, { staff: "B", date: "2026-03-03", template: "D8" }].map((a) => ({ ...a, locked: false }));
  const draft = h.store.schedules.createDraft("test", assignments, "manual", undefined, SYSTEM);
  draftId = draft.id;
  etag = `"schedule-${draft.revision}"`;
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const edit = (edits: unknown[]) => h.api.post(`/sites/test/schedules/${draftId}/edits`, { edits }, manager, { "if-match": etag });

describe("an edit that does not fit the site", () => {
  it("names the moved-to person, date or template under the edit, after an edit that fits", async () => {
    const res = await edit([
      { op: "lock", ...ann },
      { op: "move", from: ann, to: { staff: "zzz" } },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "edits[1].to.staff", message: "unknown staff id", value: "zzz" }]);

    const date = await edit([{ op: "move", from: ann, to: { date: "2026-12-04" } }]);
    expect(date.body.errors).toEqual([{ path: "edits[0].to.date", message: "must be within the horizon 2026-03-02…2026-03-04", value: "2026-12-04" }]);

    const template = await edit([{ op: "move", from: ann, to: { template: "NOPE" } }]);
    expect(template.body.errors).toEqual([{ path: "edits[0].to.template", message: "unknown shift template id", value: "NOPE" }]);
  });

  it("names the edit that set each field when two edits moved the same assignment", async () => {
    const res = await edit([
      { op: "move", from: ann, to: { staff: "zzz" } },
      { op: "move", from: { ...ann, staff: "zzz" }, to: { date: "2026-12-04" } },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: "edits[0].to.staff", message: "unknown staff id", value: "zzz" },
      { path: "edits[1].to.date", message: "must be within the horizon 2026-03-02…2026-03-04", value: "2026-12-04" },
    ]);
  });

  it("names the person a swap hands a shift to", async () => {
    const res = await edit([{ op: "swap", date: "2026-03-02", staff: ["A", "zzz"] }]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "edits[0].staff[1]", message: "unknown staff id", value: "zzz" }]);
  });

  it("names the edit whose move lands on a shift the draft already has", async () => {
    const res = await edit([{ op: "move", from: { staff: "B", date: "2026-03-03", template: "D8" }, to: { staff: "A", date: "2026-03-02" } }]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "edits[0].to", message: "the same shift as an assignment of the draft (A, D8 on 2026-03-02)" }]);
    // The moved shift before the one it repeats: the checker names the later row, the draft's own.
    const earlier = await edit([{ op: "move", from: ann, to: { staff: "B", date: "2026-03-03" } }]);
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors).toEqual([{ path: "edits[0].to", message: "the same shift as an assignment of the draft (B, D8 on 2026-03-03)" }]);
    expect(h.store.schedules.get("test", draftId)!.revision).toBe(1);
  });
});
