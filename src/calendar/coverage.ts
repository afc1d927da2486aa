/**
 * The dates a published version speaks for, and what a new publish would leave behind. Input: published
 * versions and the horizon of the version about to be published. Output: each version's coverage, and the
 * dates (with their shifts) that the shortened version covered, the horizon no longer does and no later
 * version covers.
 *
 * A version replaces, in everyone's calendar, the shifts of the dates it covers (its `covers`, else its
 * horizon); shifts of other dates stay as earlier versions published them, so next month's publish keeps
 * this month's shifts. When a manager shortens the horizon and publishes again, the dates cut off would
 * stay published without a word, and no draft can name them any more: the publish asks instead.
 */
import { addDays } from "../time/grid.js";
import type { PublishedVersion } from "./events.js";

/** Inclusive range of ISO dates. */
export interface DateRange {
  start: string;
  end: string;
}

/**
 * The dates a version speaks for: its recorded `covers`, else the horizon of the input it was published
 * with; undefined (every date) for a version published before its input was kept.
 */
export function coverageOf(version: Pick<PublishedVersion, "covers" | "input">): DateRange | undefined {
  return version.covers ?? version.input?.horizon;
}

/** What a version covered that the new horizon cuts off, and the shifts published on those dates. */
export interface LeftBehind {
  /** The version whose coverage the new horizon shortens. */
  version: number;
  /** Its coverage. */
  covered: DateRange;
  /** Each date cut off that has this version's shifts, with how many, in date order. */
  dates: { date: string; shifts: number }[];
  /**
   * The new version's `covers` when those dates are withdrawn: the shortened version's coverage, or, where
   * later versions cover some of it, just the horizon and the dates cut off. Undefined when no one range
   * can take them out without a later version's dates between them too (`between` names the first).
   */
  withdraw?: DateRange;
  between?: { version: number; date: string };
}

const within = (date: string, range: DateRange): boolean => date >= range.start && date <= range.end;

/**
 * The dates a publish over `horizon` would silently leave published: of the latest version whose
 * coverage holds the whole of `horizon` — the period was shortened, at its end, its start or both — the
 * shifts on dates it covered and `horizon` does not, unless a later version covers those dates (March
 * shortened after April was published: March's cut-off dates are still March's). A horizon reaching past
 * every coverage on either side (next month, a rolling window moved forward or back) is a period of its
 * own, and the dates it does not reach are not its business; nor are any of a version with no known
 * horizon (published before its input was kept). `versions` oldest first; null when there is nothing to ask.
 */
export function datesLeftBehind(versions: readonly PublishedVersion[], horizon: DateRange): LeftBehind | null {
  const holds = (range: DateRange | undefined): range is DateRange => range !== undefined && horizon.start >= range.start && horizon.end <= range.end;
  let at = versions.length - 1;
  while (at >= 0 && !holds(coverageOf(versions[at]!))) at--;
  if (at < 0) return null;
  const shortened = versions[at]!;
  const covered = coverageOf(shortened)!;
  // A later version with no known horizon speaks for every date.
  const laterOn = (date: string): PublishedVersion | undefined =>
    versions.slice(at + 1).find((v) => {
      const range = coverageOf(v);
      return range === undefined || within(date, range);
    });
  const counts = new Map<string, number>();
  for (const a of shortened.schedule.assignments) {
    if (within(a.date, covered) && !within(a.date, horizon) && !laterOn(a.date)) counts.set(a.date, (counts.get(a.date) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const dates = [...counts].map(([date, shifts]) => ({ date, shifts })).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const left = { version: shortened.version, covered, dates };
  if (!versions.slice(at + 1).some((v) => overlaps(coverageOf(v), covered))) return { ...left, withdraw: covered };
  const span = { start: min(horizon.start, dates[0]!.date), end: max(horizon.end, dates[dates.length - 1]!.date) };
  for (let date = span.start; date <= span.end; date = addDays(date, 1)) {
    const later = within(date, horizon) ? undefined : laterOn(date);
    if (later) return { ...left, between: { version: later.version, date } };
  }
  return { ...left, withdraw: span };
}

const overlaps = (range: DateRange | undefined, other: DateRange): boolean => range === undefined || (range.start <= other.end && other.start <= range.end);
const min = (x: string, y: string): string => (x < y ? x : y);
const max = (x: string, y: string): string => (x > y ? x : y);
