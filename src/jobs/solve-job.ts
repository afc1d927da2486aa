/**
 * A solve job's two ends, apart from the queue's bookkeeping (queue.ts): what its worker is given (the
 * site's input as it stands, its history completed from the published versions, the base schedule's assignments that still fit it, a repair's window) with
 * warnings of what the base lost, and what the store records of the worker's outcome.
 */
import { checkScheduleReferences, formatProblem, type Assignment, type PlanningInput } from "../../models/index.js";
import type { JobRecord } from "../store/jobs.js";
import type { ScheduleRecord } from "../store/schedule-records.js";
import type { SiteRecord } from "../store/sites.js";
import type { Store } from "../store/store.js";
import type { SolveJobOptions, SolveResult } from "./options.js";
import type { SolveWorkerInput, SolveWorkerMessage } from "./solve-worker.js";
import { inputForRules } from "../calendar/published-history.js";
import { frozenOutside, repairJobProblems, unplannedKeptDates, windowDates, withReference } from "../repair/window.js";
import { isFrozen, type FrozenDates } from "../../solver/model/build.js";

/**
 * The base schedule's assignments that still fit the site's current input (staff, templates, horizon),
 * and a warning for each locked one that does not, naming it and why: the solve goes on without it, and
 * publishing its draft would take that shift off the person's calendar. A lock dated outside the current
 * horizon gets no warning: the new draft does not plan that date, so publishing it leaves the shift alone
 * (and a solve of next month would otherwise warn of every lock of this one).
 *
 * In a repair (`frozen`: the dates outside its window, which stay as the base has them and where nobody
 * else may work), every assignment dropped on such a date, locked or not, is warned of in `droppedKept`
 * instead: a leaver's shift there would leave its hole unfilled without a word, and only a window that
 * includes the date lets the repair fill it (the window shown with the horizon's ends where it is open).
 */
export function usableBase(input: PlanningInput, assignments: readonly Assignment[], frozen?: FrozenDates): { usable: Assignment[]; droppedLocks: string[]; droppedKept: string[] } {
  const usable: Assignment[] = [];
  const droppedLocks: string[] = [];
  const droppedKept: string[] = [];
  for (const a of assignments) {
    const problems = checkScheduleReferences(input, { assignments: [a] });
    if (problems.length === 0) {
      usable.push(a);
      continue;
    }
    if (a.date < input.horizon.start || a.date > input.horizon.end) continue;
    const why = problems.map((p) => `${p.path.replace(/^assignments\[0\]\.?/, "") || "assignment"}: ${p.message}${p.value !== undefined ? ` (got ${String(p.value)})` : ""}`).join("; ");
    const dropped = `${a.locked ? "locked assignment" : "assignment"} ${a.staff} ${a.template}@${a.date} dropped: it no longer fits the site's input (${why})`;
    if (frozen && isFrozen(frozen, a.date)) {
      const field = frozen.before !== undefined && a.date < frozen.before ? "repair.changeFrom" : "repair.changeUntil";
      droppedKept.push(
        `${dropped}; ${a.date} is outside the repair's window ${windowDates(frozen, input.horizon)}, kept as it was, so nobody fills that shift: ` +
          `the window must include ${a.date} (${field}) to refill it`,
      );
    } else if (a.locked) droppedLocks.push(dropped);
  }
  return { usable, droppedLocks, droppedKept };
}

