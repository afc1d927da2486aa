/**
 * The dates a published version speaks for, and what a new publish would leave behind. Input: published
 * versions and the horizon of the version about to be published. Output: each version's coverage, and the
 * dates (with their shifts) that the latest version covered and a shortened horizon no longer does.
 *
 * A version replaces, in everyone's calendar, the shifts of the dates it covers (its `covers`, else its
 * horizon); shifts of other dates stay as earlier versions published them, so next month's publish keeps
 * this month's shifts. When a manager shortens the horizon and publishes again, the dates cut off would
 * stay published without a word, and no draft can name them any more: the publish asks instead.
 */
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

/** What the latest version covered that the new horizon cuts off, and the shifts published on those dates. */
export interface LeftBehind {
  /** The version whose coverage the new horizon shortens. */
  version: number;
  /** Its coverage: the new version's `covers` when those dates are withdrawn. */
  covered: DateRange;
  /** Each date cut off that has published shifts, with how many, in date order. */
  dates: { date: string; shifts: number }[];
}

const within = (date: string, range: DateRange): boolean => date >= range.start && date <= range.end;

/**
 * The dates a publish over `horizon` would silently leave published: the latest version's shifts on
 * dates it covered and `horizon` does not, asked about only when `horizon` lies within that coverage —
 * the period was shortened, at its end, its start or both. A horizon reaching past the latest coverage on
 * either side (next month, a rolling window moved forward or back) is a period of its own, and the dates
 * it does not reach are not its business; nor are any for a version with no known horizon (published
 * before its input was kept). Null when there is nothing to ask.
 */
export function datesLeftBehind(latest: PublishedVersion | undefined, horizon: DateRange): LeftBehind | null {
  const covered = latest && coverageOf(latest);
  if (!latest || !covered) return null;
  if (horizon.start < covered.start || horizon.end > covered.end) return null;
  const counts = new Map<string, number>();
  for (const a of latest.schedule.assignments) {
    if (within(a.date, covered) && !within(a.date, horizon)) counts.set(a.date, (counts.get(a.date) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const dates = [...counts].map(([date, shifts]) => ({ date, shifts })).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return { version: latest.version, covered, dates };
}
