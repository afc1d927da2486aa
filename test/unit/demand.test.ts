import { describe, expect, it } from "vitest";
import { deriveDemand } from "../../src/demand/derive.js";
import { buildTimeGrid } from "../../src/time/grid.js";
import { minuteToInstant, minuteToLocalClock } from "../../src/time/local.js";
import { world } from "../fixtures/world.js";
import type { PlanningInputFile } from "../../models/index.js";

const iv: Partial<PlanningInputFile> = {
  workloadTypes: [{ id: "csp", name: "Compounded sterile preparations" }],
  productivityStandards: [{ workloadType: "csp", roleFamily: "technician", area: "iv-room", minutesPerUnit: 3.25, leadMinutes: 60 }],
};

function derive(overrides: Partial<PlanningInputFile>) {
  const input = world(overrides);
  const grid = buildTimeGrid(input);
  return { grid, demand: deriveDemand(input, grid) };
}

describe("demand", () => {
  it("turns workload into people an hour before it is due", () => {
    // 40 preparations due 10:00–11:00 on day 0 at 3.25 min = 130 min of work in 09:00–10:00: ceil(2.17) = 3 people.
    const units = new Array(24).fill(0);
    units[10] = 40;
    const { demand } = derive({ ...iv, forecasts: [{ kind: "hourly", workloadType: "csp", start: "2026-03-02", unitsPerHour: units }] });
    const line = demand.series.find((s) => s.area === "iv-room")!;
    expect(line.roleFamily).toBe("technician");
    expect(line.workloadPeople[9]).toBeCloseTo(130 / 60, 9);
    expect(line.required[9]).toBe(3);
    expect(line.required[10]).toBe(0);
    expect(line.required.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("splits an hour of work over 30-minute intervals", () => {
    const units = new Array(24).fill(0);
    units[10] = 148; // 148 × 3.25 = 481 min: one 8-hour technician's worth, done in one hour by 8.02 people
    const { demand } = derive({ ...iv, intervalMinutes: 30, forecasts: [{ kind: "hourly", workloadType: "csp", start: "2026-03-02", unitsPerHour: units }] });
    const line = demand.series.find((s) => s.area === "iv-room")!;
    expect(line.workloadPeople[18]).toBeCloseTo(481 / 60, 9);
    expect(line.required.slice(18, 20)).toEqual([9, 9]);
  });

  it("spreads a profile's daily volume over the day, keeping the volume on a 23-hour DST day", () => {
    const weights = new Array(168).fill(1);
    const { grid, demand } = derive({ ...iv, forecasts: [{ kind: "profile", workloadType: "csp", hourOfWeekWeights: weights, dailyUnits: 240, dailyUnitsByDate: {} }] });
    const line = demand.series.find((s) => s.area === "iv-room")!;
    const dst = grid.days.find((d) => d.date === "2026-03-08")!;
    // Work due on 03-08 lands an hour earlier: from 23:00 on 03-07 through 22:00 on 03-08.
    const minutesOfWork = grid.intervals
      .filter((i) => i.startMinute >= dst.startMinute - 60 && i.startMinute < dst.endMinute - 60)
      .reduce((sum, i) => sum + line.workloadPeople[i.index]! * 60, 0);
    expect(minutesOfWork).toBeCloseTo(240 * 3.25, 6);
  });

  it("reads an hourly series from the first midnight of a day whose midnight the clock repeats (Havana, 2026-11-01)", () => {
    // 25 values for the 25-hour day: value 0 is due at the first 00:00 (CDT), value 1 at the second (CST).
    const units = new Array<number>(25).fill(0);
    units[1] = 40;
    const { grid, demand } = derive({ ...iv, site: { id: "t", name: "T", timeZone: "America/Havana", payPeriodAnchor: "2026-11-01" }, horizon: { start: "2026-10-31", end: "2026-11-01" }, forecasts: [{ kind: "hourly", workloadType: "csp", start: "2026-11-01", unitsPerHour: units }] });
    const line = demand.series.find((s) => s.area === "iv-room")!;
    // Due at the second 00:00 (05:00Z), so worked in the first 00:00 hour: 04:00Z–05:00Z.
    const worked = grid.intervals.filter((i) => line.workloadPeople[i.index]! > 0);
    expect(worked.map((i) => minuteToInstant(grid, i.startMinute).toISOString())).toEqual(["2026-11-01T04:00:00.000Z"]);
    expect(line.workloadPeople[worked[0]!.index]).toBeCloseTo(130 / 60, 9);
  });

  it("spreads a profile over the local clock's hours on Lord Howe Island's 30-minute changes, not elapsed hours from midnight", () => {
    // Everything due 09:00–10:00 local, worked 08:00–09:00; the clocks go forward 02:00 → 02:30 on
    // 2026-10-04 and back 02:00 → 01:30 on 2026-04-05.
    const weights = Array.from({ length: 168 }, (_, h) => (h % 24 === 9 ? 1 : 0));
    for (const [start, end] of [["2026-10-03", "2026-10-05"], ["2026-04-04", "2026-04-06"]] as const) {
      const { grid, demand } = derive({ ...iv, intervalMinutes: 30, site: { id: "t", name: "T", timeZone: "Australia/Lord_Howe", payPeriodAnchor: start }, horizon: { start, end }, forecasts: [{ kind: "profile", workloadType: "csp", hourOfWeekWeights: weights, dailyUnits: 40, dailyUnitsByDate: {} }] });
      const line = demand.series.find((s) => s.area === "iv-room")!;
      const worked = grid.intervals.filter((i) => line.workloadPeople[i.index]! > 0).map((i) => minuteToLocalClock(grid, i.startMinute));
      expect(worked).toEqual(["08:00", "08:30", "08:00", "08:30", "08:00", "08:30"]);
    }
  });

  it("applies a floor inside its local window only", () => {
    const { grid, demand } = derive({ floors: [{ area: "central", roleFamily: "pharmacist", count: 2, from: "07:00", to: "15:00" }] });
    const line = demand.series.find((s) => s.area === "central" && s.roleFamily === "pharmacist")!;
    expect(line.required.slice(0, 24)).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // On the 23-hour day the window still starts at 07:00 local (6 h after midnight).
    const dst = grid.days.find((d) => d.date === "2026-03-08")!;
    expect(line.required[dst.startMinute / 60 + 6]).toBe(2);
    expect(line.required[dst.startMinute / 60 + 5]).toBe(0);
  });

  it("runs a floor past midnight when it ends before it starts", () => {
    const { demand } = derive({ floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "22:00", to: "06:00" }] });
    const line = demand.series[0]!;
    expect(line.required.slice(22, 30)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(line.required[30]).toBe(0);
    // The window that started the evening before the horizon covers 00:00–06:00 of day 0.
    expect(line.required.slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it("takes the larger of floor and workload", () => {
    const units = new Array(24).fill(0);
    units[10] = 40;
    const { demand } = derive({
      ...iv,
      forecasts: [{ kind: "hourly", workloadType: "csp", start: "2026-03-02", unitsPerHour: units }],
      floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "19:00" }],
    });
    const line = demand.series.find((s) => s.area === "iv-room")!;
    expect(line.required.slice(7, 11)).toEqual([2, 2, 3, 2]);
  });

  it("throws, naming the standard and forecast, rather than derive a required count that is not a whole number", () => {
    // Weights validation refuses (each finite, their sum not): a bug if they ever got this far.
    const input = world(iv);
    const bad = { ...input, forecasts: [{ kind: "profile" as const, workloadType: "csp", hourOfWeekWeights: new Array<number>(168).fill(1e308), dailyUnits: 100, dailyUnitsByDate: {} }] };
    expect(() => deriveDemand(bad, buildTimeGrid(bad))).toThrow(/^demand of iv-room technicians at minute -?\d+ is NaN, not a whole number of people \(from productivityStandards\[0\] \(csp\), forecasts\[0\]\)/);
  });

  it("passes slot demand through with the line's own weights only: a line without them takes the rule's", () => {
    const { demand } = derive({ slotDemand: [{ template: "D8", date: "2026-03-03", required: 2 }, { template: "E8", date: "2026-03-03", required: 1, underWeight: 40, overWeight: 3 }] });
    expect(demand.slots).toEqual([
      { shift: "D8@2026-03-03", template: "D8", date: "2026-03-03", required: 2 },
      { shift: "E8@2026-03-03", template: "E8", date: "2026-03-03", required: 1, underWeight: 40, overWeight: 3 },
    ]);
  });
});
