import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { TWELVES, addTemplates, dates, patchStaff } from "../../fixtures/patch.js";

const RULE = "budget.cap";
// Cat ($25/h, weekly40) on five 12-h paid shifts in one workweek: $1500 regular + 20 h OT × $12.50 = $1750.
const overtimeWeek = dates("2026-03-09", "2026-03-13").map((d) => a("C", d, "C12"));
const withTwelves = (budget: object) => addTemplates(world({ budget }), ...TWELVES);

describe("budget.cap", () => {
  it("finds nothing without caps", () => {
    expect(violationsOf(withTwelves({}), overtimeWeek, RULE)).toEqual([]);
  });

  it("accepts labor dollars within the cap", () => {
    expect(violationsOf(world({ budget: { laborDollars: 1000 } }), [a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
  });

  it("flags labor dollars over the cap, differentials included", () => {
    // Two nights for Ann: 2 × 8 h × ($60 + $4 night differential) = $1024.
    const found = violationsOf(world({ budget: { laborDollars: 1000 } }), [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "N8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, unit: "unit", subjects: { period: "horizon" } });
    expect(found[0]!.amount).toBeCloseTo(24, 9);
    expect(found[0]!.penalty).toBeCloseTo(24 * 5, 9);
    expect(found[0]!.message).toMatch(/Labor dollars/);
  });

  it("counts the overtime premium in labor dollars", () => {
    const found = violationsOf(withTwelves({ laborDollars: 1600 }), overtimeWeek, RULE);
    expect(found[0]!.amount).toBeCloseTo(1750 - 1600, 9);
  });

  it("flags overtime hours over the cap", () => {
    const found = violationsOf(withTwelves({ overtimeHours: 15 }), overtimeWeek, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(5, 9);
    expect(found[0]!.message).toMatch(/Overtime hours/);
  });

  it("flags agency and PRN hours over the cap, and no regular staff hours", () => {
    const input = patchStaff(world({ budget: { agencyHours: 20 } }), "D", { employment: "agency", fte: 0, hourlyRate: 45 });
    const agency = [a("D", "2026-03-02", "T12"), a("D", "2026-03-03", "T12")];
    const found = violationsOf(input, [...agency, a("C", "2026-03-02", "T12")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(23 - 20, 9);
    expect(found[0]!.message).toMatch(/Agency/);
    const prn = patchStaff(input, "D", { employment: "prn" });
    expect(violationsOf(prn, agency, RULE)[0]!.amount).toBeCloseTo(3, 9);
  });

  it("reports each cap exceeded once, at the site's weight", () => {
    const input = withRule(patchStaff(withTwelves({ laborDollars: 1000, overtimeHours: 10, agencyHours: 0 }), "D", { employment: "prn", fte: 0 }), RULE, { weight: 1 });
    const found = violationsOf(input, [...overtimeWeek, a("D", "2026-03-02", "T12")], RULE);
    // Labor: $1750 + 11.5 h × $21 = $1991.50.
    expect(found.map((v) => v.amount)).toEqual([expect.closeTo(991.5, 9), expect.closeTo(10, 9), expect.closeTo(11.5, 9)]);
    expect(found.map((v) => v.penalty)).toEqual(found.map((v) => v.amount));
  });
});
