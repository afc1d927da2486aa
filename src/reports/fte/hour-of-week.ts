/**
 * Demand against scheduled staff by hour of week, per area: for each local hour of the week (Monday
 * 00:00 first), the mean over the horizon of the people required (all role families) and of the people a
 * schedule has on duty there. Input: a prepared department and a schedule (none when the solve found
 * none: demand alone). Output: 168 values per series per area.
 */
import type { Schedule } from "../../../models/index.js";
import { buildCheckContext } from "../../../solver/check/context.js";
import { coverageOf, coveredIntervals } from "../../../solver/check/coverage.js";
import { minuteToDateTime } from "../../time/grid.js";
import type { Prepared } from "../../pipeline.js";

export interface AreaWeekProfile {
  area: string;
  name: string;
  /** Mean people required in each hour of the week (168 entries, Monday 00:00 first). */
  required: number[];
  /** Mean people on duty in each hour of the week; absent without a schedule. */
  scheduled?: number[];
}

export function hourOfWeekProfiles(prepared: Prepared, schedule: Schedule | undefined): AreaWeekProfile[] {
  const { input, grid, demand } = prepared;
  const coverage = coverageOf(buildCheckContext(input, grid, demand, schedule ?? { assignments: [] }));
  // Everyone on duty per area and interval, every role family: one with no demand series in an area
  // (a pharmacist in the IV room, where only technicians have demand) is on duty there all the same.
  const shifts = new Map(grid.shifts.map((s) => [s.key, s]));
  const onDuty = new Map(input.areas.map((a) => [a.id, new Array<number>(grid.intervals.length).fill(0)]));
  for (const a of schedule?.assignments ?? []) {
    const shift = shifts.get(`${a.template}@${a.date}`);
    if (!shift) continue;
    for (const i of coveredIntervals(shift, grid.intervalMinutes, grid.intervals.length)) onDuty.get(shift.area)![i]!++;
  }
  // Local hour of week of each interval, from src/time's grid, which knows the zone.
  const slot = grid.intervals.map((interval) => {
    const local = minuteToDateTime(grid, interval.startMinute);
    return (local.weekday - 1) * 24 + local.hour;
  });
  return input.areas
    .map((area) => {
      const required = new Array<number>(168).fill(0);
      const scheduled = new Array<number>(168).fill(0);
      const samples = new Array<number>(168).fill(0);
      const lines = coverage.filter((c) => c.series.area === area.id);
      slot.forEach((h, i) => {
        // The horizon's weeks: the hours its last night reaches past the end belong to the next one's.
        if (grid.intervals[i]!.startMinute >= grid.horizonMinutes) return;
        samples[h]!++;
        for (const line of lines) required[h]! += line.series.required[i]!;
        scheduled[h]! += onDuty.get(area.id)![i]!;
      });
      const mean = (xs: number[]): number[] => xs.map((x, h) => (samples[h]! > 0 ? x / samples[h]! : 0));
      return { area: area.id, name: area.name, required: mean(required), ...(schedule ? { scheduled: mean(scheduled) } : {}), hasDemand: lines.length > 0 };
    })
    .filter((p) => p.hasDemand)
    .map(({ hasDemand: _h, ...p }) => p);
}
