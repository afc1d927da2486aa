/**
 * What a publish does to the site's later published versions, whose history its shifts become. Input: the
 * store, a site, and the shifts of the version about to be published with the dates it will speak for.
 * Output: each later version its shifts reach (its dates begin after them, within the days its own rules
 * read back: `historyLookBackDays`) that still speaks for a date, with the input it is judged against now
 * and the one it would be judged against after the publish (published-history.ts); then, from the
 * checker's explanations of it, the hard rules it would break that it does not break now.
 *
 * December re-published after a call-out is the history of the January already published: a night added
 * on 31 December leaves a published 07:00 start on 1 January without rest. Versions are immutable, so
 * January cannot follow; the publish says what it would break instead (a 409 unless the manager accepts
 * it, src/drafts/publish-checks.ts), and the manager repairs January or changes December.
 */
import { MAX_HORIZON_DAYS, type Assignment, type Explanation, type Parsed, type PlanningInput, type Violation } from "../../models/index.js";
import { historyLookBackDays } from "../../solver/rules/look-back.js";
import type { WriteRefusal } from "../store/sites.js";
import type { Store } from "../store/store.js";
import { addDays } from "../time/grid.js";
import { coverageOf, type DateRange } from "./coverage.js";
import type { PublishedVersion } from "./events.js";
import { withPublishedHistory } from "./published-history.js";

/** A later published version whose history the new version's shifts become. */
export interface LaterVersion {
  id: string;
  version: number;
  /** The dates it speaks for. */
  dates: DateRange;
  assignments: Assignment[];
  /** Its kept input with history from the versions published now: what reading it judges it against. */
  now: PlanningInput;
  /** The same with the new version's shifts published too. */
  after: PlanningInput;
}

/** A later version and the hard rules the publish would make it break. */
export interface LaterBreak {
  id: string;
  version: number;
  dates: DateRange;
  violations: Violation[];
}

/** Whether some date of `dates` is still `version`'s: no version published after it covers that date. */
function stillSpeaks(version: number, dates: DateRange, published: readonly PublishedVersion[]): boolean {
  const later = published.filter((v) => v.version > version).map(coverageOf);
  if (later.some((range) => range === undefined)) return false;
  for (let date = dates.start; date <= dates.end; date = addDays(date, 1)) {
    if (!later.some((range) => date >= range!.start && date <= range!.end)) return true;
  }
  return false;
}

/**
 * The later versions of a site that publishing `assignments` over `covers` (the dates the new version
 * speaks for) would give another history, oldest first. A version whose dates overlap `covers` is not
 * later; one published before versions kept their input has no known dates or rules and is left out.
 */
export function laterVersionsOf(store: Store, siteId: string, next: { assignments: readonly Assignment[]; covers: DateRange }): LaterVersion[] {
  const reach = (v: PublishedVersion): string => addDays(next.covers.end, historyLookBackDays(v.input!));
  const candidates = store.schedules.publishedBeginning(siteId, next.covers.end, addDays(next.covers.end, MAX_HORIZON_DAYS)).filter((v) => coverageOf(v)!.start <= reach(v));
  if (candidates.length === 0) return [];
  const published = store.schedules.publishedShifts(siteId);
  const newest = published[published.length - 1]?.version ?? 0;
  const withNext: PublishedVersion[] = [...published, { version: newest + 1, publishedAt: "", schedule: { assignments: [...next.assignments] }, covers: next.covers }];
  return candidates
    .filter((v) => stillSpeaks(v.version, coverageOf(v)!, published))
    .map((v) => ({
      id: v.id,
      version: v.version,
      dates: coverageOf(v)!,
      assignments: v.schedule.assignments,
      now: withPublishedHistory(v.input!, published).input,
      after: withPublishedHistory(v.input!, withNext).input,
    }));
}

/** The checker's explanation of `schedule` against `input` (the site's checker: in its worker, or here). */
export type LaterCheck<R> = (input: PlanningInput, schedule: { assignments: Assignment[] }) => R;

/** Whether the check of a later version after the publish found a hard violation: only then is it checked as it is now too. */
const breaksHardRule = (after: Parsed<Explanation>): boolean => after.ok && after.value.violations.some((v) => v.hard);

/**
 * The hard violations of `later` after the publish (`after`, checked against its `after` input) that it
 * does not have now (`now`, against its `now` input; by rule and message, so a run made longer counts).
 * A check that found the schedule no longer fitting (never so for its kept input) judges nothing.
 */
function laterBreak(later: LaterVersion, after: Parsed<Explanation>, now: Parsed<Explanation> | undefined): LaterBreak[] {
  if (!after.ok) return [];
  const before = new Set(now?.ok ? now.value.violations.filter((v) => v.hard).map((v) => `${v.rule}\u0000${v.message}`) : []);
  const violations = after.value.violations.filter((v) => v.hard && !before.has(`${v.rule}\u0000${v.message}`));
  return violations.length > 0 ? [{ id: later.id, version: later.version, dates: later.dates, violations }] : [];
}

/** The hard rules each of `later` would newly break, by `check` (the checker's worker): once each, and as it is now only when that finds one. */
export async function laterBreaks(later: readonly LaterVersion[], check: LaterCheck<Promise<Parsed<Explanation>>>): Promise<LaterBreak[]> {
  const breaks: LaterBreak[] = [];
  for (const version of later) {
    const after = await check(version.after, { assignments: version.assignments });
    breaks.push(...laterBreak(version, after, breaksHardRule(after) ? await check(version.now, { assignments: version.assignments }) : undefined));
  }
  return breaks;
}

/** The same with a check that answers at once (on the event loop, inside a publish's transaction). */
export function laterBreaksNow(later: readonly LaterVersion[], check: LaterCheck<Parsed<Explanation>>): LaterBreak[] {
  return later.flatMap((version) => {
    const after = check(version.after, { assignments: version.assignments });
    return laterBreak(version, after, breaksHardRule(after) ? check(version.now, { assignments: version.assignments }) : undefined);
  });
}

/** The 409 of a publish that would make later versions break hard rules, naming each, and the way through. */
export function laterBreaksRefusal(breaks: readonly LaterBreak[]): WriteRefusal {
  const count = breaks.reduce((n, b) => n + b.violations.length, 0);
  const named = breaks.map((b) => `version ${b.version} (${b.dates.start}..${b.dates.end})`).join(", ");
  const repairs = breaks.map((b) => `a repair with baseScheduleId ${b.id}`).join(", ");
  return {
    ok: false, status: 409, code: "later-violations",
    detail: `published later, ${named} would break ${count} hard rule(s) it does not break now, with this draft's shifts as its history: ` +
      `change the draft, or publish it anyway with ?acceptLaterViolations=true and then repair the later version (${repairs})`,
    problems: breaks.flatMap((b, k) => b.violations.map((v, i) => ({ path: `laterVersions[${k}].violations[${i}]`, message: `version ${b.version}: ${v.rule}: ${v.message}` }))),
  };
}
