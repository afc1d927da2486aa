import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";
import { withRule } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";
import { explain, prepare } from "../../../src/pipeline.js";

const RULE = "coverage.interval-overstaffing";
const floors = [{ area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00", weekdays: [1] }];

describe("coverage.interval-overstaffing", () => {
  it("accepts exactly the floor on duty (the half hour past 15:00 covers no whole interval)", () => {
    expect(violationsOf(world({ floors }), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
  });

  it("flags a second person beyond demand in staff-hours", () => {
    const found = violationsOf(world({ floors }), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      hard: false,
      amount: 8,
      unit: "staff-hour",
      penalty: 8,
      subjects: { area: "central", roleFamily: "pharmacist", date: "2026-03-02" },
    });
    expect(found[0]!.message).toMatch(/07:00–15:00/);
  });

  it("counts a shift where its area has no demand at that hour", () => {
    const found = violationsOf(world({ floors }), [a("A", "2026-03-02", "E8")], RULE);
    expect(found[0]).toMatchObject({ amount: 8, subjects: { date: "2026-03-02" } });
  });

  it("does not charge the people last night's shifts (history) put over demand by themselves, though they are on duty", async () => {
    // Ann's and Ben's nights of 2026-03-01 run 23:00–07:00 into the first day, where the floor asks for one.
    const night = [{ area: "central", roleFamily: "pharmacist" as const, count: 1, from: "00:00", to: "07:00", weekdays: [1] }];
    const input = patchStaff(patchStaff(smallWorld(1, { floors: [...floors, ...night] }), "A", { history: [{ date: "2026-03-01", template: "N8" }] }), "B", { history: [{ date: "2026-03-01", template: "N8" }] });
    const check = explain(prepare(input), { assignments: [a("B", "2026-03-02", "D8")] });
    expect(check.violations.filter((v) => v.rule === RULE || v.rule === "coverage.floor-shortfall")).toEqual([]);
    expect(check.coverage.find((l) => l.roleFamily === "pharmacist")).toMatchObject({ requiredStaffHours: 15, coveredStaffHours: 15, overstaffedStaffHours: 0 });
    const solved = await solveDirect(input);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("splits an overnight shift by the date each interval starts on", () => {
    // N8 on the first Monday: 23:00–07:00, one hour on 03-02 and seven on 03-03.
    const found = violationsOf(world({ floors }), [a("A", "2026-03-02", "N8")], RULE);
    expect(found.map((v) => [v.subjects.date, v.amount])).toEqual([
      ["2026-03-02", 1],
      ["2026-03-03", 7],
    ]);
  });

  it("does not judge an area and role family without any demand", () => {
    expect(violationsOf(world({ floors }), [a("C", "2026-03-02", "IV10")], RULE)).toEqual([]);
  });
});

describe("coverage.interval-overstaffing in the model", () => {
  // Monday only: a floor of one pharmacist 07:00–15:00, but a slot line wants two on the day shift.
  const input = smallWorld(1, { floors, slotDemand: [{ template: "D8", date: "2026-03-02", required: 2, underWeight: 2000 }] });

  it("staffs beyond demand when a slot line is worth it, and counts the extra staff-hours", async () => {
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 8, penalty: 8, subjects: { area: "central", roleFamily: "pharmacist", date: "2026-03-02" } })]);
    expectModelAgreesWithChecker(solved);
  });

  it("keeps people on duty within demand when set hard", async () => {
    const solved = await solveDirect(withRule(input, RULE, { hard: true }));
    expect(solved.schedule.assignments).toHaveLength(1);
    expect(violationsIn(solved.explanation, "coverage.slot-under")).toEqual([expect.objectContaining({ amount: 1 })]);
    expectModelAgreesWithChecker(solved);
  });
});
