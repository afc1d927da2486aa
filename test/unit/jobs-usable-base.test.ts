/**
 * What a solve job keeps of its base schedule when the site's input has changed since (audit finding 6):
 * every locked assignment it cannot keep inside the horizon is named, with why, in the job's warnings, and in
 * a repair every one on the dates its window keeps (repair-left #1).
 */
import { describe, expect, it } from "vitest";
import { usableBase } from "../../src/jobs/solve-job.js";
import { a, world } from "../fixtures/world.js";

const locked = (staff: string, date: string, template: string) => ({ ...a(staff, date, template), locked: true });

describe("a solve's base schedule", () => {
  const input = world();

  it("keeps what still fits and warns of each locked assignment it drops, naming it and why", () => {
    const keep = [locked("A", "2026-03-04", "N8"), a("B", "2026-03-04", "D8")];
    const { usable, droppedLocks } = usableBase(input, [...keep, locked("A", "2026-03-05", "N8R"), locked("Q", "2026-03-06", "D8")]);
    expect(usable).toEqual(keep);
    expect(droppedLocks).toEqual([
      "locked assignment A N8R@2026-03-05 dropped: it no longer fits the site's input (template: unknown shift template id (got N8R))",
      "locked assignment Q D8@2026-03-06 dropped: it no longer fits the site's input (staff: unknown staff id (got Q))",
    ]);
  });

  it("drops an unlocked misfit, or a lock dated outside the horizon, without a warning", () => {
    const { usable, droppedLocks } = usableBase(input, [a("A", "2026-03-05", "N8R"), locked("A", "2026-02-27", "N8"), locked("A", "2026-03-16", "N8")]);
    expect(usable).toEqual([]);
    expect(droppedLocks).toEqual([]);
  });

  it("in a repair, warns of each assignment dropped on a date the window keeps, locked or not, naming the window and the field that would include it", () => {
    // The window is 2026-03-05…2026-03-10 of the horizon 2026-03-02…2026-03-15.
    const frozen = { before: "2026-03-05", after: "2026-03-10" };
    const kept = [a("Q", "2026-03-03", "D8"), locked("A", "2026-03-12", "N8R")];
    const inWindow = [a("Q", "2026-03-06", "D8"), locked("A", "2026-03-07", "N8R")];
    const { usable, droppedLocks, droppedKept } = usableBase(input, [...kept, ...inWindow, a("Q", "2026-02-27", "D8")], frozen);
    expect(usable).toEqual([]);
    expect(droppedKept).toEqual([
      "assignment Q D8@2026-03-03 dropped: it no longer fits the site's input (staff: unknown staff id (got Q)); 2026-03-03 is outside the repair's window 2026-03-05…2026-03-10, " +
        "kept as it was, so nobody fills that shift: the window must include 2026-03-03 (repair.changeFrom) to refill it",
      "locked assignment A N8R@2026-03-12 dropped: it no longer fits the site's input (template: unknown shift template id (got N8R)); 2026-03-12 is outside the repair's window " +
        "2026-03-05…2026-03-10, kept as it was, so nobody fills that shift: the window must include 2026-03-12 (repair.changeUntil) to refill it",
    ]);
    // Inside the window the repair may fill the shift: a lock there is warned of as in any solve, the rest not at all.
    expect(droppedLocks).toEqual(["locked assignment A N8R@2026-03-07 dropped: it no longer fits the site's input (template: unknown shift template id (got N8R))"]);
    expect(usableBase(input, kept, { before: "2026-03-02" }).droppedKept).toEqual([]);
  });
});
