import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));

describe("shift.eligibility", () => {
  it("accepts each person on a template of their family whose skills they hold", () => {
    const schedule = [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "N8"), a("C", "2026-03-02", "IV10"), a("D", "2026-03-02", "T12")];
    expect(violationsOf(world(), schedule, "shift.eligibility")).toEqual([]);
  });

  it("flags a Technician I in the IV room for lacking sterile compounding", () => {
    const found = violationsOf(world(), [a("D", "2026-03-03", "IV10")], "shift.eligibility");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "shift", subjects: { staff: "D", date: "2026-03-03", template: "IV10" } });
    expect(found[0]!.message).toContain("Dan");
    expect(found[0]!.message).toContain("Sterile compounding");
    expect(found[0]!.message).not.toContain("pharmacist");
  });

  it("flags a technician on a pharmacist shift, naming the family and the missing skill", () => {
    const found = violationsOf(world(), [a("C", "2026-03-03", "D8")], "shift.eligibility");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("pharmacist work");
    expect(found[0]!.message).toContain("Order verification");
  });

  it("flags a pharmacist on a technician shift that needs no skill", () => {
    const found = violationsOf(world(), [a("A", "2026-03-03", "T12")], "shift.eligibility");
    expect(found.map((v) => v.subjects.template)).toEqual(["T12"]);
  });

  it("counts a person's own skills beyond their level's", () => {
    const input = world({ staff: withStaff("D", { skills: ["sterile"] }) });
    expect(violationsOf(input, [a("D", "2026-03-03", "IV10")], "shift.eligibility")).toEqual([]);
  });

  it("flags each ineligible assignment once", () => {
    const found = violationsOf(world(), [a("D", "2026-03-03", "IV10"), a("D", "2026-03-04", "IV10")], "shift.eligibility");
    expect(found.map((v) => v.subjects.date)).toEqual(["2026-03-03", "2026-03-04"]);
  });

  it("does not judge history shifts", () => {
    const input = world({ staff: withStaff("D", { history: [{ date: "2026-03-01", template: "IV10" }] }) });
    expect(violationsOf(input, [], "shift.eligibility")).toEqual([]);
  });
});

describe("shift.eligibility in the model", () => {
  // Dan (Technician I, no sterile compounding, FTE 0) alone, and an IV-room line worth 2000.
  const scenario = world({
    horizon: { start: "2026-03-02", end: "2026-03-03" },
    staff: [{ ...BASE.staff[3]!, fte: 0 }],
    slotDemand: [{ template: "IV10", date: "2026-03-02", required: 1, underWeight: 2000 }],
  });

  it("makes no column for an ineligible shift when the rule is hard, and leaves the line short", async () => {
    const solved = await solveDirect(scenario);
    expect(solved.built.ctx.staff[0]!.x.has("IV10@2026-03-02")).toBe(false);
    expect(solved.built.ctx.staff[0]!.x.has("T12@2026-03-02")).toBe(true);
    expect(solved.schedule.assignments).toEqual([]);
    expect(solved.explanation.violations.filter((v) => v.rule === "shift.eligibility")).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices an ineligible assignment when the rule is soft, and counts it for no cover", async () => {
    const soft = withRule(scenario, "shift.eligibility", { hard: false, weight: 1 });
    // An imported roster's ineligible assignment, locked: priced, and the IV line is still a person short.
    const imported = await solveDirect(soft, [a("D", "2026-03-02", "IV10")]);
    expect(imported.explanation.violations.filter((v) => v.rule === "shift.eligibility")).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expect(imported.explanation.violations.filter((v) => v.rule === "coverage.slot-under")).toEqual([expect.objectContaining({ amount: 1 })]);
    expectModelAgreesWithChecker(imported);
    // So the optimizer never puts an unqualified person on a line to fill it.
    const solved = await solveDirect(soft);
    expect(solved.schedule.assignments).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });
});