/** A solve's result with the queue's warnings (dropped locks, a repair's unplanned dates, a site edited meanwhile) ahead of the solver's own. */
function withWarnings(result: SolveResult, warnings: readonly string[]): SolveResult {
  return warnings.length === 0 ? result : { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}

/** The warning of a solve whose site was edited while it ran, or none. */
function siteChangedWarning(solved: SiteRecord, now: SiteRecord | undefined): string[] {
  if (!now || now.revision === solved.revision) return [];
  return [
    `the site changed while this job ran (revision ${solved.revision}, now ${now.revision}): the draft is a schedule for revision ${solved.revision}'s ` +
      "staff, shifts and demand, and publishing it is checked against the site as it is then",
  ];
}

/**
 * The schedule a solve job starts from: the one its `baseScheduleId` names; else, for a repair, the latest
 * published version that speaks for dates of the site's horizon (the schedule people work, the one the
 * call-out happened in: last month's, re-published after this month's, is not it), or the latest at all
 * when none does (the repair's checks then say it has nothing to repair); a draft, however recently edited,
 * is repaired only when named, none when nothing is published; else the schedule changed last, draft or
 * published, whose locks a re-solve keeps (a manager's locks are edits of a draft).
 */
export function jobBase(store: Store, site: Pick<SiteRecord, "id" | "input">, options: Pick<SolveJobOptions, "baseScheduleId" | "repair">): ScheduleRecord | undefined {
  if (options.baseScheduleId !== undefined) return store.schedules.get(site.id, options.baseScheduleId);
  if (!options.repair) return store.schedules.latest(site.id);
  return store.schedules.latestPublishedOver(site.id, site.input.horizon) ?? store.schedules.latestPublished(site.id);
}

/** A claimed solve job: what its worker is given and the warnings its result carries, or why it fails unrun. */
export type SolvePlan = { failed: string } | { data: SolveWorkerInput; warnings: string[]; baseId: string | undefined };

/**
 * The worker input of a claimed solve job on `site` as it stands: the warnings of what its base schedule
 * lost (locks, a repair's kept shifts, kept dates the base never planned) go ahead of the solver's own in
 * its result; a repair that no longer fits the site fails the job instead.
 */
export function planSolve(store: Store, job: Extract<JobRecord, { kind: "solve" }>, site: SiteRecord): SolvePlan {
  const base = jobBase(store, site, job.options);
  // A repair: the base is the reference its changes are priced against, kept as it is outside the window.
  const { repair } = job.options;
  // Checked when the job was submitted; the site may have changed since (its horizon moved on, say).
  const unfit = repair ? repairJobProblems(repair, { id: site.id, horizon: site.input.horizon }, base, job.options.baseScheduleId) : [];
  if (unfit.length > 0) {
    return { failed: `the repair no longer fits the site, which changed after the job was submitted (now revision ${site.revision}): ${unfit.map(formatProblem).join("; ")}` };
  }
  const frozen = repair && base ? frozenOutside(repair) : undefined;
  const { usable, droppedLocks, droppedKept } = base ? usableBase(site.input, base.assignments, frozen) : { usable: [], droppedLocks: [], droppedKept: [] };
  // Kept dates the base never planned (the horizon moved or grew since) stay empty: said, not refused.
  const unplanned = frozen && base ? unplannedKeptDates(frozen, site.input.horizon, base, store.schedules.plannedHorizon(site.id, base.id)) : [];
  const fits = new Set(usable);
  // Judged and solved with last month's published shifts as history; the draft records the stored input.
  const { input, omitted } = inputForRules(store, site);
  const data: SolveWorkerInput = {
    input: frozen ? withReference(input, usable) : input,
    timeLimitSeconds: job.options.timeLimitSeconds,
    ...(job.options.relativeGap !== undefined ? { relativeGap: job.options.relativeGap } : {}),
    ...(base ? { base: base.assignments.map((a) => (!fits.has(a) ? { ...a, locked: false } : a)) } : {}),
    ...(frozen ? { frozen } : {}),
    ...(job.options.warmStart && usable.length > 0 ? { warmStart: { assignments: usable } } : {}),
  };
  return { data, warnings: [...droppedLocks, ...droppedKept, ...unplanned, ...omitted], baseId: base?.id };
}

/** Who told a running solve to stop early: a request (`POST /jobs/{id}/stop`), or the server's graceful shutdown. */
export type StopCause = "request" | "shutdown";

/**
 * The warning of a draft whose solve the server's shutdown stopped: it is not what the solve's time limit
 * would have given, which a manager reading the job later cannot tell from its status alone. None when the
 * solve had proven its schedule optimal anyway.
 */
function stoppedByShutdownWarning(result: SolveResult, stopping: StopCause | undefined): string[] {
  if (stopping !== "shutdown" || result.solveStatus === "optimal") return [];
  return [
    `stopped early by the server's shutdown after ${result.seconds.toFixed(1)} s: this draft is the best schedule the solve had found by then, ` +
      "not what its time limit would have given; solve again for a better one",
  ];
}

/**
 * Records a solve job's outcome: its schedule as a draft, a stop by the shutdown, a site edited meanwhile and
 * the plan's warnings ahead of the solver's own; or, without one, why it failed (`stopping`: it was told to
 * stop early, and by whom).
 */
export function finishSolve(
  store: Store,
  id: string,
  site: SiteRecord,
  message: Extract<SolveWorkerMessage, { type: "outcome" }>,
  plan: { warnings: readonly string[]; baseId: string | undefined; data: Pick<SolveWorkerInput, "frozen"> },
  stopping: StopCause | undefined,
): void {
  const result = withWarnings(message.result, plan.warnings);
  // A cancelled or interrupted job is already ended: succeed() and end() leave it so, storing nothing.
  if (message.assignments) {
    const warnings = [...stoppedByShutdownWarning(result, stopping), ...siteChangedWarning(site, store.sites.get(site.id))];
    store.jobs.succeed(id, message.assignments, withWarnings(result, warnings), { revision: site.revision, input: site.input });
    return;
  }
  // A repair keeps its base's shifts outside the window as well as its locks: each problem says which.
  const kept = plan.data.frozen ? `the assignments a repair of schedule ${plan.baseId ?? "(none)"} keeps (its locks, and its shifts outside the repair's window)` : `the locked assignments of schedule ${plan.baseId ?? "(none)"}`;
  const why = message.problems?.length
    ? `${kept} break hard rules: ${message.problems.map(formatProblem).join("; ")}`
    : result.solveStatus === "infeasible"
      ? `infeasible: the hard rules cannot all hold${message.conflicts?.length ? `, e.g. ${message.conflicts.slice(0, 3).map((c) => c.message).join("; ")}` : ""}`
      : stopping !== undefined
        ? "stopped before the solve had found a schedule"
        : `no schedule found within the time limit${message.detail ? ` (${message.detail})` : ""}`;
  store.jobs.end(id, "failed", why, result);
}
