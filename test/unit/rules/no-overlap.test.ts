import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));

// A 06:00 and a 01:00 pharmacist start, to overlap the 23:00–07:00 night, and a 24-hour on-call.
const templates = [
  ...BASE.shiftTemplates,
  { id: "EARLY", name: "Early", area: "central", start: "06:00", lengthMinutes: 510, roleFamily: "pharmacist" as const, requiredSkills: ["verify"] },
  { id: "SWING", name: "Swing", area: "central", start: "01:00", lengthMinutes: 480, roleFamily: "pharmacist" as const, requiredSkills: ["verify"] },
  { id: "ONCALL", name: "On call", area: "central", start: "06:00", lengthMinutes: 1440, roleFamily: "pharmacist" as const, requiredSkills: ["verify"] },
];

describe("shift.no-overlap", () => {
  it("accepts a day shift starting the minute a history night ends", () => {
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-03-01", template: "N8" }] }) });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8")], "shift.no-overlap")).toEqual([]);
  });

  it("flags a 06:00 start while a history night runs to 07:00 as 60 minutes of overlap", () => {
    const input = world({ shiftTemplates: templates, staff: withStaff("A", { history: [{ date: "2026-03-01", template: "N8" }] }) });
    const found = violationsOf(input, [a("A", "2026-03-02", "EARLY")], "shift.no-overlap");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 60, unit: "minute", subjects: { staff: "A", date: "2026-03-02", template: "EARLY" } });
    expect(found[0]!.message).toContain("Ann");
    expect(found[0]!.message).toContain("2026-03-01 (history)");
  });

  it("counts real minutes across the spring change (01:00 CST to 07:00 CDT is 5 h)", () => {
    const input = world({ shiftTemplates: templates });
    const found = violationsOf(input, [a("A", "2026-03-07", "N8"), a("A", "2026-03-08", "SWING")], "shift.no-overlap");
    expect(found.map((v) => v.amount)).toEqual([300]);
  });

  it("flags two shifts on one date that overlap, by the overlapping minutes", () => {
    // D8 runs 07:00–15:30 and E8 starts 15:00.
    const found = violationsOf(world(), [a("A", "2026-03-04", "D8"), a("A", "2026-03-04", "E8")], "shift.no-overlap");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 30, subjects: { staff: "A", date: "2026-03-04", template: "E8" } });
  });

  it("counts a shift lying wholly inside a longer one by its own length", () => {
    const found = violationsOf(world({ shiftTemplates: templates }), [a("A", "2026-03-04", "ONCALL"), a("A", "2026-03-04", "D8")], "shift.no-overlap");
    expect(found.map((v) => [v.subjects.template, v.amount])).toEqual([["D8", 510]]);
  });

  it("does not judge other people's shifts against each other", () => {
    expect(violationsOf(world(), [a("A", "2026-03-04", "D8"), a("B", "2026-03-04", "D8")], "shift.no-overlap")).toEqual([]);
  });

  it("prices the minutes when a site makes the rule soft", () => {
    const input = withRule(world(), "shift.no-overlap", { hard: false, weight: 2 });
    const found = violationsOf(input, [a("A", "2026-03-04", "D8"), a("A", "2026-03-04", "E8")], "shift.no-overlap");
    expect(found[0]).toMatchObject({ hard: false, amount: 30, penalty: 60 });
  });
});
