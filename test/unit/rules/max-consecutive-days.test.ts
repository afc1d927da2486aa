import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { addDays } from "../../../src/time/grid.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const days = (staff: string, from: string, count: number) => Array.from({ length: count }, (_, i) => a(staff, addDays(from, i), "D8"));
const history = (from: string, count: number) => Array.from({ length: count }, (_, i) => ({ date: addDays(from, i), template: "D8" }));
const RULE = "days.max-consecutive";

describe("days.max-consecutive", () => {
  it("accepts five days in a row", () => {
    expect(violationsOf(world(), days("A", "2026-03-02", 5), RULE)).toEqual([]);
  });

  it("flags seven days in a row as two days over, dated on the sixth", () => {
    const found = violationsOf(world(), days("A", "2026-03-02", 7), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 2, unit: "day", subjects: { staff: "A", date: "2026-03-07" } });
    expect(found[0]!.message).toContain("Ann works 7 days in a row, 2026-03-02 to 2026-03-08 (at most 5)");
  });

  it("counts each run separately", () => {
    const found = violationsOf(world(), [...days("A", "2026-03-02", 6), ...days("A", "2026-03-09", 7)], RULE);
    expect(found.map((v) => v.amount)).toEqual([1, 2]);
  });

  it("uses the person's contract limit over the site's", () => {
    const input = world({ staff: withStaff("A", { contract: { maxConsecutiveDays: 3 } }) });
    expect(violationsOf(input, days("A", "2026-03-02", 5), RULE).map((v) => v.amount)).toEqual([2]);
    expect(violationsOf(input, days("B", "2026-03-02", 5), RULE)).toEqual([]);
  });

  it("uses the site's maxDays", () => {
    const input = withRule(world(), RULE, { params: { maxDays: 6 } });
    expect(violationsOf(input, days("A", "2026-03-02", 7), RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("counts history days before the horizon", () => {
    const input = world({ staff: withStaff("A", { history: history("2026-02-27", 3) }) });
    const found = violationsOf(input, days("A", "2026-03-02", 3), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 1, subjects: { date: "2026-03-04" } });
    expect(found[0]!.message).toContain("2026-02-27 (history)");
  });

  it("charges a run already over the limit in history only for its horizon days", () => {
    const input = world({ staff: withStaff("A", { history: history("2026-02-23", 7) }) });
    const found = violationsOf(input, days("A", "2026-03-02", 1), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 1, subjects: { date: "2026-03-02" } });
    expect(violationsOf(input, [], RULE)).toEqual([]);
  });

  it("judges a run reaching the last horizon day as it stands (days after count as off)", () => {
    expect(violationsOf(world(), days("A", "2026-03-09", 7), RULE).map((v) => v.amount)).toEqual([2]);
  });
});

describe("days.max-consecutive in the model", () => {
  // Ann alone (FTE 0, at most 2 days in a row by contract), day shifts Monday to Wednesday worth 2000 each.
  const scenario = (history: StaffFile["history"] = []) =>
    world({
      horizon: { start: "2026-03-02", end: "2026-03-05" },
      staff: [{ ...BASE.staff[0]!, fte: 0, contract: { maxConsecutiveDays: 2 }, history }],
      slotDemand: ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ template: "D8", date, required: 1, underWeight: 2000 })),
    });
  const dates = (solved: { schedule: { assignments: { date: string }[] } }) => solved.schedule.assignments.map((x) => x.date).sort();

  it("never works more days in a row than the limit when the rule is hard", async () => {
    const solved = await solveDirect(scenario());
    expect(dates(solved)).toHaveLength(2);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("counts history days: after two worked days before the horizon, day 0 has no column", async () => {
    const solved = await solveDirect(scenario(history("2026-02-28", 2)));
    expect([...solved.built.ctx.staff[0]!.x.keys()].filter((key) => key.endsWith("@2026-03-02"))).toEqual([]);
    expect(dates(solved)).toEqual(["2026-03-03", "2026-03-04"]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices each day over the limit when the rule is soft and cheaper than the gap", async () => {
    const solved = await solveDirect(withRule(scenario(history("2026-03-01", 1)), RULE, { hard: false, weight: 1 }));
    expect(dates(solved)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    // Four days in a row with the history Sunday: two over.
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 2 })]);
    expectModelAgreesWithChecker(solved);
  });
});
