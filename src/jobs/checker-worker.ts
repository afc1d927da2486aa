/**
 * The checker's read-only work for the API, run in a pool of persistent worker threads (worker-pool.ts):
 * preparing a site's input (time grid, hourly demand) and then explaining a schedule, checking a posted
 * draft or an edit before it is stored, rendering its page, ranking whom to call for an open shift or
 * building the FTE report's productivity view take up to a second or two for a month, during which the
 * API's event loop would answer nobody. Input: one task, a plain message (the site's input, the schedule as
 * stored or posted, the operation's arguments). Output: the plain result, with the refusals the routes
 * answer as problems (a schedule or an open shift that does not fit the site) as values; anything thrown
 * is a bug. The caller stores nothing until the answer is in, and only if what was checked is still what
 * is stored.
 */
import { createHash } from "node:crypto";
import type { Assignment, Explanation, Parsed, PlanningInput, Problem } from "../../models/index.js";
import { scheduleToHtml } from "../export/schedule-html.js";
import type { PersonalDetails } from "../export/withhold.js";
import { explain, parseScheduleFor, prepare, type Prepared } from "../pipeline.js";
import { buildProductivityReport, type ProductivityReport } from "../reports/fte/productivity-report.js";
import { parseOpenShift, rankCandidates, type CandidateRanking } from "../repair/candidates.js";
import { isPoolWorker, serveTasks } from "./pool-worker.js";
import { WorkerPool, type WorkerPoolOptions } from "./worker-pool.js";
import { buildFeedTask, cachedGrids, type FeedTask } from "../calendar/feed-service.js";
import { StateCache } from "../calendar/feed-cache.js";
import type { Feed } from "../calendar/feed.js";

export type CheckerTask =
  /** The checker's explanation of `schedule` (stored or posted, not yet checked against the site). */
  | { op: "explain"; input: PlanningInput; schedule: unknown }
  /** A posted schedule to store as a draft: checked against the site and explained. */
  | { op: "draft"; input: PlanningInput; schedule: unknown }
  /** A draft's assignments `after` its edits (`before` them as stored): checked as an edit is, then explained. */
  | { op: "edit"; input: PlanningInput; before: Assignment[]; after: Assignment[] }
  /** The FTE report's productivity view of the site, its provenance `source`. */
  | { op: "productivity"; input: PlanningInput; source: string }
  /** A calendar feed's text and ETag (a department's month: about a second). */
  | ({ op: "feed" } & FeedTask)
  /** The schedule page of stored assignments, under `caption`, showing people's leave and requests or not (default shown). */
  | { op: "page"; input: PlanningInput; assignments: Assignment[]; caption: string; personalDetails?: PersonalDetails }
  /** Whom to call for the open shift `shift` on `date` of stored assignments. */
  | { op: "candidates"; input: PlanningInput; assignments: Assignment[]; date: string; shift: string };

/** Whom to call, or which part did not fit: the open shift (a 400) or the schedule (a 409). */
export type CandidatesAnswer = { ok: true; value: CandidateRanking } | { ok: false; misfit: "open-shift" | "schedule"; problems: Problem[] };

/** A draft's assignments to store (as the schedule parsed them) and their explanation. */
export interface CheckedDraft {
  assignments: Assignment[];
  explanation: Explanation;
}

/**
 * A draft's assignments to store after an edit, and their explanation; or, when the draft keeps something
 * that no longer fits the site (which the edit left alone), the problems that keep it from being explained.
 */
export interface CheckedEdit {
  assignments: Assignment[];
  checked: Parsed<Explanation>;
}

/** Each task's answer, by its op. */
export interface CheckerAnswers {
  explain: Parsed<Explanation>;
  draft: Parsed<CheckedDraft>;
  edit: Parsed<CheckedEdit>;
  page: Parsed<string>;
  candidates: CandidatesAnswer;
  productivity: Parsed<ProductivityReport>;
  feed: Parsed<Feed>;
}

/**
 * Prepared inputs this thread keeps, the most recently used last. Preparing a month (its time grid and
 * hourly demand) takes 0.7–1.1 s, and explaining a schedule against it 30–100 ms (the demo), while a
 * manager's requests come one after another on one site's input: each worker keeps the last two it used.
 */
const preparedInputs = new StateCache<Prepared>(() => 1, { maxEntries: 2 });

/**
 * `input` prepared, or the one prepared earlier from an input of the same content (the checker's operations
 * only read it: `test/unit/jobs/checker-worker.test.ts`). A site whose input changed is prepared afresh.
 */
