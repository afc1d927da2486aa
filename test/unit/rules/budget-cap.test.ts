import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { TWELVES, addTemplates, dates, patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { onLeave, smallWorld, violationsIn } from "../../fixtures/small-world.js";
import { explain, prepare } from "../../../src/pipeline.js";
import { formatExplanation } from "../../../src/cli/format.js";

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
    expect(found[0]).toMatchObject({ hard: false, unit: "dollar", subjects: { period: "horizon" } });
    expect(found[0]!.amount).toBeCloseTo(24, 9);
    expect(found[0]!.penalty).toBeCloseTo(24 * 5, 9);
    // With thousands separators, as every other dollar figure (qa6 saw "$19730.00").
    expect(found[0]!.message).toBe("Labor dollars $1,024.00 exceed the budget of $1,000.00 by $24.00 (dollars)");
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

  it("counts a staff member with FTE 0 as PRN toward the agency and PRN hours", () => {
    const input = patchStaff(world({ budget: { agencyHours: 20 } }), "D", { employment: "staff", fte: 0 });
    const found = violationsOf(input, [a("D", "2026-03-02", "T12"), a("D", "2026-03-03", "T12")], RULE);
    expect(found).toEqual([expect.objectContaining({ amount: expect.closeTo(23 - 20, 9), message: expect.stringMatching(/Agency/) })]);
  });

  it("reports each cap exceeded once: dollars at the site's weight, hours at the over-budget hour's", () => {
    const input = withRule(patchStaff(withTwelves({ laborDollars: 1000, overtimeHours: 10, agencyHours: 0 }), "D", { employment: "prn", fte: 0 }), RULE, { weight: 1 });
    const found = violationsOf(input, [...overtimeWeek, a("D", "2026-03-02", "T12")], RULE);
    // Labor: $1750 + 11.5 h × $21 = $1991.50.
    expect(found.map((v) => v.amount)).toEqual([expect.closeTo(991.5, 9), expect.closeTo(10, 9), expect.closeTo(11.5, 9)]);
    expect(found.map((v) => v.penalty)).toEqual([expect.closeTo(991.5, 9), expect.closeTo(10 * 100, 9), expect.closeTo(11.5 * 100, 9)]);
    const cheaper = { ...input, weights: { ...input.weights, overBudgetHour: 7 } };
    expect(violationsOf(cheaper, [...overtimeWeek, a("D", "2026-03-02", "T12")], RULE).map((v) => v.penalty)).toEqual([expect.closeTo(991.5, 9), expect.closeTo(70, 9), expect.closeTo(80.5, 9)]);
  });

  it("adds up its amounts per unit in the rule summary, never dollars to hours (audit F10)", () => {
    const input = withRule(patchStaff(withTwelves({ laborDollars: 1000, overtimeHours: 10, agencyHours: 0 }), "D", { employment: "prn", fte: 0 }), RULE, { weight: 1 });
    const explanation = explain(prepare(input), { assignments: [...overtimeWeek, a("D", "2026-03-02", "T12")] });
    expect(explanation.violations.filter((v) => v.rule === RULE).map((v) => v.unit)).toEqual(["dollar", "hour", "hour"]);
    const summary = explanation.rules.find((r) => r.rule === RULE)!;
    expect(summary.amount).toBeUndefined();
    expect(summary.amounts).toEqual([{ unit: "dollar", amount: expect.closeTo(991.5, 9) }, { unit: "hour", amount: expect.closeTo(21.5, 9) }]);
    // The penalty is unchanged: dollars at the rule's weight, hours at the over-budget hour's.
    expect(summary.penalty).toBeCloseTo(991.5 + 21.5 * 100, 9);
    const row = formatExplanation(input, explanation).split("\n").find((line) => line.startsWith(RULE))!;
    expect(row.split(/ {2,}/)).toEqual([RULE, "soft", "3", "991.5 dollar, 21.5 hour", "mixed", "3,141.5"]);
  });

  it("keeps one total when every finding shares a unit", () => {
    const explanation = explain(prepare(withTwelves({ overtimeHours: 15 })), { assignments: overtimeWeek });
    expect(explanation.rules.find((r) => r.rule === RULE)).toMatchObject({ amount: expect.closeTo(5, 9), unit: "hour", amounts: [{ unit: "hour", amount: expect.closeTo(5, 9) }] });
  });
});

describe("budget.cap in the model", () => {
  // One day; a slot worth 2000 that only Ann can fill (Ben on leave) at $480.
  const dayShift = (budget: object) => onLeave(smallWorld(1, { budget, slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 }] }), "B");

  it("goes over a labor-dollar cap when the slot is worth more than the overage", async () => {
    const solved = await solveDirect(dayShift({ laborDollars: 300 }));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "D8")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 180, penalty: 900 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("keeps the cap when set hard, leaving the slot short", async () => {
    const solved = await solveDirect(withRule(dayShift({ laborDollars: 300 }), RULE, { hard: true }));
    expect(solved.schedule.assignments).toEqual([]);
    expect(solved.explanation.budget.laborDollars).toEqual({ cap: 300, used: 0 });
    expectModelAgreesWithChecker(solved);
  });

  it("prices overtime hours over their cap, with the 8/80 daily overtime the model derives", async () => {
    // Ben (8/80) alone on a 12-h shift: 4 h of daily overtime against a cap of 1.
    const input = onLeave(smallWorld(1, { budget: { overtimeHours: 1 }, slotDemand: [{ template: "P12", date: "2026-03-02", required: 1, underWeight: 2000 }] }, { twelves: true }), "A");
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toEqual([a("B", "2026-03-02", "P12")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 3, penalty: 300 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices agency hours over their cap", async () => {
    // Dan from an agency alone on an 11.5-h technician day (Cat on leave), against a cap of 10 h.
    const input = patchStaff(onLeave(smallWorld(1, { budget: { agencyHours: 10 }, slotDemand: [{ template: "T12", date: "2026-03-02", required: 1, underWeight: 2000 }] }), "C"), "D", { employment: "agency" });
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toEqual([a("D", "2026-03-02", "T12")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1.5, penalty: 150 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the hours of a staff member with FTE 0 over the agency cap, as PRN hours", async () => {
    const input = patchStaff(onLeave(smallWorld(1, { budget: { agencyHours: 10 }, slotDemand: [{ template: "T12", date: "2026-03-02", required: 1, underWeight: 2000 }] }), "C"), "D", { employment: "staff", fte: 0 });
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toEqual([a("D", "2026-03-02", "T12")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1.5, penalty: 150 })]);
    expectModelAgreesWithChecker(solved);
  });
});
