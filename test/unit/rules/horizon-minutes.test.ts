import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { dates, patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";

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

  it("prorates the band over the horizon days inside the employment (a hire from 03-09: 7 of 14 days)", () => {
    const hired = patchStaff(banded(), "A", { employedFrom: "2026-03-09" });
    const worked = (n: number) => dates("2026-03-09", "2026-03-15").slice(0, n).map((d) => a("A", d, "D8"));
    // Band 1500–1800: 3 × 480 = 1440 is 60 short, 4 × 480 = 1920 is 120 over.
    expect(violationsOf(hired, worked(3), RULE)).toEqual([expect.objectContaining({ amount: 60, message: expect.stringContaining("(at least 1500 and at most 1800, prorated: employed from 2026-03-09)") })]);
    expect(violationsOf(hired, worked(4), RULE)).toEqual([expect.objectContaining({ amount: 120 })]);
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

describe("hours.horizon-band in the model", () => {
  // Ann alone over three days; her contract bounds her paid minutes over the horizon (8-h shifts: 480).
  const ann = (contract: object) => ({ id: "A", name: "Ann", level: "rph", fte: 1, hourlyRate: 60, contract });
  const slots = ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ template: "D8", date, required: 1, underWeight: 2000 }));
  const capped = smallWorld(3, { staff: [ann({ maxMinutesPerHorizon: 960 })], slotDemand: slots });

  it("keeps a contract maximum of 960 minutes when hard, leaving a slot short", async () => {
    const solved = await solveDirect(capped);
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("works past the maximum when soft and a minute over costs less than the slot", async () => {
    const solved = await solveDirect(withRule(capped, RULE, { hard: false, weight: 1 }));
    expect(solved.schedule.assignments).toHaveLength(3);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 480, penalty: 480 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes no column for a shift longer than the maximum when hard", async () => {
    const ben = { id: "B", name: "Ben", level: "rph", fte: 1, hourlyRate: 58 };
    const solved = await solveDirect(smallWorld(3, { staff: [ann({ maxMinutesPerHorizon: 400 }), ben], slotDemand: slots }));
    expect(solved.built.ctx.staff[0]!.x.size).toBe(0);
    expect(solved.schedule.assignments.map((x) => x.staff)).toEqual(["B", "B", "B"]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes a person work up to a contract minimum when hard, and prices the shortfall per minute when soft", async () => {
    const input = smallWorld(3, { staff: [ann({ minMinutesPerHorizon: 1440 })] });
    const hard = await solveDirect(input);
    expect(hard.schedule.assignments).toHaveLength(3);
    expectModelAgreesWithChecker(hard);
    // Soft at the table's 50 per hour: 1440 minutes short cost 1200, less than three shifts' $1440.
    const soft = await solveDirect(withRule(input, RULE, { hard: false }));
    expect(soft.schedule.assignments).toEqual([]);
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1440 })]);
    expect(violationsIn(soft.explanation, RULE)[0]!.penalty).toBeCloseTo(1200, 9);
    expectModelAgreesWithChecker(soft);
  });
});
