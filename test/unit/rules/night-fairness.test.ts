import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";

const RULE = "fairness.nights";

describe("fairness.nights", () => {
  it("accepts the same number of nights for two people of a level", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "N8"), a("B", "2026-03-04", "N8"), a("A", "2026-03-10", "D8")], RULE)).toEqual([]);
  });

  it("flags the spread of nights in a level, the DST night included", () => {
    const found = violationsOf(world(), [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "N8"), a("A", "2026-03-07", "N8"), a("B", "2026-03-05", "N8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 2, unit: "night", penalty: 40, subjects: { level: "rph" } });
  });

  it("uses the site's weight", () => {
    expect(violationsOf(withRule(world(), RULE, { weight: 1 }), [a("A", "2026-03-02", "N8")], RULE)[0]).toMatchObject({ amount: 1, penalty: 1 });
  });

  it("leaves agency staff out of the comparison", () => {
    const input = patchStaff(world(), "B", { employment: "agency", fte: 0 });
    expect(violationsOf(input, [a("A", "2026-03-02", "N8")], RULE)).toEqual([]);
  });
});
