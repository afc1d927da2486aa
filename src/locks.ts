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
 * A repair's window as the lock checker needs it: which assignments it keeps as they are (the base's shifts
 * on the dates outside it, locked in the base or not) and its dates, so a problem with one of them says why
 * it is kept and what lets it change.
 */
export interface WindowLocks {
  /** The places in the list of the assignments outside the window, locked in the schedule or not. */
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
 * none when the locks can all be kept. A problem with an assignment a repair keeps because it lies outside
 * its window says so, locked in the schedule or not: only widening the window lets it change. A rule of no
 * person that the kept shifts break (a hard budget cap) is one problem of the window as a whole, its path
 * the list's.
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
    // of them per shift. Only the locks inside the window go through it; the kept shifts are told of once, after.
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
          message: keptBreaking(minimal, window, `the hard rule ${rule}: ${v.message}`),
        },
      });
      pool = pool.filter((l) => !minimal.includes(l));
    }
    if (windowLocks.length > 0) {
      const found = breaks([...pool, ...windowLocks]).filter((v) => v.rule === rule && v.subjects.staff === undefined);
      const locked = pool.length > 0 ? `, with ${pool.length} locked shift(s) within those dates,` : "";
      if (found.length > 0) {
        problems.push({
          first: windowLocks[0]!.index,
          problem: {
            path: listPath,
            message:
              `kept as they are, the ${windowLocks.length} shifts outside the dates the repair may change (${window!.dates})${locked} break the hard rule ${rule} together: ` +
              `${found[0]!.message}${found.length > 1 ? ` (and ${found.length - 1} more)` : ""}; widen the dates to let these shifts change`,
          },
        });
      }
    }
  }
  return problems.sort((a, b) => a.first - b.first).map((p) => p.problem);
}

/**
 * `rule` (the hard rule and how it is broken) as broken by `locks`, said with why they are kept: locked in
 * the schedule, or kept as they are because they lie outside a repair's window (locked or not), which only
 * a wider window lets change.
 */
function keptBreaking(locks: readonly Lock[], window: WindowLocks | undefined, rule: string): string {
  const one = locks.length === 1;
  const outside = window ? locks.filter((l) => window.kept.has(l.index)).length : 0;
  if (outside === 0) return `${one ? "locked, but breaks" : "locked together, they break"} ${rule}`;
  const dates = `outside the dates the repair may change, ${window!.dates}`;
  const all = outside === locks.length;
  return (
    `${one ? "kept as it is" : "kept as they are"} (${all ? dates : `locked, or ${dates}`}), ${one ? "but breaks" : "together they break"} ${rule}; ` +
    `widen the dates${all ? "" : " or unlock them"} to let ${one ? "it" : "them"} change`
  );
}
