import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { dates, patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { onLeave, smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "hours.max-per-week";
const techDays = (first: string, last: string, template = "T12") => dates(first, last).map((d) => a("C", d, template));

// Workweeks run Sunday to Saturday: 03-01…03-07 (horizon from 03-02), 03-08…03-14 (DST Sunday), 03-15.
describe("hours.max-per-week", () => {
  it("accepts five 11.5-h shifts in a week (57.5 h ≤ 60)", () => {
    expect(violationsOf(world(), techDays("2026-03-09", "2026-03-13"), RULE)).toEqual([]);
  });

  it("flags a sixth shift in the same workweek as a hard violation", () => {
    const found = violationsOf(world(), techDays("2026-03-09", "2026-03-14"), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, penalty: 0, unit: "hour", subjects: { staff: "C", period: "2026-03-08" } });
    expect(found[0]!.amount).toBeCloseTo(6 * 11.5 - 60, 9);
  });

  it("does not pool shifts of two workweeks", () => {
    expect(violationsOf(world(), techDays("2026-03-04", "2026-03-09"), RULE)).toEqual([]);
  });

  it("uses the contract maximum and the DST night's paid 10.5 h", () => {
    const input = patchStaff(world(), "C", { contract: { maxHoursPerWeek: 40 } });
    const found = violationsOf(input, techDays("2026-03-04", "2026-03-07", "TN12"), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.subjects.period).toBe("2026-03-02");
    expect(found[0]!.amount).toBeCloseTo(3 * 11.5 + 10.5 - 40, 9);
  });

  it("uses the site's maximum", () => {
    const input = withRule(world(), RULE, { params: { maxHours: 50 } });
    expect(violationsOf(input, techDays("2026-03-09", "2026-03-13"), RULE)[0]!.amount).toBeCloseTo(7.5, 9);
  });

  it("counts history shifts in the same workweek", () => {
    const input = patchStaff(world(), "C", { history: [{ date: "2026-03-01", template: "T12" }] });
    const found = violationsOf(input, techDays("2026-03-02", "2026-03-06"), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.amount).toBeCloseTo(6 * 11.5 - 60, 9);
  });

  it("ignores history in an earlier workweek", () => {
    const input = patchStaff(world(), "C", { history: [{ date: "2026-02-28", template: "T12" }] });
    expect(violationsOf(input, techDays("2026-03-02", "2026-03-06"), RULE)).toEqual([]);
  });

  it("prices an hour over at hoursOutsideBandHour when soft", () => {
    const input = withRule(world(), RULE, { hard: false });
    expect(violationsOf(input, techDays("2026-03-09", "2026-03-14"), RULE)[0]!.penalty).toBeCloseTo(9 * 50, 9);
  });
});

describe("hours.max-per-week in the model", () => {
  // Ann alone (Ben on leave) and 12-h pharmacist slots on Monday and Tuesday, each worth 2000; her
  // contract allows 20 h a week (the workweek from Sunday 03-01, named by its first horizon date).
  const slots = ["2026-03-02", "2026-03-03"].map((date) => ({ template: "P12", date, required: 1, underWeight: 2000 }));
  const scenario = (history: { date: string; template: string }[] = []) =>
    patchStaff(onLeave(smallWorld(2, { slotDemand: slots }, { twelves: true }), "B"), "A", { contract: { maxHoursPerWeek: 20 }, history });

  it("keeps the weekly maximum when hard, leaving a slot short", async () => {
    const solved = await solveDirect(scenario());
    expect(solved.schedule.assignments.filter((x) => x.staff === "A")).toHaveLength(1);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the hours over the maximum when soft", async () => {
    const solved = await solveDirect(withRule(scenario(), RULE, { hard: false }));
    expect(solved.schedule.assignments.filter((x) => x.staff === "A")).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 4, penalty: 200, subjects: { staff: "A", period: "2026-03-02" } })]);
    expectModelAgreesWithChecker(solved);
  });

  it("counts a history shift of the same week: after 12 h on Sunday no 12-h shift fits when hard", async () => {
    const solved = await solveDirect(scenario([{ date: "2026-03-01", template: "P12" }]));
    expect(solved.schedule.assignments.filter((x) => x.staff === "A" && x.template === "P12")).toEqual([]);
    // Left out of the model before the solve, not only kept out by the week's row.
    expect(solved.built.ctx.staff[0]!.x.has("P12@2026-03-02")).toBe(false);
    expectModelAgreesWithChecker(solved);
    const soft = await solveDirect(withRule(scenario([{ date: "2026-03-01", template: "P12" }]), RULE, { hard: false }));
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 16 })]);
    expectModelAgreesWithChecker(soft);
  });
});
