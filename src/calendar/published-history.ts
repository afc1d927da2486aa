/**
 * A site's input as the rules see it. Input: the planning input the manager stored and the site's
 * published versions. Output: the same input with each person's `history` completed from what is
 * published on the days before the horizon, so rest, consecutive-day, weekend and pay rules hold across
 * the edge of a month planned over the API as they do for a CLI input with history (DESIGN §2).
 *
 * What is published on a date is the calendar feeds' reading (`publishedAssignments`: each date's shifts
 * from the latest version covering it). Only the days the rules read are taken (`historyLookBackDays`),
 * and before them each person's last run of working days.
 * A date the stored history already names for a person is left as the manager recorded it (what was
 * actually worked: a swap, a call-out); published shifts are added on the other dates. A published shift
 * of someone no longer on staff is not history; one whose template the input no longer has cannot be
 * placed and is left out, said in `omitted`. Derived when read, never stored: the site's input (and its
 * export) stays what the manager wrote.
 */
import { MAX_HORIZON_DAYS, type Assignment, type PlanningInput } from "../../models/index.js";
import { historyLookBackDays } from "../../solver/rules/look-back.js";
import type { SiteRecord } from "../store/sites.js";
import type { Store } from "../store/store.js";
import { addDays } from "../time/grid.js";
import { publishedAssignments, type PublishedVersion } from "./events.js";

/** The input with history from published versions, and the published shifts that could not become history. */
export interface InputForRules {
  input: PlanningInput;
  /** One sentence per published shift left out because its template is no longer in the input. */
  omitted: string[];
}

/**
 * The published shifts before the horizon that the rules read, of people still on staff, and before those
 * days each person's last run of working days (within MAX_HORIZON_DAYS): it weighs in no finding or
 * price, but a run or a break reaching into the horizon is then told from the day it really began (and a
 * break is not taken for one that begins at the horizon, which `exemptEdges: false` judges short).
 */
function publishedBefore(input: PlanningInput, versions: readonly PublishedVersion[]): Assignment[] {
  const { start } = input.horizon;
  const staff = new Set(input.staff.map((s) => s.id));
  const earliest = addDays(start, -MAX_HORIZON_DAYS);
  const wanted = (a: Assignment): boolean => a.date >= earliest && a.date < start && staff.has(a.staff);
  // Layered per date, so the other dates can go first: a site's older years cost nothing here.
  const before = publishedAssignments(versions.map((v) => ({ ...v, schedule: { assignments: v.schedule.assignments.filter(wanted) } })));
  const from = addDays(start, -historyLookBackDays(input));
  const since = new Map([...groupBy(before.filter((a) => a.date < from), (a) => a.staff)].map(([id, shifts]) => [id, runStart(shifts.map((a) => a.date))]));
  return before.filter((a) => a.date >= (since.get(a.staff) ?? from));
}

/** Items by key, each group in the order given. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** The first date of the last run of consecutive dates among `dates` (ascending; undefined when none). */
function runStart(dates: readonly string[]): string | undefined {
  let first = dates[dates.length - 1];
  for (let i = dates.length - 2; i >= 0 && first !== undefined && dates[i]! >= addDays(first, -1); i--) first = dates[i]!;
  return first;
}

/** `input` with each person's history completed from `versions` (published, any order); see the file header. */
export function withPublishedHistory(input: PlanningInput, versions: readonly PublishedVersion[]): InputForRules {
  const templates = new Set(input.shiftTemplates.map((t) => t.id));
  const recorded = new Set(input.staff.flatMap((s) => s.history.map((h) => `${s.id}@${h.date}`)));
  const unrecorded = publishedBefore(input, versions).filter((a) => !recorded.has(`${a.staff}@${a.date}`));
  const omitted = unrecorded
    .filter((a) => !templates.has(a.template))
    .map((a) => `published shift ${a.staff} ${a.template}@${a.date} is not counted as history: shift template ${a.template} is no longer in the site's input`);
  const added = groupBy(unrecorded.filter((a) => templates.has(a.template)), (a) => a.staff);
  if (added.size === 0) return { input, omitted };
  const staff = input.staff.map((s) => (added.has(s.id) ? { ...s, history: [...s.history, ...added.get(s.id)!.map(({ date, template }) => ({ date, template }))] } : s));
  return { input: { ...input, staff }, omitted };
}

/** The site's stored input as the rules see it: with history from its published versions (`withPublishedHistory`). */
export function inputForRules(store: Store, site: SiteRecord): InputForRules {
  return withPublishedHistory(site.input, store.schedules.publishedShifts(site.id));
}
