import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));

// No day or evening shift on the day after a night.
const templates = BASE.shiftTemplates.map((t) => (t.id === "N8" ? { ...t, forbiddenNext: ["D8", "E8"] } : t));
const input = (overrides: Partial<PlanningInputFile> = {}) => world({ shiftTemplates: templates, ...overrides });

describe("shift.forbidden-succession", () => {
  it("accepts a night followed by another night, and a day shift after a day's break", () => {
    const schedule = [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "N8"), a("A", "2026-03-05", "D8")];
    expect(violationsOf(input(), schedule, "shift.forbidden-succession")).toEqual([]);
  });

  it("flags a day shift on the day after a night", () => {
    const found = violationsOf(input(), [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "D8")], "shift.forbidden-succession");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "shift", subjects: { staff: "A", date: "2026-03-03", template: "D8" } });
    expect(found[0]!.message).toContain("Ann");
    expect(found[0]!.message).toContain("2026-03-02");
  });

  it("only forbids the listed direction (a night after a day shift is allowed)", () => {
    expect(violationsOf(input(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "N8")], "shift.forbidden-succession")).toEqual([]);
  });

  it("counts a history night on the day before the horizon", () => {
    const found = violationsOf(
      input({ staff: withStaff("A", { history: [{ date: "2026-03-01", template: "N8" }] }) }),
      [a("A", "2026-03-02", "E8")],
      "shift.forbidden-succession",
    );
    expect(found.map((v) => v.subjects.date)).toEqual(["2026-03-02"]);
    expect(found[0]!.message).toContain("(history)");
  });

  it("ignores a history night two days before the horizon", () => {
    const withHistory = input({ staff: withStaff("A", { history: [{ date: "2026-02-28", template: "N8" }] }) });
    expect(violationsOf(withHistory, [a("A", "2026-03-02", "E8")], "shift.forbidden-succession")).toEqual([]);
  });

  it("finds nothing when no template lists a forbidden successor", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "D8")], "shift.forbidden-succession")).toEqual([]);
  });
});

describe("shift.forbidden-succession in the model", () => {
  // No night after a day shift (a contract's rule: the rest rule alone would allow it, 31.5 h apart).
  // Ann alone (FTE 0), a Monday day shift and a Tuesday night, each worth 2000.
  const dayThenNight = BASE.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, forbiddenNext: ["N8"] } : t));
  const scenario = (history: StaffFile["history"] = []) =>
    world({
      horizon: { start: "2026-03-02", end: "2026-03-04" },
      shiftTemplates: dayThenNight,
      staff: [{ ...BASE.staff[0]!, fte: 0, history }],
      slotDemand: [
        { template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 },
        { template: "N8", date: "2026-03-03", required: 1, underWeight: 2000 },
      ],
    });

  it("never follows a shift with a forbidden one when the rule is hard", async () => {
    const solved = await solveDirect(scenario());
    expect(solved.schedule.assignments).toHaveLength(1);
    expect(solved.explanation.violations.filter((v) => v.rule === "shift.forbidden-succession")).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes no column for a forbidden successor of a history shift", async () => {
    const solved = await solveDirect(scenario([{ date: "2026-03-01", template: "D8" }]));
    expect(solved.built.ctx.staff[0]!.x.has("N8@2026-03-02")).toBe(false);
    expect(solved.built.ctx.staff[0]!.x.has("N8@2026-03-03")).toBe(true);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the forbidden pair when the rule is soft and cheaper than the gap", async () => {
    const solved = await solveDirect(withRule(scenario(), "shift.forbidden-succession", { hard: false, weight: 1 }));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "N8")]);
    expect(solved.explanation.violations.filter((v) => v.rule === "shift.forbidden-succession")).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(solved);
  });
});
