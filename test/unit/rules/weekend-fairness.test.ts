import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";

const RULE = "fairness.weekends";
// Ann and Ben are the two regular pharmacists; weekends are 03-07/08 and 03-14/15.

describe("fairness.weekends", () => {
  it("accepts one weekend each for two people of a level", () => {
    expect(violationsOf(world(), [a("A", "2026-03-07", "D8"), a("B", "2026-03-15", "D8")], RULE)).toEqual([]);
  });

  it("flags the spread between the most and fewest weekends in a level", () => {
    // Ann works both days of one weekend (one weekend) and a Saturday of the next: 2 weekends, Ben 0.
    const found = violationsOf(world(), [a("A", "2026-03-07", "D8"), a("A", "2026-03-08", "D8"), a("A", "2026-03-14", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 2, unit: "weekend", penalty: 40, subjects: { level: "rph" } });
    expect(found[0]!.message).toMatch(/0 \(Ben\).*2 \(Ann\)/);
  });

  it("does not compare people of different levels", () => {
    expect(violationsOf(world(), [a("C", "2026-03-07", "T12"), a("C", "2026-03-14", "T12")], RULE)).toEqual([]);
  });

  it("leaves PRN staff out of the comparison", () => {
    const input = patchStaff(world(), "B", { employment: "prn", fte: 0 });
    expect(violationsOf(input, [a("A", "2026-03-07", "D8"), a("A", "2026-03-14", "D8")], RULE)).toEqual([]);
  });
});
