import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { addDays } from "../../../src/time/grid.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const nights = (staff: string, from: string, count: number, template = "N8") =>
  Array.from({ length: count }, (_, i) => a(staff, addDays(from, i), template));
const RULE = "nights.max-consecutive";

describe("nights.max-consecutive", () => {
  it("accepts three nights in a row", () => {
    expect(violationsOf(world(), nights("A", "2026-03-02", 3), RULE)).toEqual([]);
  });

  it("flags four nights in a row as one night over, dated on the fourth", () => {
    const found = violationsOf(world(), nights("A", "2026-03-02", 4), RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "night", subjects: { staff: "A", date: "2026-03-05" } });
    expect(found[0]!.message).toContain("Ann works 4 nights in a row, 2026-03-02 to 2026-03-05 (at most 3)");
  });

  it("lets a day shift break a run of nights", () => {
    const schedule = [...nights("A", "2026-03-02", 3), a("A", "2026-03-05", "E8"), ...nights("A", "2026-03-06", 3)];
    expect(violationsOf(world(), schedule, RULE)).toEqual([]);
  });

  it("counts 12-hour tech nights across the spring change by their start dates", () => {
    expect(violationsOf(world(), nights("C", "2026-03-06", 5, "TN12"), RULE).map((v) => v.amount)).toEqual([2]);
  });

  it("counts history nights before the horizon", () => {
    const history = [{ date: "2026-02-28", template: "N8" }, { date: "2026-03-01", template: "N8" }];
    const found = violationsOf(world({ staff: withStaff("A", { history }) }), nights("A", "2026-03-02", 2), RULE);
    expect(found.map((v) => [v.amount, v.subjects.date])).toEqual([[1, "2026-03-03"]]);
  });

  it("uses the person's contract limit, where 0 forbids any night", () => {
    const input = world({ staff: withStaff("A", { contract: { maxConsecutiveNights: 0 } }) });
    expect(violationsOf(input, nights("A", "2026-03-02", 2), RULE).map((v) => v.amount)).toEqual([2]);
    expect(violationsOf(input, nights("B", "2026-03-02", 2), RULE)).toEqual([]);
  });

  it("uses the site's maxNights", () => {
    const input = withRule(world(), RULE, { params: { maxNights: 2 } });
    expect(violationsOf(input, nights("A", "2026-03-02", 3), RULE).map((v) => v.amount)).toEqual([1]);
  });
});

describe("nights.max-consecutive in the model", () => {
  // Ann alone (FTE 0, at most 2 nights in a row by contract), nights Monday to Wednesday worth 2000 each.
  const scenario = (maxConsecutiveNights = 2) =>
    world({
      horizon: { start: "2026-03-02", end: "2026-03-05" },
      staff: [{ ...BASE.staff[0]!, fte: 0, contract: { maxConsecutiveNights } }],
      slotDemand: ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ template: "N8", date, required: 1, underWeight: 2000 })),
    });
  const dates = (solved: { schedule: { assignments: { date: string }[] } }) => solved.schedule.assignments.map((x) => x.date).sort();

  it("never works more nights in a row than the limit when the rule is hard", async () => {
    const solved = await solveDirect(scenario());
    expect(dates(solved)).toHaveLength(2);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes no night column at all under a limit of 0", async () => {
    const solved = await solveDirect(scenario(0));
    expect([...solved.built.ctx.staff[0]!.x.keys()].filter((key) => key.startsWith("N8@"))).toEqual([]);
    expect(solved.schedule.assignments).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices each night over the limit when the rule is soft and cheaper than the gap", async () => {
    const solved = await solveDirect(withRule(scenario(), RULE, { hard: false, weight: 1 }));
    expect(dates(solved)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(solved);
  });
});
