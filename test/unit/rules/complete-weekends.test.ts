import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { withRule } from "../../fixtures/world.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const RULE = "weekends.complete";

// Four weeks from Sunday 2026-03-01 to Saturday 2026-03-28: the first weekend's Saturday lies before the
// horizon and the last one's Sunday after it.
const FOUR_WEEKS = { horizon: { start: "2026-03-01", end: "2026-03-28" } };

describe("weekends.complete", () => {
  it("accepts a whole weekend worked, across the DST change", () => {
    expect(violationsOf(world(), [a("A", "2026-03-07", "D8"), a("A", "2026-03-08", "D8")], RULE)).toEqual([]);
  });

  it("flags a Saturday worked without its Sunday, soft", () => {
    const found = violationsOf(world(), [a("A", "2026-03-07", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "weekend", penalty: 100, subjects: { staff: "A", date: "2026-03-07", period: "2026-03-07" } });
    expect(found[0]!.message).toContain("Ann works Saturday 2026-03-07 but not Sunday 2026-03-08");
  });

  it("flags a Sunday worked without its Saturday", () => {
    const found = violationsOf(world(), [a("A", "2026-03-15", "N8")], RULE);
    expect(found.map((v) => [v.subjects.date, v.subjects.period])).toEqual([["2026-03-15", "2026-03-14"]]);
  });

  it("does not judge a weekend whose Saturday is before the horizon when the person has no history", () => {
    expect(violationsOf(world(FOUR_WEEKS), [a("A", "2026-03-01", "D8")], RULE)).toEqual([]);
  });

  it("judges that weekend from history: a worked Saturday completes it, an unworked one splits it", () => {
    const saturday = world({ ...FOUR_WEEKS, staff: withStaff("A", { history: [{ date: "2026-02-28", template: "D8" }] }) });
    expect(violationsOf(saturday, [a("A", "2026-03-01", "D8")], RULE)).toEqual([]);
    const onlySaturday = violationsOf(saturday, [], RULE);
    expect(onlySaturday.map((v) => [v.subjects.date, v.subjects.period])).toEqual([["2026-02-28", "2026-03-01"]]);
    expect(onlySaturday[0]!.message).toContain("Saturday 2026-02-28 (history) but not Sunday 2026-03-01");

    const earlier = world({ ...FOUR_WEEKS, staff: withStaff("A", { history: [{ date: "2026-02-26", template: "D8" }] }) });
    expect(violationsOf(earlier, [a("A", "2026-03-01", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-01"]);
  });

  it("does not judge a last Saturday whose Sunday lies after the horizon", () => {
    expect(violationsOf(world(FOUR_WEEKS), [a("A", "2026-03-28", "D8")], RULE)).toEqual([]);
  });
});

describe("weekends.complete in the model", () => {
  // Ann alone (FTE 0), Monday 03-02 to Monday 03-09, and a Saturday 03-07 day shift worth 2000.
  const scenario = (setting: { hard?: boolean; weight?: number }) =>
    withRule(
      world({
        horizon: { start: "2026-03-02", end: "2026-03-09" },
        staff: [{ ...BASE.staff[0]!, fte: 0 }],
        slotDemand: [{ template: "D8", date: "2026-03-07", required: 1, underWeight: 2000 }],
      }),
      RULE,
      setting,
    );
  const dates = (solved: { schedule: { assignments: { date: string }[] } }) => solved.schedule.assignments.map((x) => x.date).sort();

  it("works the Sunday too when the rule is hard", async () => {
    const solved = await solveDirect(scenario({ hard: true }));
    expect(dates(solved)).toEqual(["2026-03-07", "2026-03-08"]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the split weekend when the rule is soft and cheaper than a Sunday shift", async () => {
    const solved = await solveDirect(scenario({ weight: 1 }));
    expect(dates(solved)).toEqual(["2026-03-07"]);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1, subjects: { staff: "A", date: "2026-03-07", period: "2026-03-07" } })]);
    expectModelAgreesWithChecker(solved);
  });
});
