import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const RULE = "weekends.max-per-window";

// Four weeks from Sunday 2026-03-01 to Saturday 2026-03-28: five weekends, the first with its Saturday
// (02-28) before the horizon and the last with its Sunday (03-29) after it.
const FOUR_WEEKS = { horizon: { start: "2026-03-01", end: "2026-03-28" } };

describe("weekends.max-per-window", () => {
  it("accepts both weekends of the two-week horizon (at most 2)", () => {
    expect(violationsOf(world(), [a("A", "2026-03-07", "D8"), a("A", "2026-03-15", "D8")], RULE)).toEqual([]);
  });

  it("flags a second weekend against a contract maximum of one, soft", () => {
    const input = world({ staff: withStaff("A", { contract: { maxWeekends: 1 } }) });
    const found = violationsOf(input, [a("A", "2026-03-07", "D8"), a("A", "2026-03-15", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "weekend", penalty: 100, subjects: { staff: "A", period: "2026-03-07" } });
    expect(found[0]!.message).toContain("Ann works 2 of 2 weekends from 2026-03-07 (2026-03-07, 2026-03-14; at most 1)");
  });

  it("uses the site's maxWeekends and counts a weekend once when both days are worked", () => {
    const input = withRule(world(), RULE, { params: { maxWeekends: 1 } });
    expect(violationsOf(input, [a("A", "2026-03-07", "D8"), a("A", "2026-03-08", "D8")], RULE)).toEqual([]);
    expect(violationsOf(input, [a("A", "2026-03-08", "D8"), a("A", "2026-03-14", "D8")], RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("slides windows of windowWeekends weekends", () => {
    const input = withRule(world(FOUR_WEEKS), RULE, { params: { maxWeekends: 1, windowWeekends: 2 } });
    const found = violationsOf(input, [a("A", "2026-03-07", "D8"), a("A", "2026-03-14", "D8")], RULE);
    expect(found.map((v) => [v.subjects.period, v.amount])).toEqual([["2026-03-07", 1]]);
  });

  it("counts a history Saturday just before the horizon", () => {
    const schedule = [a("A", "2026-03-07", "D8"), a("A", "2026-03-14", "D8")];
    expect(violationsOf(world(FOUR_WEEKS), schedule, RULE)).toEqual([]);
    const input = world({ ...FOUR_WEEKS, staff: withStaff("A", { history: [{ date: "2026-02-28", template: "D8" }] }) });
    // Windows: weekends 1–4 (from 03-01) hold three worked, weekends 2–5 (from 03-07) two; with history,
    // the one from 02-21 (02-21 off, 02-28, 03-07, 03-14) three as well.
    expect(violationsOf(input, schedule, RULE).map((v) => [v.subjects.period, v.amount])).toEqual([["2026-02-21", 1], ["2026-03-01", 1]]);
  });

  it("judges the windows that begin with weekends worked before the horizon, for a person with history", () => {
    // Monday 03-02 to Sunday 03-15: weekends 03-07 and 03-14. Ann worked the Saturdays 02-21 and 02-28.
    const history = [{ date: "2026-02-21", template: "D8" }, { date: "2026-02-28", template: "D8" }];
    const schedule = [a("A", "2026-03-14", "D8"), a("B", "2026-03-07", "D8"), a("B", "2026-03-14", "D8")];
    const staff = withStaff("A", { history }).map((s) => (s.id === "B" ? { ...s, contract: { maxWeekends: 1 } } : s));
    const found = violationsOf(world({ staff }), schedule, RULE);
    // Ann, from 02-14: 02-21, 02-28 (and 03-07 off), two; from 02-21: 02-21, 02-28, 03-14, three of four.
    // Ben (at most one) has no history: nothing before the horizon is known, so his one window is the
    // horizon's two weekends, as without anyone's history.
    expect(found.map((v) => [v.subjects, v.amount])).toEqual([
      [{ staff: "A", period: "2026-02-21" }, 1],
      [{ staff: "B", period: "2026-03-07" }, 1],
    ]);
    expect(found[0]!.message).toContain("Ann works 3 of 4 weekends from 2026-02-21 (2026-02-21, 2026-02-28, 2026-03-14; at most 2)");
  });

  it("counts a Saturday at the end of the horizon whose Sunday lies after it", () => {
    const schedule = [a("A", "2026-03-15", "D8"), a("A", "2026-03-21", "D8"), a("A", "2026-03-28", "D8")];
    expect(violationsOf(world(FOUR_WEEKS), schedule, RULE).map((v) => [v.subjects.period, v.amount])).toEqual([["2026-03-07", 1]]);
  });

  it("makes the whole horizon one window when windowWeekends is 0", () => {
    const everyWeekend = ["2026-03-01", "2026-03-07", "2026-03-14", "2026-03-21", "2026-03-28"].map((d) => a("A", d, "D8"));
    expect(violationsOf(world(FOUR_WEEKS), everyWeekend, RULE).map((v) => v.amount)).toEqual([2, 2]);
    const whole = withRule(world(FOUR_WEEKS), RULE, { params: { windowWeekends: 0 } });
    expect(violationsOf(whole, everyWeekend, RULE).map((v) => [v.subjects.period, v.amount])).toEqual([["2026-03-01", 3]]);
  });
});

describe("weekends.max-per-window in the model", () => {
  // Sunday 03-08 to Saturday 03-14: Ann (FTE 0, at most one weekend by contract) worked Saturday 03-07
  // before the horizon, so the first weekend counts already; a Saturday 03-14 day shift is worth 2000.
  // With her history the windows are the four weekends to 03-08 (from 02-14) and to 03-14 (from 02-21).
  const scenario = (setting: { hard?: boolean; weight?: number }) =>
    withRule(
      world({
        horizon: { start: "2026-03-08", end: "2026-03-14" },
        staff: [{ ...BASE.staff[0]!, fte: 0, contract: { maxWeekends: 1, maxShiftsPerTemplate: {} }, history: [{ date: "2026-03-07", template: "D8" }] }],
        slotDemand: [{ template: "D8", date: "2026-03-14", required: 1, underWeight: 2000 }],
      }),
      RULE,
      setting,
    );

  it("keeps to the maximum, history weekend included, when the rule is hard", async () => {
    const solved = await solveDirect(scenario({ hard: true }));
    expect(solved.schedule.assignments.filter((x) => x.date === "2026-03-14")).toEqual([]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the weekend over when the rule is soft and cheaper than the gap", async () => {
    const solved = await solveDirect(scenario({ weight: 1 }));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-14", "D8")]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1, subjects: { staff: "A", period: "2026-02-21" } })]);
    expectModelAgreesWithChecker(solved);
  });

  it("keeps a weekend off that would make three in four with the weekends worked before the horizon", async () => {
    // Monday 03-02 to Sunday 03-08, one weekend (03-07): Ann worked the Saturdays 02-21 and 02-28, and a
    // day shift on 03-07 is worth 2000. The window from 02-14 holds two already.
    const saturday = (setting: { hard?: boolean; weight?: number }) =>
      withRule(
        world({
          horizon: { start: "2026-03-02", end: "2026-03-08" },
          staff: [{ ...BASE.staff[0]!, fte: 0, history: [{ date: "2026-02-21", template: "D8" }, { date: "2026-02-28", template: "D8" }] }],
          slotDemand: [{ template: "D8", date: "2026-03-07", required: 1, underWeight: 2000 }],
        }),
        RULE,
        setting,
      );
    const hard = await solveDirect(saturday({ hard: true }));
    expect(hard.schedule.assignments.filter((x) => x.date === "2026-03-07" || x.date === "2026-03-08")).toEqual([]);
    expectModelAgreesWithChecker(hard);
    const soft = await solveDirect(saturday({ weight: 1 }));
    expect(soft.schedule.assignments).toContainEqual(a("A", "2026-03-07", "D8"));
    expect(soft.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1, subjects: { staff: "A", period: "2026-02-14" } })]);
    expectModelAgreesWithChecker(soft);
  });
});
