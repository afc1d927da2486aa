import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));

// Ann starts on Thursday 5 March and leaves after Monday 9 March.
const dated = () => world({ staff: withStaff("A", { employedFrom: "2026-03-05", employedUntil: "2026-03-09" }) });

describe("employment.dates", () => {
  it("accepts shifts on the first and last day of employment (both inclusive)", () => {
    expect(violationsOf(dated(), [a("A", "2026-03-05", "D8"), a("A", "2026-03-09", "D8")], "employment.dates")).toEqual([]);
  });

  it("flags a shift the day before the first and the day after the last day, naming the employment, not leave", () => {
    const found = violationsOf(dated(), [a("A", "2026-03-04", "D8"), a("A", "2026-03-10", "E8")], "employment.dates");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "shift", subjects: { staff: "A", date: "2026-03-04", template: "D8" } });
    expect(found[0]!.message).toBe("Ann is not employed on 2026-03-04 (employed 2026-03-05 to 2026-03-09) but works Day (D8)");
    expect(found[1]).toMatchObject({ subjects: { date: "2026-03-10", template: "E8" } });
    expect(violationsOf(dated(), [a("A", "2026-03-10", "E8")], "leave.approved")).toEqual([]);
  });

  it("says 'employed until' for a leaver with no start date", () => {
    const leaver = world({ staff: withStaff("A", { employedUntil: "2026-03-09" }) });
    expect(violationsOf(leaver, [a("A", "2026-03-12", "D8")], "employment.dates")[0]!.message).toContain("(employed until 2026-03-09)");
  });

  it("judges a night by its start date, so one starting on the last day is inside", () => {
    expect(violationsOf(dated(), [a("A", "2026-03-09", "N8")], "employment.dates")).toEqual([]);
  });

  it("leaves people without employment dates alone", () => {
    expect(violationsOf(dated(), [a("B", "2026-03-02", "D8"), a("B", "2026-03-15", "D8")], "employment.dates")).toEqual([]);
  });
});

describe("employment.dates in the model", () => {
  // Ann alone (FTE 0), hired from Tuesday, and a Monday day shift worth 2000.
  const scenario = world({
    horizon: { start: "2026-03-02", end: "2026-03-03" },
    staff: [{ ...BASE.staff[0]!, fte: 0, employedFrom: "2026-03-03" }],
    slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 }],
  });

  it("makes no column before the first day of employment when the rule is hard", async () => {
    const solved = await solveDirect(scenario);
    expect([...solved.built.ctx.staff[0]!.x.keys()].filter((key) => key.endsWith("@2026-03-02"))).toEqual([]);
    expect(solved.built.ctx.staff[0]!.x.has("D8@2026-03-03")).toBe(true);
    expect(solved.schedule.assignments).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices a shift outside the employment when the rule is soft and cheaper than the gap", async () => {
    const solved = await solveDirect(withRule(scenario, "employment.dates", { hard: false, weight: 1 }));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "D8")]);
    expect(solved.explanation.violations.filter((v) => v.rule === "employment.dates")).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(solved);
  });
});