export function preparedFor(input: PlanningInput): Prepared {
  const key = createHash("sha256").update(JSON.stringify(input)).digest("base64url");
  let prepared = preparedInputs.get(key, "");
  if (!prepared) preparedInputs.set(key, "", (prepared = prepare(input)));
  return prepared;
}

/** Time grids this thread keeps for calendar feeds, as a feed built on the calling thread keeps them. */
const gridFor = cachedGrids(8);

/** The schedule checked against the site's input and explained, or the problems that keep it from fitting. */
export function explainFor(input: PlanningInput, data: unknown): Parsed<Explanation> {
  const parsed = parseScheduleFor(input, data);
  return parsed.ok ? { ok: true, value: explain(preparedFor(input), parsed.value) } : parsed;
}

function draftFor(input: PlanningInput, data: unknown): Parsed<CheckedDraft> {
  const parsed = parseScheduleFor(input, data);
  return parsed.ok ? { ok: true, value: { assignments: parsed.value.assignments, explanation: explain(preparedFor(input), parsed.value) } } : parsed;
}

const slotKey = (a: Assignment): string => `${a.staff}|${a.date}|${a.template}`;

/**
 * A draft's assignments after edits, checked against the site: an edit may leave alone what no longer
 * fits (a leaver's other shifts, to be moved or removed an edit at a time) but may not add anything that
 * does not fit; the problems name what it added. Before, every edit checked the whole draft, so a draft
 * naming a leaver could be mended only by moving all their shifts in one request.
 */
function checkEditedAssignments(input: PlanningInput, before: readonly Assignment[], after: Assignment[]): Parsed<Assignment[]> {
  const parsed = parseScheduleFor(input, { assignments: after });
  if (parsed.ok) return { ok: true, value: parsed.value.assignments };
  const earlier = parseScheduleFor(input, { assignments: before });
  const earlierMessages = new Set(earlier.ok ? [] : earlier.problems.map((p) => p.message));
  // A row is the draft's own while the draft had as many rows of its slot: an edit that moves a shift onto
  // one the draft already has adds a second row of that slot, which is what the edit added.
  const left = new Map<string, number>();
  for (const a of before) left.set(slotKey(a), (left.get(slotKey(a)) ?? 0) + 1);
  const added = after.map((a) => {
    const n = left.get(slotKey(a)) ?? 0;
    left.set(slotKey(a), n - 1);
    return n <= 0;
  });
  const fresh = parsed.problems.filter((p) => {
    const row = /^assignments\[(\d+)\]/.exec(p.path);
    return row ? added[Number(row[1])]! : !earlierMessages.has(p.message);
  });
  return fresh.length > 0 ? { ok: false, problems: fresh } : { ok: true, value: after };
}

function editFor(input: PlanningInput, before: readonly Assignment[], after: Assignment[]): Parsed<CheckedEdit> {
  const edited = checkEditedAssignments(input, before, after);
  return edited.ok ? { ok: true, value: { assignments: edited.value, checked: explainFor(input, { assignments: edited.value }) } } : edited;
}

function pageFor(input: PlanningInput, assignments: Assignment[], caption: string, personalDetails: PersonalDetails = "shown"): Parsed<string> {
  const parsed = parseScheduleFor(input, { assignments });
  if (!parsed.ok) return parsed;
  const prepared = preparedFor(input);
  return { ok: true, value: scheduleToHtml(prepared, { assignments }, explain(prepared, parsed.value), { caption, personalDetails }) };
}

function candidatesFor(input: PlanningInput, assignments: Assignment[], date: string, shift: string): CandidatesAnswer {
  const prepared = preparedFor(input);
  const open = parseOpenShift(prepared, { date, shift });
  if (!open.ok) return { ok: false, misfit: "open-shift", problems: open.problems };
  const schedule = parseScheduleFor(input, { assignments });
  if (!schedule.ok) return { ok: false, misfit: "schedule", problems: schedule.problems };
  return { ok: true, value: rankCandidates(prepared, schedule.value, open.value) };
}

/** Runs one task here, on the calling thread (the pool's workers call it; so may a caller that must not wait). */
export function runCheckerTask<T extends CheckerTask>(task: T): CheckerAnswers[T["op"]];
export function runCheckerTask(task: CheckerTask): CheckerAnswers[CheckerTask["op"]] {
  switch (task.op) {
    case "explain":
      return explainFor(task.input, task.schedule);
    case "draft":
      return draftFor(task.input, task.schedule);
    case "edit":
      return editFor(task.input, task.before, task.after);
    case "page":
      return pageFor(task.input, task.assignments, task.caption, task.personalDetails);
    case "candidates":
      return candidatesFor(task.input, task.assignments, task.date, task.shift);
    case "productivity":
      return buildProductivityReport(task.input, { source: task.source });
    case "feed":
      return buildFeedTask(task, gridFor);
  }
}

