/**
 * Validation of the workload part of a planning input: bounds that keep demand finite, hourly series
 * across clock changes, standards that would count a workload type twice, and leads.
 */
import { describe, expect, it } from "vitest";
import { formatProblem, type PlanningInputFile } from "../../models/index.js";
import { parseInput } from "../../src/pipeline.js";
import { BASE } from "../fixtures/world.js";

const problemsOf = (overrides: Partial<PlanningInputFile>): string[] => {
  const parsed = parseInput({ ...BASE, ...overrides });
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
};

const orders = { workloadTypes: [{ id: "orders", name: "Orders" }] };
const rph = { workloadType: "orders", roleFamily: "pharmacist" as const, area: "central", minutesPerUnit: 1.8 };
const flat = (weight: number): number[] => new Array<number>(168).fill(weight);
const profile = (over: Record<string, unknown> = {}) => ({ kind: "profile" as const, workloadType: "orders", hourOfWeekWeights: flat(1), dailyUnits: 2000, ...over });
/** 24 values a day for `days` days from `start`: 120 units at 09:00 (the 09:00 medication pass). */
const medPass = (start: string, days: number) => ({ kind: "hourly" as const, workloadType: "orders", start, unitsPerHour: Array.from({ length: 24 * days }, (_, h) => (h % 24 === 9 ? 120 : 0)) });

describe("bounds on the numbers that multiply into demand", () => {
  it("names hour-of-week weights over 1,000,000 once, with a count of the rest (their sum would overflow to NaN demand)", () => {
    expect(problemsOf({ ...orders, productivityStandards: [rph], forecasts: [profile({ hourOfWeekWeights: flat(1e308) })] })).toEqual([
      "forecasts[0].hourOfWeekWeights[0]: must be at most 1,000,000 (weights are relative: scale them down); 167 more values are over it (got 1e+308)",
    ]);
  });

  it("names units per hour over 1,000,000 and units per day over 10,000,000", () => {
    const hourly = { kind: "hourly" as const, workloadType: "orders", start: "2026-03-02", unitsPerHour: [0, 1e308, 5] };
    expect(problemsOf({ ...orders, productivityStandards: [rph], forecasts: [hourly, profile({ dailyUnits: 1e308, dailyUnitsByDate: { "2026-03-03": 2e7 } })] })).toEqual([
      "forecasts[0].unitsPerHour[1]: must be at most 1,000,000 units in an hour (got 1e+308)",
      "forecasts[1].dailyUnits: must be at most 10,000,000 units a day (got 1e+308)",
      "forecasts[1].dailyUnitsByDate.2026-03-03: must be at most 10,000,000 units a day (got 20000000)",
    ]);
  });

  it("names minutes per unit over a day", () => {
    expect(problemsOf({ ...orders, productivityStandards: [{ ...rph, minutesPerUnit: 1e308 }], forecasts: [profile()] })).toEqual([
      "productivityStandards[0].minutesPerUnit: must be at most 1440 (a day of work for one unit) (got 1e+308)",
    ]);
  });

  it("names workload that could need more than 10,000 people at once in one area, with its standard and forecast", () => {
    // 10,000,000 units in one hour (a profile with one hour a day) at a day per unit: 240,000,000 people.
    const oneHour = Array.from({ length: 168 }, (_, h) => (h % 24 === 9 ? 1 : 0));
    expect(problemsOf({ ...orders, productivityStandards: [{ ...rph, minutesPerUnit: 1440 }], forecasts: [profile({ hourOfWeekWeights: oneHour, dailyUnits: 1e7 })] })).toEqual([
      "productivityStandards[0].minutesPerUnit: orders (forecasts[0]) at 1440 min per unit could need 240,000,000 pharmacists at once in central, more than the 10,000 a schedule can hold: check minutesPerUnit and the forecast's volume (got 1440)",
    ]);
  });

  it("names a productive share below 0.05 (paid FTE would be worked FTE divided by almost nothing)", () => {
    expect(problemsOf({ fte: { productiveShare: 1e-320 } })).toEqual(["fte.productiveShare: must be at least 0.05 (one paid hour in 20 worked) and at most 1 (got 1e-320)"]);
  });

  it("names fixed-activity hours over 100,000 a pay period", () => {
    expect(problemsOf({ fte: { fixedActivities: [{ name: "Meetings", roleFamily: "pharmacist", hoursPerPayPeriod: 1e308 }] } })).toEqual([
      "fte.fixedActivities[0].hoursPerPayPeriod: must be at most 100,000 staff-hours a pay period (got 1e+308)",
    ]);
  });
});

