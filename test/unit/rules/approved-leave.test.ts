import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));

const onLeave = () => world({ staff: withStaff("A", { leave: [{ start: "2026-03-05", end: "2026-03-09", reason: "vacation" }] }) });

describe("leave.approved", () => {
  it("accepts shifts on the days just before and after the leave", () => {
    expect(violationsOf(onLeave(), [a("A", "2026-03-04", "D8"), a("A", "2026-03-10", "D8")], "leave.approved")).toEqual([]);
  });

  it("flags shifts on the first and last day of the leave (both inclusive)", () => {
    const found = violationsOf(onLeave(), [a("A", "2026-03-05", "D8"), a("A", "2026-03-09", "E8")], "leave.approved");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "shift", subjects: { staff: "A", date: "2026-03-05", template: "D8" } });
    expect(found[1]).toMatchObject({ subjects: { date: "2026-03-09", template: "E8" } });
    expect(found[0]!.message).toContain("Ann");
    expect(found[0]!.message).toContain("vacation, 2026-03-05 to 2026-03-09");
  });

  it("judges a night by its start date, so one ending on the first day of leave is allowed", () => {
    expect(violationsOf(onLeave(), [a("A", "2026-03-04", "N8")], "leave.approved")).toEqual([]);
  });

  it("leaves other people's shifts alone", () => {
    expect(violationsOf(onLeave(), [a("B", "2026-03-06", "D8")], "leave.approved")).toEqual([]);
  });
});

describe("leave.approved in the model", () => {
  // Ann alone (FTE 0), on leave Monday, and a Monday day shift worth 2000.
  const scenario = world({
    horizon: { start: "2026-03-02", end: "2026-03-03" },
    staff: [{ ...BASE.staff[0]!, fte: 0, leave: [{ start: "2026-03-01", end: "2026-03-02", reason: "vacation" }] }],
    slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 }],
  });

  it("makes no column on a day of leave when the rule is hard", async () => {
    const solved = await solveDirect(scenario);
    expect([...solved.built.ctx.staff[0]!.x.keys()].filter((key) => key.endsWith("@2026-03-02"))).toEqual([]);
    expect(solved.built.ctx.staff[0]!.x.has("D8@2026-03-03")).toBe(true);
    expect(solved.schedule.assignments).toEqual([]);
    expect(solved.explanation.violations.filter((v) => v.rule === "leave.approved")).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices a shift on leave when the rule is soft and cheaper than the gap", async () => {
    const solved = await solveDirect(withRule(scenario, "leave.approved", { hard: false, weight: 1 }));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "D8")]);
    expect(solved.explanation.violations.filter((v) => v.rule === "leave.approved")).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(solved);
  });
});
