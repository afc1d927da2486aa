import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, world } from "../../fixtures/world.js";

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