describe("a dated hourly series across a clock change", () => {
  it("names 24 values a day across the spring-forward day, saying how many the local days take", () => {
    // America/Chicago springs forward on Sunday 2026-03-08: 14 × 24 elapsed hours end at 01:00 on 03-16.
    expect(problemsOf({ ...orders, productivityStandards: [rph], forecasts: [medPass("2026-03-02", 14)] })).toEqual([
      "forecasts[0].unitsPerHour: 336 values (24 a day) are read as elapsed hours from 2026-03-02 00:00, so they end at 2026-03-16 01:00, not at a midnight: every hour after the clock change would be due an hour off the local clock. Give one value per hour the clock shows: the 14 local days from 2026-03-02 take 335 values (2026-03-08, when the clock skips an hour, takes 23)",
    ]);
    // 23 values on the change day, and a series that does not cross a change, are fine.
    const local = medPass("2026-03-02", 14);
    local.unitsPerHour.splice(6 * 24 + 2, 1);
    expect(problemsOf({ ...orders, productivityStandards: [rph], forecasts: [local, medPass("2026-03-09", 7)] })).toEqual([]);
  });

  it("names 24 values a day across the fall-back day (25 hours), and accepts a year whose two changes cancel", () => {
    expect(problemsOf({ ...orders, productivityStandards: [rph], forecasts: [medPass("2026-10-31", 2)] })).toEqual([
      "forecasts[0].unitsPerHour: 48 values (24 a day) are read as elapsed hours from 2026-10-31 00:00, so they end at 2026-11-01 23:00, not at a midnight: every hour after the clock change would be due an hour off the local clock. Give one value per hour the clock shows: the 2 local days from 2026-10-31 take 49 values (2026-11-01, when the clock repeats an hour, takes 25 (that hour twice))",
    ]);
    expect(problemsOf({ ...orders, productivityStandards: [rph], forecasts: [medPass("2026-01-01", 365)] })).toEqual([]);
  });

  it("reads a day whose midnight the clock repeats (Havana, 2026-11-01) from its first midnight: 25 values, not 24", () => {
    const havana = { ...orders, productivityStandards: [rph], site: { ...BASE.site, timeZone: "America/Havana" }, horizon: { start: "2026-10-31", end: "2026-11-02" } };
    expect(problemsOf({ ...havana, forecasts: [medPass("2026-11-01", 1)] })).toEqual([
      "forecasts[0].unitsPerHour: 24 values (24 a day) are read as elapsed hours from 2026-11-01 00:00, so they end at 2026-11-01 23:00, not at a midnight: every hour after the clock change would be due an hour off the local clock. Give one value per hour the clock shows: the 1 local days from 2026-11-01 take 25 values (2026-11-01, when the clock repeats an hour, takes 25 (that hour twice))",
    ]);
    expect(problemsOf({ ...havana, forecasts: [{ ...medPass("2026-11-01", 1), unitsPerHour: new Array<number>(25).fill(1) }, medPass("2026-10-31", 1)] })).toEqual([]);
  });
});

describe("productivity standards of one workload type", () => {
  it("names a standard given twice for the same type, role family and area (the work would count twice)", () => {
    expect(problemsOf({ ...orders, productivityStandards: [rph, { ...rph, minutesPerUnit: 2 }], forecasts: [profile()] })).toEqual([
      "productivityStandards[1]: the same workload type, role family and area as productivityStandards[0] (orders, pharmacist, central): each standard takes the type's whole volume, so the work would count twice; keep one",
    ]);
  });

  it("names one type with standards for a role family in two areas, and keeps a pharmacist and a technician standard on one type", () => {
    const areas = [...BASE.areas!, { id: "ed", name: "ED satellite" }];
    expect(problemsOf({ ...orders, areas, productivityStandards: [rph, { ...rph, area: "ed", minutesPerUnit: 2 }], forecasts: [profile()] })).toEqual([
      'productivityStandards[1].area: orders already has a pharmacist standard in central (productivityStandards[0]); forecasts carry no area, so each area would take the whole volume: give each area its own workload type (say orders-ed) with its own forecast (got "ed")',
    ]);
    expect(problemsOf({ ...orders, productivityStandards: [rph, { ...rph, roleFamily: "technician", area: "iv-room" }], forecasts: [profile()] })).toEqual([]);
  });
});

describe("leadMinutes", () => {
  it("names a lead under 60, which would finish the work after the units are due", () => {
    expect(problemsOf({ ...orders, productivityStandards: [{ ...rph, leadMinutes: 0 }], forecasts: [profile()] })).toEqual([
      "productivityStandards[0].leadMinutes: must be at least 60: the work for the units due in an hour is done in the hour that starts leadMinutes before it, so a shorter lead would finish it after they are due (got 0)",
    ]);
  });

  it("names a lead that is not a multiple of intervalMinutes, naming both", () => {
    const chemo = { ...orders, productivityStandards: [{ ...rph, leadMinutes: 90 }], forecasts: [profile()] };
    expect(problemsOf(chemo)).toEqual([
      "productivityStandards[0].leadMinutes: must be a multiple of intervalMinutes (60): an hour's work would straddle two intervals and be rounded up to whole people in each (or set intervalMinutes to one it is a multiple of) (got 90)",
    ]);
    expect(problemsOf({ ...chemo, intervalMinutes: 30 })).toEqual([]);
  });
});
