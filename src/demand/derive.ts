/**
 * Demand: stage 3 of the pipeline. Input: the planning input and its time grid. Output: required people
 * per area and role family per coverage interval (past the horizon's end, only where its own shifts of
 * that area and role family reach), and slot demand per shift instance.
 *
 * Workload: units due per hour (dated series or hour-of-week profile × daily volume) × minutes per unit
 * gives work minutes, done in the hour that starts `leadMinutes` before the hour the units are due in
 * starts (doses are prepared before administration; the default 60 is the hour before). Required people
 * in an interval = max(floor, ceil(work minutes ÷ interval minutes)). Forecasts of one workload type add
 * up, and each standard of the type takes all of it.
 */
import { DateTime } from "luxon";
import { localMidnightOf, minuteOfDayOf, wallClockOf, type Demand, type DemandSeries, type Forecast, type PlanningInput, type RoleFamily, type SlotRequirement, type TimeGrid } from "../../models/index.js";
import { addDays, clockHours } from "../time/grid.js";

/**
 * Units due in one absolute hour starting at `startMinute` (minutes from horizon start). A dated hourly
 * series is elapsed hours from its start's local midnight (23 values on a spring-forward day, 25 on a
 * fall-back one); validation refuses 24 a day across a clock change.
 */
export interface DueHour {
  startMinute: number;
  units: number;
}

const EPSILON = 1e-9;

