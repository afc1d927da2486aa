import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";
import type { PlanningInputFile } from "../../../models/index.js";

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
