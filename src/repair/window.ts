/**
 * A repair's setup, the same for `rxroster repair` and a solve job with `repair`: the dates it may change,
 * checked against the horizon; the dates it may not (frozen), where the base schedule's assignments are
 * locked for the solve (the repaired schedule keeps only the base's own locks) and nobody else works; and
 * the base schedule as the input's reference, whose changes `repair.changes` prices.
 */
import { assignmentKey, type Assignment, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
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

/** The dates outside the window. */
export function frozenOutside(window: RepairWindow): FrozenDates {
  return { ...(window.changeFrom ? { before: window.changeFrom } : {}), ...(window.changeUntil ? { after: window.changeUntil } : {}) };
}

/** The dates a repair may change as the user reads them, "FROM…UNTIL", an open end the horizon's. */
export function windowDates(frozen: FrozenDates, horizon: { start: string; end: string }): string {
  return `${frozen.before ?? horizon.start}…${frozen.after ?? horizon.end}`;
}

/** The assignment, locked when it falls on a frozen date: the base stays as it is there. */
export function lockedIfFrozen(a: Assignment, frozen: FrozenDates): Assignment {
  return !a.locked && isFrozen(frozen, a.date) ? { ...a, locked: true } : a;
}

/**
 * Lock problems of a repair (`checkLocks` on the base with the window's locks), each that names a shift
 * the base did not lock saying so: the window kept it, and only widening the window lets it change.
 */
export function noteKeptByWindow(problems: readonly Problem[], base: readonly Assignment[], frozen: FrozenDates, horizon: { start: string; end: string }): Problem[] {
  const window = windowDates(frozen, horizon);
  return problems.map((p) => {
    const kept = [...p.path.matchAll(/\[(\d+)\]/g)].some((m) => {
      const a = base[Number(m[1])];
      return a !== undefined && !a.locked && isFrozen(frozen, a.date);
    });
    return kept ? { ...p, message: `${p.message} (not locked in the schedule, but outside the dates the repair may change, ${window}, so kept as it was: widen them to let it change)` } : p;
  });
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
