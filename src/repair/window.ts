/**
 * A repair's setup, the same for `rxroster repair` and a solve job with `repair`: the dates it may change,
 * checked against the horizon; the dates it may not (frozen), where the base schedule's assignments are
 * locked for the solve (the repaired schedule keeps only the base's own locks) and nobody else works; and
 * the base schedule as the input's reference, whose changes `repair.changes` prices.
 */
import { addDays, assignmentKey, type Assignment, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
import type { DateRange } from "../calendar/coverage.js";
import type { WindowLocks } from "../locks.js";
import { isFrozen, type FrozenDates } from "../../solver/model/build.js";

/** The dates a repair may change, from `changeFrom` until `changeUntil` (either open). */
export interface RepairWindow {
  changeFrom?: string | undefined;
  changeUntil?: string | undefined;
}

/** Each date within the horizon and the window not reversed; `names` are the fields as the user wrote them. */
export function repairWindowProblems(window: RepairWindow, horizon: { start: string; end: string }, names: { changeFrom: string; changeUntil: string }): Problem[] {
  const problems: Problem[] = [];
  for (const field of ["changeFrom", "changeUntil"] as const) {
    const date = window[field];
    if (date !== undefined && (date < horizon.start || date > horizon.end)) problems.push({ path: names[field], message: `must be within the horizon ${horizon.start}…${horizon.end}`, value: date });
  }
  if (window.changeFrom !== undefined && window.changeUntil !== undefined && window.changeUntil < window.changeFrom) {
    problems.push({ path: names.changeUntil, message: `must not be before ${names.changeFrom} (${window.changeFrom})`, value: window.changeUntil });
  }
  return problems;
}

/**
 * Why a repair job (the API's `repair`, with `baseScheduleId` or the site's latest published version as
 * `base`) cannot be made on the site as it stands: its window outside the horizon or reversed, no schedule
 * to repair (none named and none published), or one with no shift within the horizon (last month's:
 * nothing to repair, and the dates outside the window would be kept empty). Checked when the job is
 * submitted, and again when it starts: the site may have changed in between (its horizon moved on to next
 * month, say).
 */
export function repairJobProblems(window: RepairWindow, site: { id: string; horizon: { start: string; end: string } }, base: { id: string; assignments: readonly Assignment[] } | undefined, baseScheduleId: string | undefined): Problem[] {
  const { horizon } = site;
  const problems = repairWindowProblems(window, horizon, { changeFrom: "repair.changeFrom", changeUntil: "repair.changeUntil" });
  if (!base) problems.unshift(noBase(site.id, baseScheduleId));
  // Another horizon's schedule (last month's, the latest): the dates outside the window would be kept empty.
  else if (!base.assignments.some((a) => a.date >= horizon.start && a.date <= horizon.end)) {
    const named = baseScheduleId !== undefined;
    problems.unshift({
      path: named ? "baseScheduleId" : "repair",
      message: `schedule ${base.id}${named ? "" : ", the site's latest published version,"} has no shift within the horizon ${horizon.start}…${horizon.end}: nothing to repair, and the dates outside the window would be kept empty; name the schedule to repair in baseScheduleId`,
      ...(named ? { value: baseScheduleId } : {}),
    });
  }
  return problems;
}

/**
 * The problem of a repair with no schedule to change. Unnamed, its base is the latest published version,
 * never a draft: a draft nobody works may differ from what was published on the dates the repair keeps.
 */
function noBase(siteId: string, baseScheduleId: string | undefined): Problem {
  if (baseScheduleId !== undefined) return { path: "baseScheduleId", message: `no schedule at site ${siteId}`, value: baseScheduleId };
  return {
    path: "baseScheduleId",
    message: `a repair changes the site's latest published version unless this names another schedule, and site ${siteId} has published none: ` +
      `name the draft to repair here (GET /sites/${siteId}/schedules lists them), or publish a schedule first`,
  };
}

/** The dates outside the window. */
export function frozenOutside(window: RepairWindow): FrozenDates {
  return { ...(window.changeFrom ? { before: window.changeFrom } : {}), ...(window.changeUntil ? { after: window.changeUntil } : {}) };
}

/** The dates a repair may change as the user reads them, "FROM…UNTIL", an open end the horizon's. */
export function windowDates(frozen: FrozenDates, horizon: { start: string; end: string }): string {
  return `${frozen.before ?? horizon.start}…${frozen.after ?? horizon.end}`;
}

/**
 * A warning for each run of dates the repair keeps (outside its window, within the horizon) that the base
 * schedule never covered: the horizon moved or grew since the base was made. Such a date is kept as the
 * base has it, empty, and nobody may work it, so without a word its demand would go uncovered; the repair
 * is not refused (the dates it may change are still worth repairing), and only a window that includes the
 * dates plans them. `planned` is the horizon the base was made for; where its input was not kept (a
 * schedule stored before it was, a `schedule.json` written before it recorded one), the first…last dates of
 * its shifts stand in for it. The window is within the horizon (`repairWindowProblems`); `names` are its
 * fields as the user wrote them (default the API's; `rxroster repair` passes its flags, and the file's path
 * as the base's id).
 */
export function unplannedKeptDates(
  frozen: FrozenDates,
  horizon: DateRange,
  base: { id: string; assignments: readonly Assignment[] },
  planned: DateRange | undefined,
  names: { changeFrom: string; changeUntil: string } = { changeFrom: "repair.changeFrom", changeUntil: "repair.changeUntil" },
): string[] {
  const dates = base.assignments.map((a) => a.date).sort();
  const covered = planned ?? (dates.length > 0 ? { start: dates[0]!, end: dates.at(-1)! } : undefined);
  if (!covered) return [];
  const made = planned ? `it was planned for ${covered.start}…${covered.end}` : `its shifts run ${covered.start}…${covered.end}; its horizon was not recorded`;
  const kept: { range: DateRange; field: string }[] = [];
  if (frozen.before !== undefined && frozen.before > horizon.start) kept.push({ range: { start: horizon.start, end: addDays(frozen.before, -1) }, field: names.changeFrom });
  if (frozen.after !== undefined && frozen.after < horizon.end) kept.push({ range: { start: addDays(frozen.after, 1), end: horizon.end }, field: names.changeUntil });
  return kept.flatMap(({ range, field }) =>
    [
      { start: range.start, end: range.end < covered.start ? range.end : addDays(covered.start, -1) },
      { start: range.start > covered.end ? range.start : addDays(covered.end, 1), end: range.end },
    ]
      .filter((run) => run.start <= run.end)
      .map((run) => {
        const one = run.start === run.end;
        const named = one ? run.start : `${run.start}…${run.end}`;
        return (
          `${named} ${one ? "is" : "are"} outside the repair's window ${windowDates(frozen, horizon)}, kept as ${one ? "it was" : "they were"}, but the base schedule ${base.id} ` +
          `never covered ${one ? "it" : "them"} (${made}), so nobody works ${one ? "that date" : "those dates"}: the window must include ${named} (${field}) to plan ${one ? "it" : "them"}`
        );
      }),
  );
}

/**
 * The base schedule as a repair's locks: each assignment on a frozen date locked, so the base stays as it
 * is there, but for those `fits` refuses (they no longer fit the site: the model has no column for them);
 * and, for `checkLocks`, which assignments the window keeps (all those on its frozen dates, whether the base
 * locked them or not), so a problem with one says it is kept for lying outside the window.
 */
export function keptByWindow(base: readonly Assignment[], frozen: FrozenDates, horizon: { start: string; end: string }, fits: (a: Assignment) => boolean = () => true): { assignments: Assignment[]; window: WindowLocks } {
  const kept = new Set<number>();
  const assignments = base.map((a, index) => {
    if (!isFrozen(frozen, a.date) || !fits(a)) return a;
    kept.add(index);
    return a.locked ? a : { ...a, locked: true };
  });
  return { assignments, window: { kept, dates: windowDates(frozen, horizon) } };
}

/**
 * The repaired schedule with the base's own locks and no others. The window keeps the base's assignments
 * on the dates outside it by locking them for this solve; written into the repaired schedule, those locks
 * would hold in the next solve or repair from it (a second call-out's shift, in its window, could not be
 * moved), and the page would show them as the manager's.
 */
export function withBaseLocks(schedule: Schedule, base: readonly Assignment[]): Schedule {
  const locked = new Set(base.filter((a) => a.locked).map(assignmentKey));
  return { ...schedule, assignments: schedule.assignments.map((a) => (a.locked && !locked.has(assignmentKey(a)) ? { ...a, locked: false } : a)) };
}

/** The input with the base schedule's assignments as its reference. */
export function withReference(input: PlanningInput, base: readonly Assignment[]): PlanningInput {
  return { ...input, reference: { assignments: base.map(({ staff, date, template }) => ({ staff, date, template })) } };
}
