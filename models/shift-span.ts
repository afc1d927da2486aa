/**
 * Where a template's shift on a date begins and ends, and whether it runs that date at all. Input: a
 * template, a date and the site's zone. Output: the shift's instants (luxon), or the words of why the
 * template has no shift that date. `src/time/grid.ts` lays shifts out with these instants, and the input's
 * checks (`references.ts`) refuse whatever names a shift that does not run, so both read a date alike.
 */
import { DateTime } from "luxon";
import { addDays, firstOccurrence, localMidnightOf, type ShiftTemplate } from "./input.js";

const MINUTES_PER_DAY = 24 * 60;

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The instant of a local wall-clock time on a date (minutes past its midnight; 1440 and more fall on later
 * dates). A time inside a spring-forward gap moves forward by the gap; a time the fall-back hour repeats
 * is its first occurrence, as RFC 5545 §3.3.5 reads both (luxon alone gives the second: a 17:30 shift of
 * 8 h on the night the clocks go back at 02:00 ended at the second 01:30 and lasted 9 h).
 */
export function wallClockOf(date: string, minuteOfDay: number, zone: string): DateTime {
  const extraDays = Math.floor(minuteOfDay / MINUTES_PER_DAY);
  const m = minuteOfDay - extraDays * MINUTES_PER_DAY;
  const d = DateTime.fromISO(addDays(date, extraDays), { zone: "utc" });
  const fields = { year: d.year, month: d.month, day: d.day, hour: Math.floor(m / 60), minute: m % 60 };
  // Set twice: luxon starts from today's offset, which where a zone's rules have changed since lands an
  // hour off (Scoresbysund's 23:00 on 2000-10-28 read 00:00); the second starts from the date's own.
  return firstOccurrence(DateTime.fromObject(fields, { zone }).set(fields));
}

/** "07:00" → 420. */
export function minuteOfDayOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

/**
 * A template's shift on a date: the start is its wall-clock start, the end its wall-clock end (start +
 * nominal length on the clock), so a night 23:00–07:00 across the spring change lasts 7 h and across the
 * fall change 9 h. A start in the spring-forward gap moves forward by the gap, the end only when it is in
 * the gap too: a shift starting in the gap and ending after it is the gap shorter (see `springGapWords`).
 */
export function shiftSpanOf(template: Pick<ShiftTemplate, "start" | "lengthMinutes">, date: string, zone: string): { start: DateTime; end: DateTime } {
  const startOfDay = minuteOfDayOf(template.start);
  return { start: wallClockOf(date, startOfDay, zone), end: wallClockOf(date, startOfDay + template.lengthMinutes, zone) };
}

/**
 * "is a Saturday, when HAZ-D8 does not run (it runs on Monday, …, Friday)": a date on which a template has
 * no shift, as `candidates` and the input's requests name it.
 */
export function notRunningWords(template: Pick<ShiftTemplate, "id" | "weekdays">, weekday: number): string {
  const runs = template.weekdays.length > 0 ? `it runs on ${template.weekdays.map((w) => WEEKDAY_NAMES[w - 1]).join(", ")}` : "it runs on no weekday";
  return `is a ${WEEKDAY_NAMES[weekday - 1]}, when ${template.id} does not run (${runs})`;
}

const stepWords = (minutes: number): string => (minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`);

/** The clock time the clocks jump from (02:00 in New York), found back from an instant just after the jump. */
function jumpClock(after: DateTime, stepMinutes: number): string {
  let jump = after;
  for (let k = 1; k <= stepMinutes; k++) {
    const earlier = after.minus({ minutes: k });
    if (earlier.offset !== after.offset) return jump.toUTC(earlier.offset).toFormat("HH:mm");
    jump = earlier;
  }
  return jump.toFormat("HH:mm");
}

/** `${zone}|${date}` → whether the clocks go forward on that date; bounded, as a server lives long. */
const forwardDates = new Map<string, boolean>();
const MAX_FORWARD_DATES = 100_000;

/**
 * Whether a zone's clocks go forward during a date, its first instant included (Santiago skips 00:00):
 * only then can a start move forward. Cached, as the input's checks ask it of every assignment and a
 * shift's instants cost about 0.8 ms (luxon), where most dates of a year have no change.
 */
function clocksGoForward(date: string, zone: string): boolean {
  const key = `${zone}|${date}`;
  let forward = forwardDates.get(key);
  if (forward === undefined) {
    const before = localMidnightOf(date, zone).minus({ minutes: 1 });
    forward = localMidnightOf(addDays(date, 1), zone).offset > before.offset;
    if (forwardDates.size >= MAX_FORWARD_DATES) forwardDates.clear();
    forwardDates.set(key, forward);
  }
  return forward;
}

/**
 * Why a template has no shift on a date of one of its weekdays, or undefined when it has one: its start
 * falls in the spring-forward gap and moves forward by it, to or past its wall-clock end after the gap (a
 * 45-min check at 02:30 on 2026-03-08 in New York would run 03:30–03:15). Such a shift does not run that
 * date, as on a weekday it does not run: nobody is scheduled on it, and nothing counts it.
 * "is 2026-03-08, when Q does not run: the clocks of America/New_York go forward 1 h at 02:00 that day, so
 * its 02:30 start moves to 03:30 and it would end at 03:15, before it starts".
 */
export function springGapWords(template: Pick<ShiftTemplate, "id" | "start" | "lengthMinutes">, date: string, zone: string): string | undefined {
  if (!clocksGoForward(date, zone)) return undefined;
  const { start, end } = shiftSpanOf(template, date, zone);
  if (end.toMillis() > start.toMillis()) return undefined;
  const moved = (((start.hour * 60 + start.minute - minuteOfDayOf(template.start)) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const when = end.toMillis() === start.toMillis() ? "as it starts" : "before it starts";
  return `is ${date}, when ${template.id} does not run: the clocks of ${zone} go forward ${stepWords(moved)} at ${jumpClock(start, moved)} that day, so its ${template.start} start moves to ${start.toFormat("HH:mm")} and it would end at ${end.toFormat("HH:mm")}, ${when}`;
}

/** Why a template has no shift on a date (not its weekday, or the spring-forward gap), or undefined when it has one. */
export function whyNotRunning(template: Pick<ShiftTemplate, "id" | "weekdays" | "start" | "lengthMinutes">, date: string, zone: string): string | undefined {
  const weekday = DateTime.fromISO(date, { zone: "utc" }).weekday;
  return template.weekdays.includes(weekday) ? springGapWords(template, date, zone) : notRunningWords(template, weekday);
}
