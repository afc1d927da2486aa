/**
 * Time grid: stage 2 of the pipeline and the only code that lays out time in the site's zone (a shift's
 * instants, and whether it runs on a date, are `models/shift-span.ts`'s, which the input's checks share).
 * Input: a validated PlanningInput. Output: a TimeGrid of integer minutes from the horizon's first local
 * midnight — days, coverage intervals (on past the last midnight as far as the horizon's shifts reach),
 * shift instances (with exact, DST-aware durations), workweeks, pay periods and weekends.
 */
import { DateTime } from "luxon";
import { addDays, localMidnightOf, shiftSpanOf } from "../../models/index.js";
import type {
  GridDay,
  Interval,
  PlanningInput,
  ShiftInstance,
  ShiftTemplate,
  TimeGrid,
  Workweek,
} from "../../models/index.js";


/** Whole calendar days from `from` to `to` (ISO dates), zone-free. */
export function dayOffset(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days,
  );
}

export { addDays };

function minutesBetween(from: DateTime, to: DateTime): number {
  return Math.round(to.diff(from, "minutes").minutes);
}

/**
 * Where the clocks change between a local midnight and the next: the first minute after `midnight` at the
 * new UTC offset, found by halving (one change a day, as every zone has), and the offset's step in minutes.
 */
function clockChange(midnight: DateTime, next: DateTime): GridDay["clockChange"] {
  if (midnight.offset === next.offset) return undefined;
  let before = 0;
  let after = minutesBetween(midnight, next);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (midnight.plus({ minutes: middle }).offset === midnight.offset) before = middle;
    else after = middle;
  }
  return { atMinute: after, byMinutes: next.offset - midnight.offset };
}

/**
 * The starts of a date's local clock hours, in order: both where the clock shows an hour twice, one moved
 * forward by the gap where it skips one (as a shift start is), none that fall on another date. So a day
 * has 23, 24 or 25 of them when the clock moves by an hour, and 24 on Lord Howe Island's 30-minute
 * changes, each at its wall-clock hour (stepping elapsed hours from midnight put that day's at :30).
 */
export function clockHours(date: string, zone: string): readonly DateTime[] {
  const key = `${zone} ${date}`;
  let hours = clockHoursByDate.get(key);
  if (!hours) {
    if (clockHoursByDate.size >= CLOCK_HOURS_KEPT) clockHoursByDate.clear();
    hours = Object.freeze(clockHoursOf(date, zone));
    clockHoursByDate.set(key, hours);
  }
  return hours;
}

// clockHours' answers, by zone and date. A date's hours are asked for again for each profile forecast and
// standard, by demand and again by the FTE report, and each answer costs luxon about a hundred zone-offset
// look-ups (formatToParts): they were most of the time of preparing a two-week world with a profile
// forecast. DateTimes are immutable, so a kept answer is the same answer; the map is emptied when full.
const clockHoursByDate = new Map<string, readonly DateTime[]>();
const CLOCK_HOURS_KEPT = 10_000;

function clockHoursOf(date: string, zone: string): DateTime[] {
  const from = localMidnightOf(date, zone).toMillis();
  const to = localMidnightOf(addDays(date, 1), zone).toMillis();
  const d = DateTime.fromISO(date, { zone: "utc" });
  const starts = new Map<number, DateTime>();
  for (let hour = 0; hour < 24; hour++) {
    const local = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour }, { zone });
    for (const at of local.getPossibleOffsets()) if (at.toMillis() >= from && at.toMillis() < to) starts.set(at.toMillis(), at);
  }
  return [...starts.entries()].sort(([a], [b]) => a - b).map(([, at]) => at);
}

interface InstanceContext {
  zone: string;
  origin: DateTime;
  horizonStart: string;
  holidays: Map<string, string>;
}

/**
 * A template on a date (`shiftSpanOf`). The end is the wall-clock end (start + nominal length on the
 * clock), so a night shift 19:00–07:00 across the spring change lasts 11 h and across the fall change
 * 13 h; paid minutes follow the real duration.
 */
