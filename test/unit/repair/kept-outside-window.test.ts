/**
 * A repair keeps the schedule's shifts outside its window as they are, locked or not. When one of them
 * breaks a hard rule (its person has since called out on that date), the refusal says it is kept for
 * lying outside the window, with the rule, and what lets it change; it is not called "locked" (it may not
 * be, and unlocking it would not free it).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capture } from "../../fixtures/cli.js";
import { smallWorld } from "../../fixtures/small-world.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-kept-"));
  // Ann calls out on Monday, which the repair of Tuesday and Wednesday keeps as it was.
  const input = smallWorld(3);
  input.staff[0]!.leave = [{ start: "2026-03-02", end: "2026-03-02", reason: "sick" }];
  writeFileSync(join(dir, "input.json"), JSON.stringify(input));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function repairOf(locked: boolean): Promise<{ code: number; err: string }> {
  const schedule = join(dir, `schedule-${locked}.json`);
  writeFileSync(schedule, JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-02", template: "D8", locked }] }));
  return capture(["repair", join(dir, "input.json"), schedule, "--change-from", "2026-03-03", "--out", join(dir, "out"), "--time-limit", "5"]);
}

describe("a shift a repair keeps outside its window that breaks a hard rule", () => {
  it.each([false, true])("is said to be kept for lying outside the window, with the rule it breaks (locked in the schedule: %s)", async (locked) => {
    const { code, err } = await repairOf(locked);
    expect(code).toBe(2);
    expect(err).toBe(
      `${join(dir, `schedule-${locked}.json`)}: assignments[0]: kept as it is (outside the dates the repair may change, 2026-03-03…2026-03-04), ` +
        "but breaks the hard rule leave.approved: Ann is on approved leave (sick, 2026-03-02 to 2026-03-02) but works Day (D8) on 2026-03-02; widen the dates to let it change",
    );
  });
});
