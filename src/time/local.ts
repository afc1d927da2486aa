/**
 * Local wall-clock rendering of grid minutes, for exports and calendars.
 */
import type { ShiftInstance, TimeGrid } from "../../models/index.js";
import { minuteToDateTime } from "./grid.js";

/** ISO local date-times with offset, e.g. 2026-11-01T23:00:00-04:00. */
export function localTimes(grid: TimeGrid, shift: ShiftInstance): { start: string; end: string } {
  const fmt = (m: number): string => minuteToDateTime(grid, m).toISO({ suppressMilliseconds: true })!;
  return { start: fmt(shift.startMinute), end: fmt(shift.endMinute) };
}
