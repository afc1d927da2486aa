/**
 * Coverage against demand by the hour, for the schedule page's charts: per area and role family with
 * demand, the mean people required and the mean qualified people on duty in each hour of the horizon
 * (hours counted from the first local midnight, so a 25-hour DST day has 25). Input: a prepared department
 * and a schedule. Output: one series pair per demand line, with the day boundaries as hour indices.
 */
import type { Schedule } from "../../models/index.js";
import { buildCheckContext } from "../../solver/check/context.js";
import { coverageOf } from "../../solver/check/coverage.js";
import type { Prepared } from "../pipeline.js";

export interface HourlyCoverage {
  area: string;
  roleFamily: string;
  /** Mean people required in each hour of the horizon. */
  required: number[];
  /** Mean qualified people on duty in each hour (the checker's count). */
  covered: number[];
}

export function hourlyCoverage(prepared: Prepared, schedule: Schedule): { lines: HourlyCoverage[]; dayStartHours: number[] } {
  const { input, grid, demand } = prepared;
  const hours = Math.ceil(grid.horizonMinutes / 60);
  // The horizon's hours: those its last night reaches past the end fall outside the chart's days.
  const hourOf = grid.intervals.map((interval) => (interval.startMinute < grid.horizonMinutes ? Math.floor(interval.startMinute / 60) : -1));
  const samples = new Array<number>(hours).fill(0);
  for (const h of hourOf) if (h >= 0) samples[h]!++;
  const mean = (perInterval: (i: number) => number): number[] => {
    const sums = new Array<number>(hours).fill(0);
    hourOf.forEach((h, i) => h >= 0 && (sums[h]! += perInterval(i)));
    return sums.map((sum, h) => (samples[h]! > 0 ? sum / samples[h]! : 0));
  };
  const lines = coverageOf(buildCheckContext(input, grid, demand, schedule)).map(({ series, covered }) => ({
    area: series.area,
    roleFamily: series.roleFamily,
    required: mean((i) => series.required[i]!),
    covered: mean((i) => covered[i]!),
  }));
  return { lines, dayStartHours: grid.days.map((d) => Math.floor(d.startMinute / 60)) };
}
