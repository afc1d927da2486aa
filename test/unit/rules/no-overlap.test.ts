import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

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

describe("shift.no-overlap in the model", () => {
  // Ann alone (FTE 0: no hours band), a Monday night (23:00–07:00) and a Tuesday 06:00 start, each line
  // worth 2000: together they overlap by an hour.
  const scenario = (extra: Partial<PlanningInputFile> = {}) =>
    world({
      horizon: { start: "2026-03-02", end: "2026-03-03" },
      shiftTemplates: templates,
      staff: [{ ...BASE.staff[0]!, fte: 0 }],
      slotDemand: [
        { template: "N8", date: "2026-03-02", required: 1, underWeight: 2000 },
        { template: "EARLY", date: "2026-03-03", required: 1, underWeight: 2000 },
      ],
      ...extra,
    });
  const worked = (solved: { schedule: { assignments: { template: string }[] } }) => solved.schedule.assignments.map((x) => x.template).sort();

  // Rest off in the hard cases: its rows over each person's shift occupancies exclude overlaps as well.
  const noRest = { "rest.min-between-shifts": { enabled: false, params: {} } };

  it("never gives overlapping shifts on consecutive days when the rule is hard", async () => {
    const solved = await solveDirect(scenario({ rules: noRest }));
    expect(worked(solved)).toHaveLength(1);
    expect(solved.explanation.violations.filter((v) => v.rule === "shift.no-overlap")).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  // D8 runs 07:00–15:30 and E8 starts 15:00, both Monday. The base templates only: min rest's rows assume
  // one shift a day, and SWING (01:00 Tuesday) is too close to both.
  const sameDay = (rules: PlanningInputFile["rules"]) =>
    scenario({
      shiftTemplates: BASE.shiftTemplates,
      slotDemand: ["D8", "E8"].map((template) => ({ template, date: "2026-03-02", required: 1, underWeight: 2000 })),
      rules: { "shift.one-per-day": { enabled: false, params: {} }, ...rules },
    });

  it("keeps two overlapping shifts of one date apart even with one-shift-per-day off", async () => {
    const solved = await solveDirect(sameDay(noRest));
    expect(worked(solved)).toHaveLength(1);
    expectModelAgreesWithChecker(solved);
  });

  it("gives no column for a shift overlapping a history night", async () => {
    const input = scenario({ staff: [{ ...BASE.staff[0]!, fte: 0, history: [{ date: "2026-03-01", template: "N8" }] }] });
    const solved = await solveDirect(input);
    expect(solved.built.ctx.staff[0]!.x.has("EARLY@2026-03-02")).toBe(false);
    expect(solved.built.ctx.staff[0]!.x.has("N8@2026-03-02")).toBe(true);
    expectModelAgreesWithChecker(solved);
  });

  it("prices each overlapping minute when the rule is soft, same-day pairs included", async () => {
    const soft = await solveDirect(withRule(scenario(), "shift.no-overlap", { hard: false, weight: 0.5 }));
    expect(worked(soft)).toEqual(["EARLY", "N8"]);
    expect(soft.explanation.violations.filter((v) => v.rule === "shift.no-overlap")).toEqual([expect.objectContaining({ amount: 60, penalty: 30 })]);
    expectModelAgreesWithChecker(soft);

    const both = await solveDirect(sameDay({ "shift.no-overlap": { hard: false, weight: 0.5, params: {} } }));
    expect(worked(both)).toEqual(["D8", "E8"]);
    expect(both.explanation.violations.filter((v) => v.rule === "shift.no-overlap")).toEqual([expect.objectContaining({ amount: 30, penalty: 15 })]);
    expectModelAgreesWithChecker(both);
  });
});
