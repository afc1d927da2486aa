import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const RULE = "shifts.max-per-template";
const capped = (limit: number, history: StaffFile["history"] = []) =>
  world({ staff: withStaff("A", { contract: { maxShiftsPerTemplate: { N8: limit } }, history }) });
const nights = ["2026-03-02", "2026-03-05", "2026-03-10"].map((d) => a("A", d, "N8"));

describe("shifts.max-per-template", () => {
  it("accepts as many shifts of a template as the contract allows", () => {
    expect(violationsOf(capped(3), nights, RULE)).toEqual([]);
  });

  it("flags shifts of a template beyond the contract's limit", () => {
    const found = violationsOf(capped(2), nights, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "shift", subjects: { staff: "A", template: "N8" } });
    expect(found[0]!.message).toContain("Ann works Night (N8) 3 times (2026-03-02, 2026-03-05, 2026-03-10) but may work it at most 2 times");
  });

  it("forbids a template with a limit of 0, and only that template", () => {
    const found = violationsOf(capped(0), [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "D8")], RULE);
    expect(found.map((v) => [v.subjects.template, v.amount])).toEqual([["N8", 1]]);
    expect(found[0]!.message).toContain("may not work it at all");
  });

  it("sets no limit for a template the contract does not name, or for other people", () => {
    const schedule = [...nights, ...["2026-03-03", "2026-03-06", "2026-03-11"].map((d) => a("B", d, "N8"))];
    expect(violationsOf(capped(3), schedule, RULE)).toEqual([]);
    expect(violationsOf(world(), schedule, RULE)).toEqual([]);
  });

  it("does not count history shifts against the horizon's limit", () => {
    const input = capped(3, [{ date: "2026-02-27", template: "N8" }, { date: "2026-02-28", template: "N8" }]);
    expect(violationsOf(input, nights, RULE)).toEqual([]);
  });
});

describe("shifts.max-per-template in the model", () => {
  // Ann alone (FTE 0), nights on Monday and Wednesday worth 2000 each.
  const scenario = (limit: number) =>
    world({
      horizon: { start: "2026-03-02", end: "2026-03-05" },
      staff: [{ ...BASE.staff[0]!, fte: 0, contract: { maxShiftsPerTemplate: { N8: limit } } }],
      slotDemand: ["2026-03-02", "2026-03-04"].map((date) => ({ template: "N8", date, required: 1, underWeight: 2000 })),
    });
  const nightsOf = (solved: { schedule: { assignments: { template: string }[] } }) => solved.schedule.assignments.filter((x) => x.template === "N8");

  it("keeps to the contract's limit when the rule is hard", async () => {
    const solved = await solveDirect(scenario(1));
    expect(nightsOf(solved)).toHaveLength(1);
    expect(solved.explanation.violations.filter((v) => v.rule === RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes no column for a template whose limit is 0", async () => {
    const solved = await solveDirect(scenario(0));
    expect([...solved.built.ctx.staff[0]!.x.keys()].filter((key) => key.startsWith("N8@"))).toEqual([]);
    expect(nightsOf(solved)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices each shift over the limit when the rule is soft, a limit of 0 included", async () => {
    const over = await solveDirect(withRule(scenario(1), RULE, { hard: false, weight: 1 }));
    expect(nightsOf(over)).toHaveLength(2);
    expect(over.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(over);
    const none = await solveDirect(withRule(scenario(0), RULE, { hard: false, weight: 1 }));
    expect(nightsOf(none)).toHaveLength(2);
    expect(none.explanation.violations.filter((v) => v.rule === RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 2 })]);
    expectModelAgreesWithChecker(none);
  });
});