/**
 * Tasks at most waiting for the checker's workers, by default: with 2 workers and a month's check taking
 * 0.4–2 s, the last of them waits some 6–32 s, about as long as an HTTP client waits for an answer.
 */
export const DEFAULT_CHECKER_MAX_WAITING = 32;
/**
 * Milliseconds one task may take, by default: the demo month's heaviest (its candidates, or the analyze of
 * its hand-made schedule) took 0.4–0.9 s through the built server on a loaded 2-core machine, so only a task
 * that hangs, or a site many times the demo's, reaches it.
 */
export const DEFAULT_CHECKER_TASK_TIMEOUT_MS = 60_000;
/**
 * Milliseconds a new checker worker may take to load its module, by default: the compiled checker loads in
 * well under a second, from sources under the test runner in a few, so only a worker that hangs while it
 * loads reaches it.
 */
export const DEFAULT_CHECKER_START_TIMEOUT_MS = 30_000;
/**
 * New checker workers failing to get ready one after another, by default, after which none is started for
 * DEFAULT_CHECKER_START_COOLDOWN_MS: a module that hangs while it loads does so every time, and each request
 * would wait the start limit for a worker that never comes. Not 1, so that one start cut short on a machine
 * overloaded for a moment does not turn requests away.
 */
export const DEFAULT_CHECKER_MAX_FAILED_STARTS = 3;
/** Milliseconds no new checker worker is started after that, by default; requests needing one are answered 503 at once meanwhile. */
export const DEFAULT_CHECKER_START_COOLDOWN_MS = 60_000;

/** The pool the API hands its checking to. */
export class CheckerPool {
  private readonly pool: WorkerPool<CheckerTask, unknown>;
  private readonly sharing = new Map<string, Promise<unknown>>();

  /**
   * `workers`: threads at most at once (default 1); each holds a month's prepared input while it works.
   * `limits`: the tasks waiting at most (default DEFAULT_CHECKER_MAX_WAITING), each task's time limit
   * (default DEFAULT_CHECKER_TASK_TIMEOUT_MS), a new worker's limit to start in (default
   * DEFAULT_CHECKER_START_TIMEOUT_MS), and the failed starts in a row (default
   * DEFAULT_CHECKER_MAX_FAILED_STARTS) after which none is started for a cool-down (default
   * DEFAULT_CHECKER_START_COOLDOWN_MS); see WorkerPoolOptions.
   */
  constructor(
    workers = 1,
    moduleUrl: URL = new URL(import.meta.url),
    limits: Pick<WorkerPoolOptions, "maxWaiting" | "taskTimeoutMs" | "startTimeoutMs" | "maxFailedStarts" | "startCooldownMs"> = {},
  ) {
    this.pool = new WorkerPool(moduleUrl, {
      size: workers,
      maxWaiting: limits.maxWaiting ?? DEFAULT_CHECKER_MAX_WAITING,
      taskTimeoutMs: limits.taskTimeoutMs ?? DEFAULT_CHECKER_TASK_TIMEOUT_MS,
      startTimeoutMs: limits.startTimeoutMs ?? DEFAULT_CHECKER_START_TIMEOUT_MS,
      maxFailedStarts: limits.maxFailedStarts ?? DEFAULT_CHECKER_MAX_FAILED_STARTS,
      startCooldownMs: limits.startCooldownMs ?? DEFAULT_CHECKER_START_COOLDOWN_MS,
    });
  }

  /** Worker threads at most at once. */
  get size(): number {
    return this.pool.size;
  }

  run<T extends CheckerTask>(task: T): Promise<CheckerAnswers[T["op"]]> {
    return this.pool.run(task) as Promise<CheckerAnswers[T["op"]]>;
  }

  /**
   * As `run`, but a task equal to one still waiting or running shares its answer rather than being worked
   * out again (the FTE report's productivity view of a site asked for by several people at once).
   */
  runShared<T extends CheckerTask>(task: T): Promise<CheckerAnswers[T["op"]]> {
    const key = createHash("sha256").update(JSON.stringify(task)).digest("base64url");
    let answer = this.sharing.get(key);
    if (!answer) {
      answer = this.run(task).finally(() => this.sharing.delete(key));
      this.sharing.set(key, answer);
    }
    return answer as Promise<CheckerAnswers[T["op"]]>;
  }

  stats(): ReturnType<WorkerPool<CheckerTask, unknown>["stats"]> {
    return this.pool.stats();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

if (isPoolWorker(import.meta.url)) serveTasks<CheckerTask>(runCheckerTask);
