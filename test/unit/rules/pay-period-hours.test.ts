import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { TWELVES, addTemplates, dates, patchStaff } from "../../fixtures/patch.js";
import type { PlanningInput } from "../../../models/index.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "hours.pay-period-band";
// Pay periods start 2026-03-01; the horizon 03-02…03-15 holds 13 days of the first and 1 day of the next.
const FIRST = 13 / 14;
const ofStaff = (input: PlanningInput, assignments: ReturnType<typeof a>[], staff: string) =>
  violationsOf(input, assignments, RULE).filter((v) => v.subjects.staff === staff);
const dayShifts = (staff: string, n: number) => dates("2026-03-02", "2026-03-14").slice(0, n).map((d) => a(staff, d, "D8"));

describe("hours.pay-period-band", () => {
  it("accepts 72 h for a 1.0 FTE in a 13-day part of a pay period (band 66.3–86.3 h)", () => {
    expect(ofStaff(world(), dayShifts("A", 9), "A")).toEqual([]);
  });

  it("flags hours below the FTE target prorated to the days in the horizon, tolerance unscaled", () => {
    const found = ofStaff(world(), dayShifts("A", 8), "A");
    expect(found).toHaveLength(1);
    const short = 80 * FIRST - 8 - 64;
    expect(found[0]).toMatchObject({ hard: false, unit: "hour", subjects: { staff: "A", period: "2026-03-02" } });
    // Named by its own dates, though it began the day before the horizon.
    expect(found[0]!.message).toMatch(/^Ann works 64\.0 h in the pay period 2026-03-01 to 2026-03-14 \(.*, 13 of its 14 days in the horizon\): .* h short$/);
    expect(found[0]!.amount).toBeCloseTo(short, 9);
    expect(found[0]!.penalty).toBeCloseTo(short * 50, 9);
  });

  it("scales the target by FTE (0.9 FTE: 72 h × 13/14 − 8)", () => {
    const found = ofStaff(world(), dayShifts("B", 7), "B");
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(72 * FIRST - 8 - 56, 9);
  });

  it("counts a night across the spring DST change at its paid 10.5 h", () => {
    // TN12 on 03-03…03-06 is paid 11.5 h each; on 03-07 it lasts 11 h real time, 10.5 h paid.
    const found = ofStaff(world(), dates("2026-03-03", "2026-03-07").map((d) => a("C", d, "TN12")), "C");
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(80 * FIRST - 8 - (4 * 11.5 + 10.5), 9);
  });

  it("prorates a contract maximum (70 h × 13/14 = 65 h)", () => {
    const input = patchStaff(world(), "A", { contract: { maxHoursPerPayPeriod: 70 } });
    const found = ofStaff(input, dayShifts("A", 9), "A");
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(72 - 65, 9);
  });

  it("prorates a contract minimum in place of the tolerance, in both parts of pay periods", () => {
    const input = patchStaff(world(), "A", { contract: { minHoursPerPayPeriod: 80 } });
    const found = ofStaff(input, dayShifts("A", 9), "A");
    expect(found.map((v) => v.subjects.period)).toEqual(["2026-03-02", "2026-03-15"]);
    expect(found[0]!.amount).toBeCloseTo(80 * FIRST - 72, 9);
    // The 1-day part holds 80/14 h of the minimum and nothing is worked on 03-15.
    expect(found[1]!.amount).toBeCloseTo(80 / 14, 9);
  });

  it("prorates a contract maximum in a one-day part of a pay period", () => {
    const input = patchStaff(addTemplates(world(), TWELVES[0]), "A", { contract: { maxHoursPerPayPeriod: 80 } });
    const found = ofStaff(input, [...dayShifts("A", 9), a("A", "2026-03-15", "P12")], "A");
    expect(found).toHaveLength(1);
    expect(found[0]!.subjects.period).toBe("2026-03-15");
    expect(found[0]!.amount).toBeCloseTo(12 - 80 / 14, 9);
  });

  it("uses the site's tolerances", () => {
    const input = withRule(world(), RULE, { params: { underToleranceHours: 0 } });
    const found = ofStaff(input, dayShifts("A", 9), "A");
    expect(found[0]!.amount).toBeCloseTo(80 * FIRST - 72, 9);
  });

  it("holds PRN staff to a contract maximum only", () => {
    const prn = patchStaff(world(), "D", { employment: "prn", fte: 0 });
    expect(ofStaff(prn, [], "D")).toEqual([]);
    const capped = patchStaff(prn, "D", { contract: { minHoursPerPayPeriod: 40, maxHoursPerPayPeriod: 28 } });
    expect(ofStaff(capped, [], "D")).toEqual([]);
    const found = ofStaff(capped, dates("2026-03-02", "2026-03-04").map((d) => a("D", d, "T12")), "D");
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(3 * 11.5 - 28 * FIRST, 9);
  });

  it("counts approved leave as time off the target: prorated over the days not on leave", () => {
    // Ann on vacation 03-02…03-08 (7 of the 13 days): band 80 × 6/14 − 8 … + 12 = 26.3–46.3 h.
    const input = patchStaff(world(), "A", { leave: [{ start: "2026-03-02", end: "2026-03-08", reason: "vacation" }] });
    const after = dates("2026-03-09", "2026-03-12").map((d) => a("A", d, "D8"));
    expect(ofStaff(input, after, "A")).toEqual([]);
    const found = ofStaff(input, after.slice(0, 2), "A");
    expect(found).toEqual([expect.objectContaining({ message: expect.stringContaining("13 of its 14 days in the horizon, 7 on leave") })]);
    expect(found[0]!.amount).toBeCloseTo(80 * (6 / 14) - 8 - 16, 9);
  });

  it("prorates over the days inside the employment, as over days not on leave (a leaver after 03-08, on leave 03-02)", () => {
    // Employed 03-02…03-08, one of them on leave: 6 workable days of 13, band 80 × 6/14 − 8 … + 12 = 26.3–46.3 h.
    const input = patchStaff(world(), "A", { employedUntil: "2026-03-08", leave: [{ start: "2026-03-02", end: "2026-03-02", reason: "vacation" }] });
    const worked = dates("2026-03-03", "2026-03-06").map((d) => a("A", d, "D8"));
    expect(ofStaff(input, worked, "A")).toEqual([]);
    const found = ofStaff(input, worked.slice(0, 2), "A");
    expect(found).toEqual([expect.objectContaining({ message: expect.stringContaining("13 of its 14 days in the horizon, 6 not employed (employed until 2026-03-08), 1 on leave") })]);
    expect(found[0]!.amount).toBeCloseTo(80 * (6 / 14) - 8 - 16, 9);
    // The next pay period's one horizon day (03-15) is after the last day: no hours owed there.
    expect(found.filter((v) => v.subjects.period === "2026-03-15")).toEqual([]);
  });

  it("does not count history toward the horizon's pay period", () => {
    const input = patchStaff(world(), "A", { history: [{ date: "2026-03-01", template: "D8" }] });
    const found = ofStaff(input, dayShifts("A", 8), "A");
    expect(found[0]!.amount).toBeCloseTo(80 * FIRST - 8 - 64, 9);
  });
});

