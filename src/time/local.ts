/**
 * Local wall-clock rendering of grid minutes, for exports and calendars: ISO local date-times with offset,
 * exact instants (UTC) and the site's HH:mm. Callers never handle a zone themselves.
 */
import { DateTime } from "luxon";
import { localMidnightOf, type ShiftInstance, type TimeGrid } from "../../models/index.js";
import { minuteToDateTime } from "./grid.js";

/** ISO local date-times with offset, e.g. 2026-11-01T23:00:00-04:00. */
export function localTimes(grid: TimeGrid, shift: ShiftInstance): { start: string; end: string } {
  const fmt = (m: number): string => minuteToDateTime(grid, m).toISO({ suppressMilliseconds: true })!;
  return { start: fmt(shift.startMinute), end: fmt(shift.endMinute) };
}

// Grid minutes are real elapsed minutes from the first local midnight, so one origin per grid suffices.
const originMs = new WeakMap<TimeGrid, number>();

function gridOriginMs(grid: TimeGrid): number {
  let ms = originMs.get(grid);
  if (ms === undefined) {
    ms = localMidnightOf(grid.days[0]!.date, grid.zone).toMillis();
    originMs.set(grid, ms);
  }
  return ms;
}

/** The exact instant of a grid minute, e.g. minute 1380 of a New York grid starting 2026-03-07 → 2026-03-08T04:00:00.000Z. */
export function minuteToInstant(grid: TimeGrid, minute: number): Date {
  return new Date(gridOriginMs(grid) + minute * 60_000);
}

/** The site's wall-clock time of a grid minute as HH:mm (24-hour), e.g. "07:00". */
export function minuteToLocalClock(grid: TimeGrid, minute: number): string {
  return DateTime.fromMillis(gridOriginMs(grid) + minute * 60_000, { zone: grid.zone }).toFormat("HH:mm");
}
