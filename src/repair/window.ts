/**
 * A repair's setup, the same for `rxroster repair` and a solve job with `repair`: the dates it may change,
 * checked against the horizon; the dates it may not (frozen), where the base schedule's assignments are
 * locked and nobody else works; and the base schedule as the input's reference, whose changes
 * `repair.changes` prices.
 */
import type { Assignment, PlanningInput, Problem } from "../../models/index.js";
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

/** The assignment, locked when it falls on a frozen date: the base stays as it is there. */
export function lockedIfFrozen(a: Assignment, frozen: FrozenDates): Assignment {
  return !a.locked && isFrozen(frozen, a.date) ? { ...a, locked: true } : a;
}

/** The input with the base schedule's assignments as its reference. */
export function withReference(input: PlanningInput, base: readonly Assignment[]): PlanningInput {
  return { ...input, reference: { assignments: base.map(({ staff, date, template }) => ({ staff, date, template })) } };
}
