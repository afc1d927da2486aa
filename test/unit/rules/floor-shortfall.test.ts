import { describe, expect, it } from "vitest";
import { parseInput } from "../../../src/pipeline.js";
import { a, violationsOf, world } from "../../fixtures/world.js";
import type { PlanningInputFile } from "../../../models/index.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { onLeave, smallWorld, violationsIn } from "../../fixtures/small-world.js";
import { withRule } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";

const RULE = "coverage.floor-shortfall";
type Floors = NonNullable<PlanningInputFile["floors"]>;
// Mondays in the horizon: 2026-03-02 and 2026-03-09.
const mondayDays = (count: number): Floors => [{ area: "central", roleFamily: "pharmacist", count, from: "07:00", to: "15:00", weekdays: [1] }];

describe("coverage.floor-shortfall", () => {
  it("accepts a day shift covering a 07:00–15:00 floor on both Mondays", () => {
    expect(violationsOf(world({ floors: mondayDays(1) }), [a("A", "2026-03-02", "D8"), a("B", "2026-03-09", "D8")], RULE)).toEqual([]);
  });

  it("flags an uncovered Monday in staff-hours, by area, role family and date", () => {
    const found = violationsOf(world({ floors: mondayDays(1) }), [a("A", "2026-03-02", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      hard: false,
      amount: 8,
      unit: "staff-hour",
      penalty: 8000,
      subjects: { area: "central", roleFamily: "pharmacist", date: "2026-03-09" },
    });
    expect(found[0]!.message).toMatch(/Central pharmacy.*pharmacist.*2026-03-09.*07:00–15:00/);
  });

  it("names the worst stretch in clock times on the day the clocks go forward, and says when they do", () => {
    const sunday: Floors = [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00", weekdays: [7] }];
    const found = violationsOf(world({ floors: sunday }), [a("A", "2026-03-15", "D8")], RULE);
    expect(found.map((v) => v.subjects.date)).toEqual(["2026-03-08"]);
    expect(found[0]!.message).toBe("Central pharmacy is 8.0 pharmacist staff-hours below its floor on 2026-03-08; worst 1 short at 07:00–15:00 (clock times; the clocks go forward 1 h at 02:00 that day)");
  });

  it("says which of the times the clock shows twice it means, on the day the clocks go back (qa6)", () => {
    // New York, 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:00–02:00 comes twice; a floor 00:00–03:00
    // asks for 4 staff-hours, and nobody works.
    const input = world({ horizon: { start: "2026-10-26", end: "2026-11-08" }, floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "03:00", weekdays: [7] }] });
    const found = violationsOf(input, [], RULE).filter((v) => v.subjects.date === "2026-11-01");
    expect(found.map((v) => v.message)).toEqual([
      "Central pharmacy is 4.0 pharmacist staff-hours below its floor on 2026-11-01; worst 1 short at 00:00–03:00 (clock times; the clocks go back 1 h at 02:00 that day)",
    ]);
    // A floor 01:00–02:00 asks for both of that day's 01:00 hours: the stretch starts at the first.
    const hour = world({ horizon: { start: "2026-10-26", end: "2026-11-08" }, floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "01:00", to: "02:00", weekdays: [7] }] });
    expect(violationsOf(hour, [], RULE).filter((v) => v.subjects.date === "2026-11-01").map((v) => v.message)).toEqual([
      "Central pharmacy is 2.0 pharmacist staff-hours below its floor on 2026-11-01; worst 1 short at 01:00 (first)–02:00 (clock times; the clocks go back 1 h at 02:00 that day)",
    ]);
  });

  it("counts each person missing under a floor of two", () => {
    const found = violationsOf(world({ floors: mondayDays(2) }), [a("A", "2026-03-02", "D8"), a("A", "2026-03-09", "D8"), a("B", "2026-03-09", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 8, subjects: { date: "2026-03-02" } });
  });

  it("does not count a person not qualified for the shift they are put on (eligibility soft), in the check or the model", async () => {
    const input = withRule(smallWorld(1, { floors: mondayDays(1) }), "shift.eligibility", { hard: false });
    // Dan, a Technician I, on the pharmacist day shift: no pharmacist is on duty.
    expect(violationsOf(input, [a("D", "2026-03-02", "D8")], RULE)).toEqual([expect.objectContaining({ amount: 8, subjects: expect.objectContaining({ date: "2026-03-02" }) })]);
    const solved = await solveDirect(onLeave(onLeave(input, "A"), "B"), [a("D", "2026-03-02", "D8")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 8 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("does not count a shift of another area or role family", () => {
    const found = violationsOf(world({ floors: mondayDays(1) }), [a("C", "2026-03-02", "T12"), a("A", "2026-03-09", "D8")], RULE);
    expect(found[0]).toMatchObject({ amount: 8, subjects: { date: "2026-03-02" } });
  });

  it("puts each interval of an overnight floor on the date holding its start", () => {
    const floors: Floors = [{ area: "central", roleFamily: "pharmacist", count: 1, from: "22:00", to: "02:00", weekdays: [1] }];
    // Nobody on the first Monday night; on the second, E8 (until 23:30) covers 22:00–23:00 only.
    const found = violationsOf(world({ floors }), [a("A", "2026-03-09", "E8")], RULE);
    expect(found.map((v) => [v.subjects.date, v.amount])).toEqual([
      ["2026-03-02", 2],
      ["2026-03-03", 2],
      ["2026-03-09", 1],
      ["2026-03-10", 2],
    ]);
  });

  it("counts the 23-hour DST day as 23 staff-hours of an all-day floor", () => {
    const floors: Floors = [{ area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "00:00" }];
    const found = violationsOf(world({ floors }), [], RULE);
    expect(found.filter((v) => v.subjects.date! <= "2026-03-15")).toHaveLength(14);
    expect(found.find((v) => v.subjects.date === "2026-03-08")).toMatchObject({ amount: 23 });
    expect(found.filter((v) => v.subjects.date! <= "2026-03-15").reduce((h, v) => h + v.amount, 0)).toBe(14 * 24 - 1);
  });

  it("counts the hours the last night reaches past the horizon's end, dated the day after", () => {
    // N8 (23:00–07:00) on 2026-03-15, the horizon's last day, is on duty until 07:00 on 2026-03-16: those
    // hours are this horizon's to staff, as no shift of the next one can be on then.
    const floors: Floors = [{ area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "00:00" }];
    const found = violationsOf(world({ floors }), [], RULE);
    expect(found.find((v) => v.subjects.date === "2026-03-16")).toMatchObject({ amount: 7, message: expect.stringContaining("00:00–07:00") });
    const night = violationsOf(world({ floors }), [a("A", "2026-03-15", "N8")], RULE);
    expect(night.find((v) => v.subjects.date === "2026-03-16")).toBeUndefined();
  });
});

describe("coverage.floor-shortfall in the model", () => {
  // Monday only; Ann and Ben are the pharmacists, a day shift covers 07:00–15:00.
  const monday = (count: number, extra: Floors = []) => smallWorld(1, { floors: [...mondayDays(count), ...extra] });

  it("covers what it can of a floor of three with two pharmacists and names the gap", async () => {
    const solved = await solveDirect(monday(3));
    expect(solved.schedule.assignments.map((x) => x.staff).sort()).toEqual(["A", "B"]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 8, penalty: 8000, subjects: { area: "central", roleFamily: "pharmacist", date: "2026-03-02" } })]);
    expectModelAgreesWithChecker(solved);
  });

  it("charges an interval no shift can cover as a constant", async () => {
    // Nobody is on duty 00:00–07:00 of the horizon's first day: 7 staff-hours whatever the schedule.
    const solved = await solveDirect(monday(1, [{ area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "07:00", weekdays: [1] }]));
    expect(solved.schedule.assignments).toHaveLength(1);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 7, penalty: 7000 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("staffs the last night for the hours it reaches past the horizon's end (a Tuesday 00:00–07:00 floor, a Monday horizon)", async () => {
    // Only the horizon's own night can be on duty then: before, the month left it to the next, which could not.
    const solved = await solveDirect(monday(1, [{ area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "07:00", weekdays: [2] }]));
    expect(solved.schedule.assignments.filter((x) => x.template === "N8")).toEqual([expect.objectContaining({ date: "2026-03-02" })]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("counts last night's shift from history on duty into the first morning, in the check and the model", async () => {
    // Ann's night of 2026-03-01 (history) runs 23:00–07:00 into the first day: the 00:00–07:00 floor is hers.
    const input = patchStaff(monday(1, [{ area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "07:00", weekdays: [1] }]), "A", { history: [{ date: "2026-03-01", template: "N8" }] });
    expect(violationsOf(input, [a("B", "2026-03-02", "D8")], RULE)).toEqual([]);
    const solved = await solveDirect(input);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expect(solved.explanation.coverage.find((l) => l.roleFamily === "pharmacist")).toMatchObject({ floorUncoveredStaffHours: 0 });
    expectModelAgreesWithChecker(solved);
  });

  it("leaves a cheap floor uncovered, priced at its weight", async () => {
    const cheap = withRule(monday(2), RULE, { weight: 10 });
    const soft = await solveDirect(cheap);
    expect(soft.schedule.assignments).toEqual([]);
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 16, penalty: 160 })]);
    expectModelAgreesWithChecker(soft);
  });

  it("cannot be set hard: the input is refused naming the setting", () => {
    expect(parseInput(withRule(monday(2), RULE, { hard: true }))).toMatchObject({ ok: false, problems: [expect.objectContaining({ path: `rules.${RULE}.hard`, message: expect.stringMatching(/^cannot be true: coverage shortfall is always soft/) })] });
  });
});
