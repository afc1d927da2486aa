/**
 * A repair job whose base has a shift outside the window that breaks a hard rule fails before any solve,
 * and its error says what those assignments are: kept by the repair (outside its window, locked or not),
 * not "the locked assignments" of the schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("a repair job whose kept shifts break a hard rule", () => {
  it("fails naming them as the shifts it keeps outside its window, with the rule, none of them locked", async () => {
    const input = testSite("kept1", 3);
    // Ann calls out on Tuesday, which the repair of Wednesday keeps as the base has it.
    input.staff.find((s) => s.id === "A")!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    h.store.sites.create(input, SYSTEM);
    const assignments = ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ staff: "A", date, template: "D8", locked: false }));
    const base = h.store.schedules.createDraft("kept1", assignments, "manual", undefined, SYSTEM);
    const token = h.token("manager", "kept1");
    const submitted = await h.api.post("/sites/kept1/schedules", { timeLimitSeconds: 5, baseScheduleId: base.id, repair: { changeFrom: "2026-03-04", changeUntil: "2026-03-04" } }, token);
    expect(submitted.status).toBe(202);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("failed");
    expect(job.error).toBe(
      `the assignments a repair of schedule ${base.id} keeps (its locks, and its shifts outside the repair's window) break hard rules: ` +
        "assignments[1]: kept as it is (outside the dates the repair may change, 2026-03-04…2026-03-04), but breaks the hard rule leave.approved: " +
        "Ann is on approved leave (sick, 2026-03-03 to 2026-03-03) but works Day (D8) on 2026-03-03; widen the dates to let it change",
    );
  });
});
