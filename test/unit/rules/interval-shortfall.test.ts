import { describe, expect, it } from "vitest";
import { parseInput } from "../../../src/pipeline.js";
import { a, violationsOf, world } from "../../fixtures/world.js";
import type { PlanningInputFile } from "../../../models/index.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";
import { withRule } from "../../fixtures/world.js";

const RULE = "coverage.interval-shortfall";
// 20 orders due at 10:00 on Monday 2026-03-02 at 6 min each, done in the hour before (default lead 60 min):
// 120 work minutes in the 09:00 interval, so two pharmacists are required 09:00–10:00.
const units = new Array<number>(24).fill(0);
units[10] = 20;
const workload: Partial<PlanningInputFile> = {
  workloadTypes: [{ id: "orders", name: "Orders to verify" }],
  productivityStandards: [{ workloadType: "orders", roleFamily: "pharmacist", area: "central", minutesPerUnit: 6 }],
  forecasts: [{ kind: "hourly", workloadType: "orders", start: "2026-03-02", unitsPerHour: units }],
};

describe("coverage.interval-shortfall", () => {
  it("accepts two pharmacists on duty for the forecast peak", () => {
    expect(violationsOf(world(workload), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "D8")], RULE)).toEqual([]);
  });

  it("flags a person short in the peak hour", () => {
    const found = violationsOf(world(workload), [a("A", "2026-03-02", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      hard: false,
      amount: 1,
      unit: "staff-hour",
      penalty: 300,
      subjects: { area: "central", roleFamily: "pharmacist", date: "2026-03-02" },
    });
    expect(found[0]!.message).toMatch(/09:00–10:00/);
  });

  it("leaves the floor part of a gap to the floor rule", () => {
    const floors = [{ area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00", weekdays: [1] }];
    const input = world({ ...workload, floors });
    const found = violationsOf(input, [a("A", "2026-03-09", "D8")], RULE);
    expect(found).toHaveLength(1);
    // Nobody on the first Monday: 2 required at 09:00, 1 of them floor, 1 forecast work.
    expect(found[0]).toMatchObject({ amount: 1, subjects: { date: "2026-03-02" } });
    expect(violationsOf(input, [a("A", "2026-03-09", "D8")], "coverage.floor-shortfall")[0]).toMatchObject({ amount: 8 });
  });
});

describe("coverage.interval-shortfall in the model", () => {
  // Monday only, a floor of one pharmacist 07:00–15:00, and orders needing `people` pharmacists 08:00–10:00
  // (due at 09:00 and 10:00, done in the hour before). Ann ($480) and Ben ($464) work day shifts.
  const demand = (people: number): Partial<PlanningInputFile> => {
    const due = new Array<number>(24).fill(0);
    due[9] = due[10] = people * 10;
    return {
      ...workload,
      forecasts: [{ kind: "hourly", workloadType: "orders", start: "2026-03-02", unitsPerHour: due }],
      floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00" }],
    };
  };
  const shortfall = (e: { violations: { rule: string; amount: number }[] }) => violationsIn(e as never, RULE).reduce((h, v) => h + v.amount, 0);

  it("charges only the part above the floor: three needed, two on duty, 2 staff-hours short", async () => {
    const solved = await solveDirect(smallWorld(1, demand(3)));
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 600 })]);
    expect(violationsIn(solved.explanation, "coverage.floor-shortfall")).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the demand part exactly with the floor rule off, where one person alone removes none of it", async () => {
    // With c ≤ 1 the part is 3 − 1 = 2 people whatever c is; only a second person lowers it, by 1.
    const solved = await solveDirect(withRule(smallWorld(1, demand(3)), "coverage.floor-shortfall", { enabled: false }));
    expect(solved.schedule.assignments).toEqual([]);
    expect(shortfall(solved.explanation)).toBe(4);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the demand part exactly when the floor is not dearer than demand", async () => {
    const solved = await solveDirect(withRule(smallWorld(1, demand(3)), "coverage.floor-shortfall", { weight: 100 }));
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(shortfall(solved.explanation)).toBe(2);
    expectModelAgreesWithChecker(solved);
  });

  it("leaves cheap demand short, priced at its weight", async () => {
    const cheap = withRule(smallWorld(1, demand(2)), RULE, { weight: 1 });
    const soft = await solveDirect(cheap);
    expect(soft.schedule.assignments).toHaveLength(1);
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 2 })]);
    expectModelAgreesWithChecker(soft);
  });

  it("cannot be set hard: the input is refused naming the setting", () => {
    expect(parseInput(withRule(smallWorld(1, demand(2)), RULE, { hard: true }))).toMatchObject({ ok: false, problems: [expect.objectContaining({ path: `rules.${RULE}.hard`, message: expect.stringMatching(/^cannot be true: coverage shortfall is always soft/) })] });
  });
});