/** Hours of due work for one forecast, from the day before the horizon to the day after it. */
export function dueHours(forecast: Forecast, input: PlanningInput, grid: TimeGrid): DueHour[] {
  const zone = input.site.timeZone;
  const origin = localMidnightOf(input.horizon.start, zone);
  const toMinute = (dt: DateTime): number => Math.round(dt.diff(origin, "minutes").minutes);
  if (forecast.kind === "hourly") {
    const start = toMinute(localMidnightOf(forecast.start, zone));
    return forecast.unitsPerHour.map((units, i) => ({ startMinute: start + 60 * i, units }));
  }
  const out: DueHour[] = [];
  const dayCount = grid.days.length;
  for (let d = -1; d <= dayCount; d++) {
    const date = addDays(input.horizon.start, d);
    const hours = clockHours(date, zone).map((at) => ({ at, weight: forecast.hourOfWeekWeights[(at.weekday - 1) * 24 + at.hour] ?? 0 }));
    const totalWeight = hours.reduce((sum, h) => sum + h.weight, 0);
    const daily = forecast.dailyUnitsByDate[date] ?? forecast.dailyUnits;
    if (totalWeight <= 0 || daily <= 0) continue;
    for (const h of hours) out.push({ startMinute: toMinute(h.at), units: (daily * h.weight) / totalWeight });
  }
  return out;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/**
 * Adds `minutes` of work spread evenly over [from, from + 60) into per-interval work minutes. For units
 * due in the hour starting at s, `from` is s − leadMinutes, so the work is done by s when leadMinutes ≥ 60.
 */
function spreadWork(work: number[], grid: TimeGrid, from: number, minutes: number): void {
  const to = from + 60;
  const first = Math.max(0, Math.floor(from / grid.intervalMinutes));
  for (let i = first; i < grid.intervals.length; i++) {
    const interval = grid.intervals[i]!;
    if (interval.startMinute >= to) break;
    const share = overlap(from, to, interval.startMinute, interval.endMinute) / 60;
    work[i]! += minutes * share;
  }
}

function seriesKey(area: string, roleFamily: RoleFamily): string {
  return `${area}/${roleFamily}`;
}

/**
 * Floors per interval: the largest floor whose local window holds the interval's start. Each local time is
 * placed once per date, however many floors share it, and intervals are found by index (interval i starts
 * at minute i × intervalMinutes): 20,000 floors took 87 s on a two-week horizon scanning every interval.
 */
function applyFloors(input: PlanningInput, grid: TimeGrid, series: Map<string, DemandSeries>): void {
  const zone = input.site.timeZone;
  const origin = localMidnightOf(input.horizon.start, zone);
  const minutes = new Map<string, number>();
  const at = (date: string, minuteOfDay: number): number => {
    const key = `${date} ${minuteOfDay}`;
    let minute = minutes.get(key);
    if (minute === undefined) minutes.set(key, (minute = Math.round(wallClockOf(date, minuteOfDay, zone).diff(origin, "minutes").minutes)));
    return minute;
  };
  // From the day before the horizon (its floors from the evening into the first morning) to the day after
  // (the hours the last night reaches past the horizon's end).
  const days = Array.from({ length: grid.days.length + 2 }, (_, i) => {
    const date = addDays(input.horizon.start, i - 1);
    return { date, weekday: DateTime.fromISO(date, { zone: "utc" }).weekday };
  });
  for (const floor of input.floors) {
    const line = series.get(seriesKey(floor.area, floor.roleFamily))!;
    const from = minuteOfDayOf(floor.from);
    let to = minuteOfDayOf(floor.to);
    if (to <= from) to += 24 * 60;
    for (const { date, weekday } of days) {
      if (!floor.weekdays.includes(weekday)) continue;
      const first = Math.max(0, Math.ceil(at(date, from) / grid.intervalMinutes));
      const end = Math.min(grid.intervals.length, Math.ceil(at(date, to) / grid.intervalMinutes));
      for (let i = first; i < end; i++) line.floor[i] = Math.max(line.floor[i]!, floor.count);
    }
  }
}

/**
 * Every required count is a whole number of people. Validation's bounds guarantee it, so a count that is
 * not is a bug: this names the standards and forecasts behind it instead of handing NaN to the solver.
 */
function assertWholeRequired(input: PlanningInput, grid: TimeGrid, series: Iterable<DemandSeries>): void {
  for (const s of series) {
    const i = s.required.findIndex((r) => !Number.isSafeInteger(r));
    if (i < 0) continue;
    const standards = input.productivityStandards.flatMap((p, j) => (p.area === s.area && p.roleFamily === s.roleFamily ? [`productivityStandards[${j}] (${p.workloadType})`] : []));
    const types = new Set(input.productivityStandards.filter((p) => p.area === s.area && p.roleFamily === s.roleFamily).map((p) => p.workloadType));
    const forecasts = input.forecasts.flatMap((f, j) => (types.has(f.workloadType) ? [`forecasts[${j}]`] : []));
    throw new Error(`demand of ${s.area} ${s.roleFamily}s at minute ${grid.intervals[i]!.startMinute} is ${s.required[i]}, not a whole number of people (from ${[...standards, ...forecasts].join(", ") || "floors"}): validation should have refused the input`);
  }
}

/**
 * Past the horizon's last midnight, a series' demand stands only in the intervals one of the horizon's own
 * shifts of its area and role family holds (a night into the first morning after): the rest is the next
 * horizon's to staff, and here nobody could cover it.
 */
function clipPastTheEnd(grid: TimeGrid, series: Iterable<DemandSeries>): void {
  for (const s of series) {
    let reach = grid.horizonMinutes;
    for (const shift of grid.shifts) if (shift.area === s.area && shift.roleFamily === s.roleFamily) reach = Math.max(reach, shift.endMinute);
    grid.intervals.forEach((interval, i) => {
      if (interval.startMinute < grid.horizonMinutes || interval.endMinute <= reach) return;
      s.floor[i] = 0;
      s.workloadPeople[i] = 0;
    });
  }
}

export function deriveDemand(input: PlanningInput, grid: TimeGrid): Demand {
  const n = grid.intervals.length;
  const series = new Map<string, DemandSeries>();
  const line = (area: string, roleFamily: RoleFamily): DemandSeries => {
    const key = seriesKey(area, roleFamily);
    let found = series.get(key);
    if (!found) {
      found = { area, roleFamily, required: new Array(n).fill(0), floor: new Array(n).fill(0), workloadPeople: new Array(n).fill(0) };
      series.set(key, found);
    }
    return found;
  };
  for (const floor of input.floors) line(floor.area, floor.roleFamily);

  for (const standard of input.productivityStandards) {
    const target = line(standard.area, standard.roleFamily);
    const work = new Array<number>(n).fill(0);
    for (const forecast of input.forecasts.filter((f) => f.workloadType === standard.workloadType)) {
      for (const hour of dueHours(forecast, input, grid)) {
        if (hour.units <= 0) continue;
        spreadWork(work, grid, hour.startMinute - standard.leadMinutes, hour.units * standard.minutesPerUnit);
      }
    }
    grid.intervals.forEach((interval, i) => {
      target.workloadPeople[i]! += work[i]! / (interval.endMinute - interval.startMinute);
    });
  }
  applyFloors(input, grid, series);
  clipPastTheEnd(grid, series.values());

  for (const s of series.values()) {
    for (let i = 0; i < n; i++) s.required[i] = Math.max(s.floor[i]!, Math.ceil(s.workloadPeople[i]! - EPSILON));
  }
  assertWholeRequired(input, grid, series.values());

  const shiftKeys = new Set(grid.shifts.map((s) => s.key));
  const slots: SlotRequirement[] = input.slotDemand
    .map((slot) => ({
      shift: `${slot.template}@${slot.date}`,
      template: slot.template,
      date: slot.date,
      required: slot.required,
      // A line without its own weights takes the rule's (rules.<id>.weight, else the weights table), in
      // the rule itself: filled in here, a rule-level weight was accepted and never used.
      underWeight: slot.underWeight,
      overWeight: slot.overWeight,
    }))
    .filter((slot) => shiftKeys.has(slot.shift));

  return { series: [...series.values()].sort((a, b) => seriesKey(a.area, a.roleFamily).localeCompare(seriesKey(b.area, b.roleFamily))), slots };
}
