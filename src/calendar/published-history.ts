/**
 * A site's input as the rules see it. Input: a planning input and the schedules before it — the site's
 * published versions (API), or the `--history-from` files (CLI, src/cli/history.ts). Output: the same
 * input with each person's `history` completed from those schedules' shifts on the days before the
 * horizon, so rest, consecutive-day, weekend and pay rules hold across the edge of a month as they do for
 * an input with history typed in (DESIGN §2).
 *
 * What a date holds is the calendar feeds' reading (`latestOnEachDate`, as `publishedAssignments`: each
 * date's shifts from the latest schedule covering it). Only the days the rules read are taken
 * (`historyLookBackDays`), and before them each person's last run of working days.
 * A date the input's own history already names for a person is left as the manager recorded it (what was
 * actually worked: a swap, a call-out); the schedules' shifts are added on the other dates. A shift of
 * someone no longer on staff is not history; one whose template the input no longer has cannot be
 * placed and is left out, said in `omitted`. Derived when read, never stored: the site's input (and its
 * export) stays what the manager wrote.
 */
import { MAX_HORIZON_DAYS, type Assignment, type PlanningInput } from "../../models/index.js";
import { historyLookBackDays } from "../../solver/rules/look-back.js";
import type { SiteRecord } from "../store/sites.js";
import type { Store } from "../store/store.js";
import { addDays } from "../time/grid.js";
import { coverageOf, type DateRange } from "./coverage.js";
import type { PublishedVersion } from "./events.js";
import { latestOnEachDate } from "./layers.js";

/** The input with history from published versions, and the published shifts that could not become history. */
export interface InputForRules {
  input: PlanningInput;
  /** One sentence per published shift left out because its template is no longer in the input. */
  omitted: string[];
}

/** A schedule whose shifts before the horizon become history: a published version, or a CLI schedule file. */
export interface HistorySource {
  assignments: readonly Assignment[];
  /** The dates it speaks for: on them its shifts replace an earlier source's. Undefined: every date. */
  covers?: DateRange | undefined;
}

/** The input with history from schedules, and each shift left out because the input has no such template. */
export interface InputWithHistory<S extends HistorySource> {
  input: PlanningInput;
  omitted: { assignment: Assignment; source: S }[];
}

/**
 * The shifts of `sources` (oldest first) before the horizon that the rules read, of people still on staff,
 * and before those days each person's last run of working days (within MAX_HORIZON_DAYS): it weighs in no
 * finding or price, but a run or a break reaching into the horizon is then told from the day it really
 * began (and a break is not taken for one that begins at the horizon, which `exemptEdges: false` judges
 * short).
 */
function shiftsBefore<S extends HistorySource>(input: PlanningInput, sources: readonly S[]): { assignment: Assignment; source: S }[] {
  const { start } = input.horizon;
  const staff = new Set(input.staff.map((s) => s.id));
  const earliest = addDays(start, -MAX_HORIZON_DAYS);
  const wanted = (a: Assignment): boolean => a.date >= earliest && a.date < start && staff.has(a.staff);
  // Layered per date, so the other dates can go first: a site's older years cost nothing here.
  const layers = sources.map((source) => ({
    ...(source.covers ? { horizon: source.covers } : {}),
    items: source.assignments.filter(wanted).map((assignment) => ({ assignment, source })),
  }));
  const before = latestOnEachDate(layers, (x) => x.assignment);
  const from = addDays(start, -historyLookBackDays(input));
  const since = new Map([...groupBy(before.filter((x) => x.assignment.date < from), (x) => x.assignment.staff)].map(([id, shifts]) => [id, runStart(shifts.map((x) => x.assignment.date))]));
  return before.filter(({ assignment: a }) => a.date >= (since.get(a.staff) ?? from));
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

/**
 * `input` with each person's history completed from `sources` (oldest first: a later one's shifts replace
 * an earlier one's on the dates it covers); see the file header. The one derivation, for the API's
 * published versions (`withPublishedHistory`) and the CLI's `--history-from` files alike.
 */
export function withScheduleHistory<S extends HistorySource>(input: PlanningInput, sources: readonly S[]): InputWithHistory<S> {
  const templates = new Set(input.shiftTemplates.map((t) => t.id));
  const recorded = new Set(input.staff.flatMap((s) => s.history.map((h) => `${s.id}@${h.date}`)));
  const unrecorded = shiftsBefore(input, sources).filter(({ assignment: a }) => !recorded.has(`${a.staff}@${a.date}`));
  const omitted = unrecorded.filter(({ assignment: a }) => !templates.has(a.template));
  const added = groupBy(unrecorded.filter(({ assignment: a }) => templates.has(a.template)), (x) => x.assignment.staff);
  if (added.size === 0) return { input, omitted };
  const staff = input.staff.map((s) => (added.has(s.id) ? { ...s, history: [...s.history, ...added.get(s.id)!.map(({ assignment: { date, template } }) => ({ date, template }))] } : s));
  return { input: { ...input, staff }, omitted };
}

/** `input` with each person's history completed from `versions` (published, any order); see the file header. */
export function withPublishedHistory(input: PlanningInput, versions: readonly PublishedVersion[]): InputForRules {
  const ordered = [...versions].sort((a, b) => a.version - b.version).map((v) => ({ assignments: v.schedule.assignments, covers: coverageOf(v) }));
  const derived = withScheduleHistory(input, ordered);
  const omitted = derived.omitted.map(
    ({ assignment: a }) => `published shift ${a.staff} ${a.template}@${a.date} is not counted as history: shift template ${a.template} is no longer in the site's input`,
  );
  return { input: derived.input, omitted };
}

/** The site's stored input as the rules see it: with history from its published versions (`withPublishedHistory`). */
export function inputForRules(store: Store, site: SiteRecord): InputForRules {
  return withPublishedHistory(site.input, store.schedules.publishedShifts(site.id));
}