export function shiftInstance(template: ShiftTemplate, date: string, ctx: InstanceContext): ShiftInstance {
  const { start, end } = shiftSpanOf(template, date, ctx.zone);
  const startMinute = minutesBetween(ctx.origin, start);
  const endMinute = minutesBetween(ctx.origin, end);
  const weekday = DateTime.fromISO(date, { zone: "utc" }).weekday;
  return {
    key: `${template.id}@${date}`,
    template: template.id,
    area: template.area,
    roleFamily: template.roleFamily,
    day: dayOffset(ctx.horizonStart, date),
    date,
    startMinute,
    endMinute,
    paidMinutes: Math.max(0, endMinute - startMinute - template.unpaidBreakMinutes),
    night: template.night,
    weekend: weekday >= 6,
    holiday: ctx.holidays.has(date),
  };
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/**
 * Everything of an input that `buildTimeGrid` reads, as one string: two inputs with the same key have the
 * same grid (a staff member's requests or rates, say, do not change it).
 */
export function timeGridKey(input: PlanningInput): string {
  const { timeZone, holidays, workweekStartDay, payPeriodAnchor } = input.site;
  return JSON.stringify([timeZone, holidays, workweekStartDay, payPeriodAnchor, input.horizon, input.intervalMinutes, input.shiftTemplates, input.staff.map((s) => [s.id, s.history])]);
}

export function buildTimeGrid(input: PlanningInput): TimeGrid {
  const zone = input.site.timeZone;
  const horizonStart = input.horizon.start;
  const dayCount = dayOffset(horizonStart, input.horizon.end) + 1;
  const origin = localMidnightOf(horizonStart, zone);
  const holidays = new Map(input.site.holidays.map((h) => [h.date, h.name]));
  const ctx: InstanceContext = { zone, origin, horizonStart, holidays };

  // Workweeks and pay periods are numbered from the one holding day 0.
  const weekOffset = (weekday: number): number => (weekday - input.site.workweekStartDay + 7) % 7;
  const anchorShift = dayOffset(input.site.payPeriodAnchor, horizonStart);
  const periodOffset = (day: number): number => (((anchorShift + day) % 14) + 14) % 14;
  const day0Weekday = origin.weekday;
  const week0Start = -weekOffset(day0Weekday);
  const period0Start = -periodOffset(0);

  const historyDates = input.staff.flatMap((s) => s.history.map((h) => h.date));
  const firstDay = Math.min(0, ...historyDates.map((d) => dayOffset(horizonStart, d)));

  const days: GridDay[] = [];
  for (let d = firstDay; d <= dayCount; d++) {
    const date = addDays(horizonStart, d);
    const midnight = localMidnightOf(date, zone);
    const next = localMidnightOf(addDays(date, 1), zone);
    const weekday = midnight.weekday;
    const day: GridDay = {
      index: d,
      date,
      weekday,
      startMinute: minutesBetween(origin, midnight),
      endMinute: minutesBetween(origin, next),
      isWeekend: weekday >= 6,
      week: floorDiv(d - weekOffset(weekday) - week0Start, 7),
      payPeriod: floorDiv(d - periodOffset(d) - period0Start, 14),
    };
    const holiday = holidays.get(date);
    if (holiday !== undefined) day.holiday = holiday;
    const change = clockChange(midnight, next);
    if (change) day.clockChange = change;
    days.push(day);
  }
  const dayAfter = days.find((d) => d.index === dayCount)!;
  const horizonMinutes = dayAfter.startMinute;
  const inHorizon = days.filter((d) => d.index >= 0 && d.index < dayCount);

  const shifts: ShiftInstance[] = [];
  for (const day of inHorizon) {
    for (const template of input.shiftTemplates) {
      if (!template.weekdays.includes(day.weekday)) continue;
      const instance = shiftInstance(template, day.date, ctx);
      // A start the spring-forward gap moves to or past the wall-clock end: the template does not run that
      // date, as on a weekday it does not run (models/shift-span.ts, springGapWords, which the input's checks use).
      if (instance.endMinute > instance.startMinute) shifts.push(instance);
    }
  }
  shifts.sort((a, b) => a.day - b.day || a.startMinute - b.startMinute || a.template.localeCompare(b.template));

  // Coverage runs on past the horizon's last midnight as far as its own shifts reach: the last night's
  // hours after midnight are this horizon's to staff, as no shift of the next horizon can be on duty then
  // (one belongs to the date it starts on). Stopping at midnight, a month left its last night unstaffed
  // (an hour of demand did not pay for a night's wages) and the next month started with nobody on.
  let coverageEnd = horizonMinutes;
  for (const shift of shifts) coverageEnd = Math.max(coverageEnd, shift.endMinute);
  const intervals: Interval[] = [];
  for (let m = 0, i = 0; m < coverageEnd; m += input.intervalMinutes, i++) {
    intervals.push({ index: i, startMinute: m, endMinute: Math.min(m + input.intervalMinutes, coverageEnd) });
  }

  const templates = new Map(input.shiftTemplates.map((t) => [t.id, t]));
  const history: Record<string, ShiftInstance[]> = {};
  for (const member of input.staff) {
    // One the gap leaves no time was never worked: the input's checks refuse it, and a site stored before
    // they did still reads.
    history[member.id] = member.history
      .map((h) => shiftInstance(templates.get(h.template)!, h.date, ctx))
      .filter((s) => s.endMinute > s.startMinute)
      .sort((a, b) => a.startMinute - b.startMinute);
  }

  return {
    zone,
    intervalMinutes: input.intervalMinutes,
    horizonMinutes,
    days: inHorizon,
    priorDays: days.filter((d) => d.index < 0),
    dayAfter,
    intervals,
    shifts,
    history,
    payPeriods: spans(inHorizon, (d) => d.payPeriod).map((p) => ({ ...p, startDate: addDays(p.firstDate, -periodOffset(p.firstDay)) })),
    workweeks: spans(inHorizon, (d) => d.week),
    weekends: weekends(inHorizon),
  };
}

function spans(days: GridDay[], key: (d: GridDay) => number): Workweek[] {
  const out: Workweek[] = [];
  for (const day of days) {
    const k = key(day);
    const last = out[out.length - 1];
    if (last && last.index === k) {
      last.lastDay = day.index;
      last.daysInHorizon++;
    } else {
      out.push({ index: k, firstDate: day.date, firstDay: day.index, lastDay: day.index, daysInHorizon: 1 });
    }
  }
  return out;
}

function weekends(days: GridDay[]): TimeGrid["weekends"] {
  const out: TimeGrid["weekends"] = [];
  const first = days[0];
  if (first && first.weekday === 7) out.push({ index: 0, saturday: -1, sunday: 0 });
  for (const day of days) {
    if (day.weekday === 6) out.push({ index: out.length, saturday: day.index, sunday: day.index + 1 });
  }
  return out;
}

/** The local date-time of a grid minute, for display and calendars. */
export function minuteToDateTime(grid: TimeGrid, minute: number): DateTime {
  const day0 = grid.days[0]!;
  return localMidnightOf(day0.date, grid.zone).plus({ minutes: minute });
}
