import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { dates, patchStaff } from "../../fixtures/patch.js";

const RULE = "hours.horizon-band";
const days = (staff: string, n: number, template = "D8") => dates("2026-03-02", "2026-03-15").slice(0, n).map((d) => a(staff, d, template));
const banded = () => patchStaff(world(), "A", { contract: { minMinutesPerHorizon: 3000, maxMinutesPerHorizon: 3600 } });

describe("hours.horizon-band", () => {
  it("ignores staff without a contract band", () => {
    expect(violationsOf(world(), days("A", 12), RULE)).toEqual([]);
  });

  it("accepts paid minutes inside the contract band (7 × 480 = 3360)", () => {
    expect(violationsOf(banded(), days("A", 7), RULE)).toEqual([]);
  });

  it("flags minutes below the contract minimum as a hard violation", () => {
    const found = violationsOf(banded(), days("A", 6), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 3000 - 6 * 480, unit: "minute", penalty: 0, subjects: { staff: "A" } });
  });

  it("flags minutes above the contract maximum", () => {
    const found = violationsOf(banded(), days("A", 8), RULE);
    expect(found[0]).toMatchObject({ amount: 8 * 480 - 3600 });
  });

  it("when soft, prices a minute at the hourly weight / 60, or at a weight the site sets on the rule", () => {
    const soft = violationsOf(withRule(banded(), RULE, { hard: false }), days("A", 8), RULE);
    expect(soft[0]!.penalty).toBeCloseTo((240 * 50) / 60, 9);
    const weighted = violationsOf(withRule(banded(), RULE, { hard: false, weight: 2 }), days("A", 8), RULE);
    expect(weighted[0]!.penalty).toBe(480);
  });

  it("counts a night across the spring DST change at its paid 630 minutes", () => {
    const input = patchStaff(world(), "C", { contract: { maxMinutesPerHorizon: 600 } });
    expect(violationsOf(input, [a("C", "2026-03-07", "TN12")], RULE)[0]).toMatchObject({ amount: 30 });
    expect(violationsOf(input, [a("C", "2026-03-06", "TN12")], RULE)[0]).toMatchObject({ amount: 90 });
  });

  it("does not count history minutes", () => {
    const input = patchStaff(banded(), "A", { history: [{ date: "2026-03-01", template: "D8" }] });
    expect(violationsOf(input, days("A", 7), RULE)).toEqual([]);
  });
});
