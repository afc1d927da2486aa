/**
 * Locked assignments judged on their own, before a solve: input is a schedule's assignments (the
 * `--from` file's, in its order) and output the problems of its locked ones, each naming the locks
 * involved by their place in that list and the hard rule they break. A lock a hard rule forbids alone
 * (leave, eligibility) and locks that break one only together (six days in a row, a night and then a
 * day shift) are both bad input: no schedule can keep them, whatever the solver does.
 */
import type { Assignment, Problem, RuleId, Violation } from "../models/index.js";
import { RULES } from "../solver/rules/index.js";
import { explain, type Prepared } from "./pipeline.js";

/** The rules more shifts can only break more (see `RuleDefinition.monotone`). */
const MONOTONE: ReadonlySet<RuleId> = new Set(RULES.filter((rule) => rule.monotone).map((rule) => rule.id));

interface Lock {
  assignment: Assignment;
  /** Its index in the list the user gave. */
  index: number;
}

/**
 * A repair's window as the lock checker needs it: which locks it made (the base's shifts on the dates it
 * keeps, which the base did not lock) and its dates, so a problem with one of them says what lets it change.
 */
export interface WindowLocks {
  /** The places in the list of the locks the window made. */
  kept: ReadonlySet<number>;
  /** The dates the repair may change, "FROM…UNTIL". */
  dates: string;
}

export interface CheckLocksOptions {
  /** The list's name in the paths (default "assignments"). */
  listPath?: string;
  /** A repair's window, when some of the locks are its own. */
  window?: WindowLocks;
}

/**
 * Problems of the locked assignments in `assignments`, one per break of a hard rule, its path the locks
 * involved (`assignments[3]`, or `assignments[0], assignments[1], …` for locks that break it together);
 * none when the locks can all be kept. A problem with a lock the window made says so: the schedule never
 * locked it, and widening the window lets it change. A rule of no person that the window's locks break
 * (a hard budget cap) is one problem of the window as a whole, its path the list's.
 */
export function checkLocks(prepared: Prepared, assignments: readonly Assignment[], options: CheckLocksOptions = {}): Problem[] {
  const { listPath = "assignments", window } = options;
  const locks: Lock[] = assignments.flatMap((assignment, index) => (assignment.locked ? [{ assignment, index }] : []));
  if (locks.length === 0) return [];
  const breaks = (subset: readonly Lock[]): Violation[] =>
    explain(prepared, { assignments: subset.map((l) => l.assignment) }).violations.filter((v) => v.hard && MONOTONE.has(v.rule));
  // A break is a rule and a person (none for the horizon's budget); each is traced back to its locks.
  const groups = new Map<string, { rule: RuleId; staff: string | undefined }>();
  for (const v of breaks(locks)) groups.set(`${v.rule}|${v.subjects.staff ?? ""}`, { rule: v.rule, staff: v.subjects.staff });
  const problems: { first: number; problem: Problem }[] = [];
  for (const { rule, staff } of groups.values()) {
    const broken = (subset: readonly Lock[]): Violation | undefined => breaks(subset).find((v) => v.rule === rule && v.subjects.staff === staff);
    let pool = locks.filter((l) => staff === undefined || l.assignment.staff === staff);
    // A rule of no person (a budget cap, overstaffing, made hard) that the dates a repair keeps break is
    // theirs as a whole: the filter below would blame an arbitrary few of a month's shifts, at one explain
    // of them per shift. Only the schedule's own locks go through it; the window's are told of once, after.
    const windowLocks = staff === undefined && window ? pool.filter((l) => window.kept.has(l.index)) : [];
    if (windowLocks.length > 0) pool = pool.filter((l) => !window!.kept.has(l.index));
    // A deletion filter: a lock without which the rest still break the rule is not needed to break it, so
    // what is left is a smallest set that does. Its locks set aside, the others may break it again.
    while (pool.length > 0 && broken(pool) !== undefined) {
      let minimal = pool;
      for (const lock of pool) {
        const without = minimal.filter((l) => l !== lock);
        if (broken(without) !== undefined) minimal = without;
      }
      if (minimal.length === 0) break;
      const v = broken(minimal)!;
      problems.push({
        first: minimal[0]!.index,
        problem: {
          path: minimal.map((l) => `${listPath}[${l.index}]`).join(", "),
          message: `${minimal.length === 1 ? "locked, but breaks" : "locked together, they break"} the hard rule ${rule}: ${v.message}${window && minimal.some((l) => window.kept.has(l.index)) ? keptNote(window) : ""}`,
        },
      });
      pool = pool.filter((l) => !minimal.includes(l));
    }
    if (windowLocks.length > 0) {
      const found = breaks([...pool, ...windowLocks]).filter((v) => v.rule === rule && v.subjects.staff === undefined);
      const locked = pool.length > 0 ? `, with ${pool.length} of the schedule's own locks,` : "";
      if (found.length > 0) {
        problems.push({
          first: windowLocks[0]!.index,
          problem: {
            path: listPath,
            message:
              `kept as they were, the ${windowLocks.length} shifts on the dates outside the repair's window${locked} break the hard rule ${rule} together: ` +
              `${found[0]!.message}${found.length > 1 ? ` (and ${found.length - 1} more)` : ""} (not locked in the schedule, but outside the dates the repair ` +
              `may change, ${window!.dates}: widen them to let these shifts change)`,
          },
        });
      }
    }
  }
  return problems.sort((a, b) => a.first - b.first).map((p) => p.problem);
}

const keptNote = (window: WindowLocks): string =>
  ` (not locked in the schedule, but outside the dates the repair may change, ${window.dates}, so kept as it was: widen them to let it change)`;
