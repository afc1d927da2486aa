import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const RULE = "days-off.min-consecutive";

describe("days-off.min-consecutive", () => {
  it("accepts two days off between working days", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-05", "D8")], RULE)).toEqual([]);
  });

  it("flags a single day off between working days as one day short, soft", () => {
    const found = violationsOf(world(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-04", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "day", penalty: 100, subjects: { staff: "A", date: "2026-03-03" } });
    expect(found[0]!.message).toContain("Ann has only 1 day off (2026-03-03) between working days (at least 2 wanted)");
  });

  it("uses the person's contract minimum over the site's", () => {
    const input = world({ staff: withStaff("A", { contract: { minConsecutiveDaysOff: 3 } }) });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8"), a("A", "2026-03-05", "D8")], RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("uses the site's minDays", () => {
    const input = withRule(world(), RULE, { params: { minDays: 4 } });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8"), a("A", "2026-03-05", "D8")], RULE).map((v) => v.amount)).toEqual([2]);
  });

  it("exempts days off at the start of a horizon with no history before them", () => {
    expect(violationsOf(world(), [a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
  });

  it("judges days off at the start of the horizon when exemptEdges is false", () => {
    const input = withRule(world(), RULE, { params: { exemptEdges: false } });
    expect(violationsOf(input, [a("A", "2026-03-03", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-02"]);
  });

  it("exempts days off reaching the last horizon day, even with exemptEdges false", () => {
    const input = withRule(world(), RULE, { params: { exemptEdges: false } });
    expect(violationsOf(input, [a("A", "2026-03-14", "D8")], RULE)).toEqual([]);
  });

  it("counts a history shift as the working day before a break", () => {
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-03-01", template: "D8" }] }) });
    expect(violationsOf(input, [a("A", "2026-03-03", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-02"]);
  });

  it("judges a break that starts in history whole", () => {
    const history = [{ date: "2026-02-28", template: "D8" }];
    expect(violationsOf(world({ staff: withStaff("A", { history }) }), [a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
    const strict = world({ staff: withStaff("A", { history, contract: { minConsecutiveDaysOff: 3 } }) });
    const found = violationsOf(strict, [a("A", "2026-03-03", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 1, subjects: { date: "2026-03-02" } });
    expect(found[0]!.message).toContain("2026-03-01 (history) to 2026-03-02");
  });

  it("judges a break in history that the horizon's first working day ends", () => {
    // Ann worked Saturday 02-28 and had Sunday 03-01 off; the horizon starts Monday 03-02.
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-02-28", template: "D8" }] }) });
    const found = violationsOf(input, [a("A", "2026-03-02", "D8")], RULE);
    expect(found.map((v) => [v.subjects, v.amount])).toEqual([[{ staff: "A", date: "2026-03-02" }, 1]]);
    expect(found[0]!.message).toContain("Ann has only 1 day off (2026-03-01, history) between working days (at least 2 wanted)");
    // With 03-02 off too the break is two days.
    expect(violationsOf(input, [a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
  });

  it("never judges a break wholly in history that ended before the day before the horizon", () => {
    const history = [{ date: "2026-02-26", template: "D8" }, { date: "2026-02-28", template: "D8" }];
    expect(violationsOf(world({ staff: withStaff("A", { history }) }), [a("A", "2026-03-04", "D8")], RULE)).toEqual([]);
  });
});

describe("days-off.min-consecutive in the model", () => {
  // Ann alone (FTE 0), Monday to Friday, day shifts on Tuesday and Thursday worth 2000 each: worked as
  // they stand, Wednesday is a one-day break.
  const scenario = (setting: { hard?: boolean; weight?: number }) =>
    withRule(
      world({
        horizon: { start: "2026-03-02", end: "2026-03-06" },
        staff: [{ ...BASE.staff[0]!, fte: 0 }],
        slotDemand: ["2026-03-03", "2026-03-05"].map((date) => ({ template: "D8", date, required: 1, underWeight: 2000 })),
      }),
      RULE,
      setting,
    );
  const dates = (solved: { schedule: { assignments: { date: string }[] } }) => solved.schedule.assignments.map((x) => x.date).sort();

  it("works through the short break rather than leave it when the rule is hard", async () => {
    const solved = await solveDirect(scenario({ hard: true }));
    expect(dates(solved)).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the one-day break when the rule is soft and cheaper than a third shift", async () => {
    const solved = await solveDirect(scenario({ weight: 1 }));
    expect(dates(solved)).toEqual(["2026-03-03", "2026-03-05"]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1, subjects: { staff: "A", date: "2026-03-04" } })]);
    expectModelAgreesWithChecker(solved);
  });

  it("keeps the horizon's first day off after a one-day break at the end of history, or prices the break", async () => {
    // Ann (FTE 0) worked Saturday 02-28 and had Sunday 03-01 off; a day shift on Monday 03-02 is worth 2000.
    const afterBreak = (setting: { hard?: boolean; weight?: number }) =>
      withRule(
        world({
          horizon: { start: "2026-03-02", end: "2026-03-06" },
          staff: [{ ...BASE.staff[0]!, fte: 0, history: [{ date: "2026-02-28", template: "D8" }] }],
          slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 }],
        }),
        RULE,
        setting,
      );
    const hard = await solveDirect(afterBreak({ hard: true }));
    expect(dates(hard)).not.toContain("2026-03-02");
    expectModelAgreesWithChecker(hard);
    const soft = await solveDirect(afterBreak({ weight: 1 }));
    expect(dates(soft)).toContain("2026-03-02");
    expect(soft.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1, subjects: { staff: "A", date: "2026-03-02" } })]);
    expectModelAgreesWithChecker(soft);
  });
});
