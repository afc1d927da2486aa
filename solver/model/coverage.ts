/**
 * Coverage in the model, shared by the coverage rules' `build` halves: per demand series (area × role
 * family) and interval, the x columns of the shifts covering it; per slot line, the x columns of its
 * shift instance. Made once per model. An interval counts a shift when the shift holds all of it, found
 * here from the grid's own intervals and not with the checker's arithmetic (`coveredIntervals`), so that a
 * mistake in either shows as a difference between the MIP objective and the checker's total.
 *
 * A shift of a person's history that runs into the horizon (last night's, into the first morning) is on
 * duty there whatever the schedule: it lowers the interval's floor and requirement for the rules, and
 * what it puts over the requirement by itself is not the schedule's to pay (the checker's `intervalGaps`).
 *
 * One row per interval, though neighbouring intervals covered by the same shifts with the same floor and
 * requirement could share one (their gaps are equal whatever the schedule): that model is a third
 * smaller, but HiGHS's simplex took four times longer on its LP (demo department: 155 s against 37 s).
 */
import { qualifiedFor, type DemandSeries, type GridDay, type Subjects, type TimeGrid } from "../../models/index.js";
import type { BuildContext } from "./build-context.js";
import type { Term } from "./linear-model.js";

/** One interval of one series: what the coverage rules need to price its gap. */
export interface IntervalCover {
  /** Index among all interval covers of the model (keys the floor slack). */
  index: number;
  series: DemandSeries;
  interval: number;
  /** The day holding the interval's start (findings are dated by it): the day after for hours past the end. */
  day: GridDay;
  /** The series' floor and requirement, less the people on duty from history's shifts (at least 0). */
  floor: number;
  required: number;
  /** One term per person and shift covering the interval; c = Σ of them. */
  covering: Term[];
  /** Length in hours: a person short for the interval is this many staff-hours. */
  hours: number;
}

export interface CoverageTerms {
  intervals: IntervalCover[];
  /**
   * The floor rule's shortfall column per interval cover index, for the demand rule to stack on; set by
   * `coverage.floor-shortfall`'s build when it is soft.
   */
  floorSlack: Map<number, number>;
}

/** The day holding each interval's start: a horizon day, or the day after for the hours past its end. */
export function intervalDays(grid: TimeGrid): GridDay[] {
  const days = [...grid.days, grid.dayAfter];
  let d = 0;
  return grid.intervals.map((interval) => {
    while (d < days.length - 1 && interval.startMinute >= days[d]!.endMinute) d++;
    return days[d]!;
  });
}

/** The intervals a shift holds whole: from the first starting at or after its start, while they end by its end. */
function intervalsHeld(grid: TimeGrid, startMinute: number, endMinute: number): number[] {
  const intervals = grid.intervals;
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (intervals[middle]!.startMinute < startMinute) low = middle + 1;
    else high = middle;
  }
  const held: number[] = [];
  for (let i = low; i < intervals.length && intervals[i]!.endMinute <= endMinute; i++) held.push(i);
  return held;
}

export const seriesKey = (series: DemandSeries): string => `${series.area}/${series.roleFamily}`;

const memo = new WeakMap<BuildContext, CoverageTerms>();

export function coverageTerms(ctx: BuildContext): CoverageTerms {
  let found = memo.get(ctx);
  if (found) return found;
  const n = ctx.grid.intervals.length;
  const covering = new Map(ctx.demand.series.map((series) => [seriesKey(series), Array.from({ length: n }, (): Term[] => [])]));
  const fromHistory = new Map(ctx.demand.series.map((series) => [seriesKey(series), new Array<number>(n).fill(0)]));
  for (const person of ctx.staff) {
    for (const shift of person.history) {
      const line = fromHistory.get(`${shift.area}/${shift.roleFamily}`);
      if (line && qualifiedFor(ctx, person, shift.template)) for (const i of intervalsHeld(ctx.grid, shift.startMinute, shift.endMinute)) line[i]!++;
    }
    for (const day of person.byDay) {
      for (const { shift, column } of day) {
        const line = covering.get(`${shift.area}/${shift.roleFamily}`);
        // Only the qualified count (a column for anyone else exists only with eligibility soft).
        if (!line || !qualifiedFor(ctx, person, shift.template)) continue;
        for (const i of intervalsHeld(ctx.grid, shift.startMinute, shift.endMinute)) line[i]!.push({ column, coefficient: 1 });
      }
    }
  }
  const days = intervalDays(ctx.grid);
  const intervals: IntervalCover[] = [];
  for (const series of ctx.demand.series) {
    const onDuty = fromHistory.get(seriesKey(series))!;
    covering.get(seriesKey(series))!.forEach((terms, i) => {
      const { startMinute, endMinute } = ctx.grid.intervals[i]!;
      const floor = Math.max(0, series.floor[i]! - onDuty[i]!);
      const required = Math.max(0, series.required[i]! - onDuty[i]!);
      intervals.push({ index: intervals.length, series, interval: i, day: days[i]!, floor, required, covering: terms, hours: (endMinute - startMinute) / 60 });
    });
  }
  found = { intervals, floorSlack: new Map() };
  memo.set(ctx, found);
  return found;
}

/** Subjects of an interval's penalty: the series and the date its finding carries. */
export function intervalSubjects(cover: IntervalCover): Subjects {
  return { area: cover.series.area, roleFamily: cover.series.roleFamily, date: cover.day.date };
}

/** A row or column name for an interval of a series. */
export function intervalName(rule: string, cover: IntervalCover): string {
  return `${rule}[${seriesKey(cover.series)},${cover.interval}]`;
}

/** The x columns of one shift instance, one per qualified person who may work it. */
export function shiftTerms(ctx: BuildContext, slot: { shift: string; template: string }): Term[] {
  return ctx.staff.flatMap((person) => {
    const column = person.x.get(slot.shift);
    return column === undefined || !qualifiedFor(ctx, person, slot.template) ? [] : [{ column, coefficient: 1 }];
  });
}
