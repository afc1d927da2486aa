/**
 * The time grid: every instant the solver and the checker need, as integer minutes from the horizon's
 * first local midnight. Made by `src/time` (the only code that knows time zones); read by `solver/`.
 */
import type { RoleFamily } from "./primitives.js";

export interface GridDay {
  /** Index from the horizon's first day (negative for history days). */
  index: number;
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local midnight, in minutes from horizon start. */
  startMinute: number;
  /** Next local midnight (a DST day is 23 or 25 hours long). */
  endMinute: number;
  /**
   * On a day the clocks change: minutes after local midnight at which they do, and by how many (60 when
   * they go forward an hour, −60 back), so that a message can give clock times without a time zone.
   */
  clockChange?: { atMinute: number; byMinutes: number };
  isWeekend: boolean;
  holiday?: string;
  /** Index of the workweek (site's workweek start day) counted from the week holding day 0. */
  week: number;
  /** Index of the 14-day pay period counted from the one holding day 0. */
  payPeriod: number;
}

/** A template on a date, as exact minutes. */
export interface ShiftInstance {
  /** `${template}@${date}`. */
  key: string;
  template: string;
  area: string;
  roleFamily: RoleFamily;
  day: number;
  date: string;
  startMinute: number;
  endMinute: number;
  /** Real duration minus unpaid break: 7 or 9 h nights across DST are paid 7 or 9 h. */
  paidMinutes: number;
  night: boolean;
  weekend: boolean;
  holiday: boolean;
}

export interface Interval {
  index: number;
  startMinute: number;
  endMinute: number;
}

export interface PayPeriod {
  index: number;
  /** The period's own first date: before the horizon's when the period began before it. */
  startDate: string;
  firstDate: string;
  /** First date and day indices of the part of the span inside the horizon. */
  firstDay: number;
  lastDay: number;
  /** Days of the period inside the horizon (14 except at the edges). */
  daysInHorizon: number;
}

export interface Workweek {
  index: number;
  firstDate: string;
  firstDay: number;
  lastDay: number;
  daysInHorizon: number;
}

export interface TimeGrid {
  zone: string;
  intervalMinutes: number;
  /** Minutes from the first local midnight to the local midnight after the last day. */
  horizonMinutes: number;
  days: GridDay[];
  /** Days before the horizon back to the earliest history shift (indices −k … −1), oldest first. */
  priorDays: GridDay[];
  /** The day after the horizon: the date of the hours its last shifts reach past its end. */
  dayAfter: GridDay;
  /**
   * Coverage intervals from the first local midnight: the horizon's, then those past its last midnight
   * that its own shifts reach (the last night's hours after midnight), which the horizon staffs.
   */
  intervals: Interval[];
  /** Every template on every day it runs, ordered by day then start. */
  shifts: ShiftInstance[];
  /** Shift instances of staff history (days before the horizon), keyed by staff id. */
  history: Record<string, ShiftInstance[]>;
  payPeriods: PayPeriod[];
  workweeks: Workweek[];
  /** Weekends (Saturday–Sunday) that touch the horizon, by the day index of their Saturday (may be -1). */
  weekends: { index: number; saturday: number; sunday: number }[];
}
