import { describe, expect, it } from "vitest";
import { a, world } from "../fixtures/world.js";
import { patchStaff } from "../fixtures/patch.js";
import { explain, prepare } from "../../src/pipeline.js";
import { RULE_IDS, type PlanningInput, type PlanningInputFile, type RuleId } from "../../models/index.js";

type Floors = NonNullable<PlanningInputFile["floors"]>;
const floors: Floors = [
  { area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "00:00" },
  { area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "19:00", weekdays: [1, 2, 3, 4, 5] },
];

/** Only the named rules enabled, so a total can be worked out by hand. */
function only(input: PlanningInput, ...keep: RuleId[]): PlanningInput {
  return { ...input, rules: Object.fromEntries(RULE_IDS.map((id) => [id, { params: {}, enabled: keep.includes(id) }])) };
}

describe("explainSchedule", () => {
  it("totals labor cost × its weight plus every soft penalty", () => {
    const input = patchStaff(
      world({ floors, budget: { laborDollars: 2000, overtimeHours: 0 }, slotDemand: [{ template: "D8", date: "2026-03-03", required: 2 }], weights: { laborDollar: 2 } }),
      "A",
      { requests: [{ kind: "day-off", date: "2026-03-03", weight: 2 }] },
    );
    const schedule = {
      assignments: [
        a("A", "2026-03-02", "E8"),
        a("A", "2026-03-03", "D8"), // 7.5 h after E8: a hard rest violation, priced 0
        a("B", "2026-03-07", "N8"),
        a("C", "2026-03-09", "IV10"),
        a("D", "2026-03-09", "T12"),
      ],
    };
    const e = explain(prepare(input), schedule);
    const soft = e.violations.filter((v) => !v.hard);
    expect(soft.length).toBeGreaterThan(0);
    expect(e.violations.some((v) => v.hard)).toBe(true);
    expect(e.feasible).toBe(false);
    expect(e.violations.filter((v) => v.hard).every((v) => v.penalty === 0)).toBe(true);
    const penalties = soft.reduce((p, v) => p + v.penalty, 0);
    expect(e.total).toBeCloseTo(e.cost.totalDollars * 2 + penalties, 6);
    expect(e.rules.reduce((p, r) => p + r.penalty, 0)).toBeCloseTo(penalties, 6);
  });

  it("prices a small schedule as worked out by hand", () => {
    const input = only(
      patchStaff(world({ floors: [{ area: "central", roleFamily: "pharmacist", count: 2, from: "07:00", to: "15:00", weekdays: [1] }], weights: { laborDollar: 2 } }), "A", {
        requests: [{ kind: "day-off", date: "2026-03-02", weight: 2 }],
      }),
      "coverage.floor-shortfall",
      "requests.day-off",
    );
    const e = explain(prepare(input), { assignments: [a("A", "2026-03-02", "D8")] });
    // Floors: 8 staff-hours short on 03-02, 16 on 03-09 (× 1000); the day-off request 2 × 10; Ann 8 h × $60 × 2.
    expect(e.total).toBeCloseTo(24 * 1000 + 20 + 480 * 2, 9);
    expect(e.requests).toEqual({ total: 1, granted: 0, penalty: 20 });
  });

  it("reports the floor staff-hours as shortfall for an empty schedule, across the 23-h DST day", () => {
    const e = explain(prepare(world({ floors })), { assignments: [] });
    // One pharmacist all day, 2026-03-08 is 23 h long, and the 7 h the last night (N8, 23:00–07:00) reaches
    // past the horizon's end into 2026-03-16.
    const central = 14 * 24 - 1 + 7;
    const ivRoom = 10 * 12 * 2; // two technicians 07:00–19:00 on the ten weekdays
    const shortfall = e.violations.filter((v) => v.rule === "coverage.floor-shortfall");
    expect(shortfall.reduce((h, v) => h + v.amount, 0)).toBe(central + ivRoom);
    expect(shortfall.reduce((p, v) => p + v.penalty, 0)).toBe((central + ivRoom) * 1000);
    expect(e.coverage.map((c) => [c.area, c.roleFamily, c.requiredStaffHours, c.floorUncoveredStaffHours, c.coveragePercent])).toEqual([
      ["central", "pharmacist", central, central, 0],
      ["iv-room", "technician", ivRoom, ivRoom, 0],
    ]);
    expect(e.cost.totalDollars).toBe(0);
  });

  it("counts only requests dated inside the horizon, so one outside it is not reported as granted", () => {
    const input = patchStaff(world(), "A", {
      requests: [
        { kind: "day-off", date: "2026-03-03", weight: 1 },
        { kind: "day-off", date: "2026-02-20", weight: 1 },
        { kind: "shift-on", date: "2026-03-20", template: "D8", weight: 1 },
        { kind: "shift-off", date: "2026-03-15", template: "D8", weight: 1 },
      ],
    });
    const e = explain(prepare(input), { assignments: [a("A", "2026-03-03", "D8")] });
    // In the horizon: the day off on 03-03 (broken) and the shift off on 03-15 (kept).
    expect(e.requests).toEqual({ total: 2, granted: 1, penalty: 10 });
  });
});
