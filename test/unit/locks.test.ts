import { describe, expect, it } from "vitest";
import type { Assignment } from "../../models/index.js";
import { checkLocks } from "../../src/locks.js";
import { prepare } from "../../src/pipeline.js";
import { a, withRule, world } from "../fixtures/world.js";
import { onLeave, smallWorld } from "../fixtures/small-world.js";
import { dates, patchStaff } from "../fixtures/patch.js";

const locked = (staff: string, date: string, template: string): Assignment => ({ ...a(staff, date, template), locked: true });

describe("checkLocks (audit F6)", () => {
  it("names a lock a hard rule forbids alone by its place in the list given, and the rule", () => {
    const input = onLeave(world(), "B");
    const problems = checkLocks(prepare(input), [a("A", "2026-03-02", "D8"), locked("A", "2026-03-03", "D8"), locked("B", "2026-03-04", "D8")]);
    expect(problems).toEqual([{ path: "assignments[2]", message: expect.stringMatching(/^locked, but breaks the hard rule leave\.approved: Ben is on approved leave .* on 2026-03-04$/) }]);
  });

  it("names every lock of a run too long only together, and the rule they break", () => {
    const six = dates("2026-03-02", "2026-03-07").map((d) => locked("A", d, "D8"));
    const problems = checkLocks(prepare(world()), [a("B", "2026-03-02", "D8"), ...six]);
    expect(problems).toEqual([
      {
        path: "assignments[1], assignments[2], assignments[3], assignments[4], assignments[5], assignments[6]",
        message: expect.stringMatching(/^locked together, they break the hard rule days\.max-consecutive: Ann works 6 days in a row/),
      },
    ]);
  });

  it("names only the two locks a short rest lies between, not the person's other locks", () => {
    // E8 ends 23:30 and D8 starts 07:00: 7.5 h of rest.
    const list = [locked("A", "2026-03-02", "E8"), locked("A", "2026-03-03", "D8"), locked("A", "2026-03-10", "D8")];
    const problems = checkLocks(prepare(world()), list);
    expect(problems).toEqual([{ path: "assignments[0], assignments[1]", message: expect.stringContaining("the hard rule rest.min-between-shifts: Ann rests 7.5 h") }]);
  });

  it("names each of two breaks of one rule by one person apart", () => {
    const list = [locked("A", "2026-03-02", "E8"), locked("A", "2026-03-03", "D8"), locked("A", "2026-03-09", "E8"), locked("A", "2026-03-10", "D8")];
    expect(checkLocks(prepare(world()), list).map((p) => p.path)).toEqual(["assignments[0], assignments[1]", "assignments[2], assignments[3]"]);
  });

  it("leaves to the solver what more shifts could mend: a contract's minimum is no lock's fault", () => {
    const input = patchStaff(smallWorld(7), "A", { contract: { minMinutesPerHorizon: 2400 } });
    expect(checkLocks(prepare(input), [locked("A", "2026-03-02", "D8")])).toEqual([]);
  });

  it("finds nothing without locks, or with locks that can be kept", () => {
    expect(checkLocks(prepare(world()), [a("A", "2026-03-02", "E8"), a("A", "2026-03-03", "D8")])).toEqual([]);
    expect(checkLocks(prepare(world()), [locked("A", "2026-03-02", "D8"), locked("A", "2026-03-03", "D8")])).toEqual([]);
  });

  it("says of a shift a repair's window keeps, and only of it, that it is kept for lying outside the window and widening the window lets it change", () => {
    const input = onLeave(world(), "B");
    // Ben's Wednesday is the manager's lock inside the window; his Thursday lies outside it (place 1).
    const list = [locked("B", "2026-03-04", "D8"), locked("B", "2026-03-05", "D8")];
    const problems = checkLocks(prepare(input), list, { window: { kept: new Set([1]), dates: "2026-03-06…2026-03-15" } });
    expect(problems.map((p) => [p.path, p.message.replace(/: Ben is on approved leave.*/, "")])).toEqual([
      ["assignments[0]", "locked, but breaks the hard rule leave.approved"],
      ["assignments[1]", "kept as it is (outside the dates the repair may change, 2026-03-06…2026-03-15), but breaks the hard rule leave.approved"],
    ]);
    expect(problems[1]!.message).toMatch(/; widen the dates to let it change$/);
  });

  it("says of a lock and a kept shift that break a rule together that they are locked or outside the window", () => {
    // Ben's night on Monday is the manager's lock inside the window; his Tuesday day shift lies outside it.
    const list = [locked("B", "2026-03-02", "N8"), locked("B", "2026-03-03", "D8")];
    const problems = checkLocks(prepare(world()), list, { window: { kept: new Set([1]), dates: "2026-03-02…2026-03-02" } });
    expect(problems).toEqual([
      {
        path: "assignments[0], assignments[1]",
        message: expect.stringMatching(
          /^kept as they are \(locked, or outside the dates the repair may change, 2026-03-02…2026-03-02\), together they break the hard rule rest\.min-between-shifts: Ben rests .*; widen the dates or unlock them to let them change$/,
        ),
      },
    ]);
  });

  it("tells a hard rule of no person that the dates a repair keeps break once, for the window as a whole, blaming no one kept shift", () => {
    const input = withRule(world({ budget: { laborDollars: 1 } }), "budget.cap", { hard: true });
    // The manager's own lock (place 0) breaks the cap alone; the window's three (places 1-3) break it again.
    const list = [locked("A", "2026-03-02", "D8"), locked("B", "2026-03-03", "D8"), locked("B", "2026-03-04", "D8"), locked("A", "2026-03-05", "D8")];
    const problems = checkLocks(prepare(input), list, { window: { kept: new Set([1, 2, 3]), dates: "2026-03-02…2026-03-02" } });
    expect(problems).toEqual([
      { path: "assignments[0]", message: expect.stringMatching(/^locked, but breaks the hard rule budget\.cap: Labor dollars \$[\d,.]+ exceed the budget of \$1\.00 by \$[\d,.]+ \(dollars\)$/) },
      {
        path: "assignments",
        message: expect.stringMatching(
          /^kept as they are, the 3 shifts outside the dates the repair may change \(2026-03-02…2026-03-02\) break the hard rule budget\.cap together: Labor dollars \$[\d,.]+ exceed the budget of \$1\.00 by \$[\d,.]+ \(dollars\); widen the dates to let these shifts change$/,
        ),
      },
    ]);
  });
});
