import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const RULE = "days.min-consecutive";

describe("days.min-consecutive", () => {
  it("accepts two working days in a row", () => {
    expect(violationsOf(world(), [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE)).toEqual([]);
  });

  it("flags a single working day mid-horizon as one day short, soft and priced", () => {
    const found = violationsOf(world(), [a("A", "2026-03-04", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "day", penalty: 100, subjects: { staff: "A", date: "2026-03-04" } });
    expect(found[0]!.message).toContain("Ann works only 1 day in a row on 2026-03-04 (at least 2 wanted)");
  });

  it("uses the person's contract minimum over the site's", () => {
    const input = world({ staff: withStaff("A", { contract: { minConsecutiveDays: 3 } }) });
    expect(violationsOf(input, [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("uses the site's minDays", () => {
    const input = withRule(world(), RULE, { params: { minDays: 4 } });
    expect(violationsOf(input, [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE).map((v) => v.amount)).toEqual([2]);
  });

  it("exempts a stretch starting on day 0 when no history shows the day before", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
  });

  it("judges a stretch starting on day 0 when exemptEdges is false", () => {
    const input = withRule(world(), RULE, { params: { exemptEdges: false } });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8")], RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("judges a stretch starting on day 0 when history shows the day before was off", () => {
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-02-25", template: "D8" }] }) });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-02"]);
  });

  it("judges a stretch that starts in history whole", () => {
    const history = [{ date: "2026-03-01", template: "D8" }];
    expect(violationsOf(world({ staff: withStaff("A", { history }) }), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
    const strict = world({ staff: withStaff("A", { history, contract: { minConsecutiveDays: 3 } }) });
    const found = violationsOf(strict, [a("A", "2026-03-02", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 1, subjects: { date: "2026-03-02" } });
    expect(found[0]!.message).toContain("2026-03-01 (history)");
  });

  it("never judges a stretch wholly in history that ended before the day before the horizon", () => {
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-02-25", template: "D8" }] }) });
    expect(violationsOf(input, [], RULE)).toEqual([]);
  });

  it("judges a stretch in history that the horizon's first day off ends", () => {
    // Ann worked Sunday 03-01 alone (02-28 off in her history); the horizon starts Monday 03-02.
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-02-26", template: "D8" }, { date: "2026-03-01", template: "D8" }] }) });
    const found = violationsOf(input, [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE);
    expect(found.map((v) => [v.subjects, v.amount])).toEqual([[{ staff: "A", date: "2026-03-02" }, 1]]);
    expect(found[0]!.message).toContain("Ann works only 1 day in a row on 2026-03-01 (history) (at least 2 wanted)");
    // Working 03-02 makes it two days.
    expect(violationsOf(input, [a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
  });

  it("exempts a stretch reaching the last horizon day, even with exemptEdges false", () => {
    const input = withRule(world(), RULE, { params: { exemptEdges: false } });
    expect(violationsOf(input, [a("A", "2026-03-15", "D8")], RULE)).toEqual([]);
    expect(violationsOf(input, [a("A", "2026-03-14", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-14"]);
  });
});

describe("days.min-consecutive in the model", () => {
  // Ann alone (FTE 0), Monday to Friday, and one day shift on Wednesday worth 2000: on its own it is a
  // one-day stretch.
  const scenario = (setting: { hard?: boolean; weight?: number; params?: Record<string, boolean> }) =>
    withRule(
      world({
        horizon: { start: "2026-03-02", end: "2026-03-06" },
        staff: [{ ...BASE.staff[0]!, fte: 0 }],
        slotDemand: [{ template: "D8", date: "2026-03-04", required: 1, underWeight: 2000 }],
      }),
      RULE,
      setting,
    );
  const dates = (solved: { schedule: { assignments: { date: string }[] } }) => solved.schedule.assignments.map((x) => x.date).sort();

  it("adds a second day to a one-day stretch when the rule is hard", async () => {
    const solved = await solveDirect(scenario({ hard: true }));
    expect(dates(solved)).toHaveLength(2);
    expect(dates(solved)).toContain("2026-03-04");
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the one-day stretch when the rule is soft and cheaper than a second day", async () => {
    const solved = await solveDirect(scenario({ weight: 1 }));
    expect(dates(solved)).toEqual(["2026-03-04"]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("judges a stretch on day 0 only without exemptEdges", async () => {
    const monday = (params: Record<string, boolean>) =>
      withRule(world({ horizon: { start: "2026-03-02", end: "2026-03-06" }, staff: [{ ...BASE.staff[0]!, fte: 0 }], slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 }] }), RULE, { hard: true, params });
    const exempt = await solveDirect(monday({}));
    expect(dates(exempt)).toEqual(["2026-03-02"]);
    expectModelAgreesWithChecker(exempt);
    const judged = await solveDirect(monday({ exemptEdges: false }));
    expect(dates(judged)).toEqual(["2026-03-02", "2026-03-03"]);
    expectModelAgreesWithChecker(judged);
  });

  it("works the horizon's first day after a one-day stretch at the end of history, or prices the stretch", async () => {
    // Ann (FTE 0) worked Sunday 03-01 alone; nothing in Monday to Friday asks for her.
    const afterSunday = (setting: { hard?: boolean; weight?: number }) =>
      withRule(world({ horizon: { start: "2026-03-02", end: "2026-03-06" }, staff: [{ ...BASE.staff[0]!, fte: 0, history: [{ date: "2026-03-01", template: "D8" }] }] }), RULE, setting);
    const hard = await solveDirect(afterSunday({ hard: true }));
    expect(dates(hard)).toEqual(["2026-03-02"]);
    expectModelAgreesWithChecker(hard);
    const soft = await solveDirect(afterSunday({ weight: 1 }));
    expect(dates(soft)).toEqual([]);
    expect(soft.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1, subjects: { staff: "A", date: "2026-03-02" } })]);
    expectModelAgreesWithChecker(soft);
  });
});