describe("hours.pay-period-band in the model", () => {
  // Ann alone, three days of a pay period: her band is 80 × 3/14 ∓ tolerance, 9.1–29.1 h, unless her
  // contract says otherwise. Day-shift slots she alone can fill are worth 2000 each.
  const ann = (contract: object = {}) => ({ id: "A", name: "Ann", level: "rph", fte: 1, hourlyRate: 60, contract });
  const days = ["2026-03-02", "2026-03-03", "2026-03-04"];
  const slots = days.map((date) => ({ template: "D8", date, required: 1, underWeight: 2000 }));
  const capped = smallWorld(3, { staff: [ann({ maxHoursPerPayPeriod: 56, minHoursPerPayPeriod: 0 })], slotDemand: slots }, { payBand: true });

  it("works past a prorated contract maximum (56 h × 3/14 = 12 h) when the slots are worth more", async () => {
    const solved = await solveDirect(capped);
    expect(solved.schedule.assignments).toHaveLength(3);
    const found = violationsIn(solved.explanation, RULE);
    expect(found).toEqual([expect.objectContaining({ subjects: { staff: "A", period: "2026-03-02" } })]);
    expect(found[0]!.amount).toBeCloseTo(24 - 12, 9);
    expect(found[0]!.penalty).toBeCloseTo(12 * 50, 9);
    expectModelAgreesWithChecker(solved);
  });

  it("keeps the prorated maximum when the band is hard, leaving slots short", async () => {
    const solved = await solveDirect(withRule(capped, RULE, { hard: true }));
    expect(solved.schedule.assignments).toHaveLength(1);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expect(violationsIn(solved.explanation, "coverage.slot-under").reduce((n, v) => n + v.amount, 0)).toBe(2);
    expectModelAgreesWithChecker(solved);
  });

  it("gives one shift to a person short of her band when an hour short costs more than an hour's pay", async () => {
    // Idle: 9.14 h short × 100 = 914; one 8-h shift: $480 + 1.14 h × 100; two: $960 and inside the band.
    const solved = await solveDirect(withRule(smallWorld(3, { staff: [ann()] }, { payBand: true }), RULE, { weight: 100 }));
    expect(solved.schedule.assignments).toHaveLength(1);
    const found = violationsIn(solved.explanation, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(80 * (3 / 14) - 8 - 8, 9);
    expectModelAgreesWithChecker(solved);
  });

  it("requires the band's minimum when hard", async () => {
    const solved = await solveDirect(withRule(smallWorld(3, { staff: [ann()] }, { payBand: true }), RULE, { hard: true }));
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });
});
