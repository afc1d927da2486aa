/**
 * Optimize: build the MIP from a prepared input, solve it in a worker, decode the schedule and let the
 * checker explain it. An infeasible department is answered with the conflicting hard rules and people
 * (`solver/conflicts/`: per person, a deletion filter over their hard rules, in what is left of the time
 * limit). A run that ends without a schedule of its own returns a warm start that keeps every hard rule.
 */
import { assignmentKey, type Assignment, type Conflict, type Explanation, type Problem, type Schedule } from "../models/index.js";
import { buildModel, type FrozenDates } from "../solver/model/build.js";
import { decodeSchedule } from "../solver/decode.js";
import { solveInWorker, type RunOptions } from "../solver/engines/run.js";
import { assignmentColumnsOf } from "../solver/search/list.js";
import { solveByNeighbourhoods } from "../solver/search/neighbourhoods.js";
import { DEFAULT_RELATIVE_GAP, DEFAULT_TIME_LIMIT_SECONDS, relativeGap, type EngineResult, type ConflictSearchProgress, type EngineName, type Progress, type SolveStatus } from "../solver/engines/types.js";
import { explainInfeasibility, type ConflictSearchOptions } from "../solver/conflicts/find.js";
import { rosterProblemOf } from "../solver/columns/from-model.js";
import { generateRosters } from "../solver/columns/generate.js";
import { explain, type Prepared } from "./pipeline.js";

export interface OptimizeOptions extends Omit<RunOptions, "warmStart"> {
  /** Assignments the manager pinned: the optimizer keeps them. */
  locked?: Assignment[];
  /** Dates on which the schedule is the locked assignments alone (a repair changes only the days it may). */
  frozen?: FrozenDates;
  /** A previous schedule to start from. */
  warmStart?: Schedule;
  /**
   * `whole`: one MIP solve of the whole model to the limit. `neighbourhoods` (the default with HiGHS):
   * fix-and-optimize (`solver/search/neighbourhoods.ts`). Below {@link LARGE_MODEL_NONZEROS} nonzeros
   * HiGHS solves the whole model alongside the neighbourhoods for the whole limit (it proves most small
   * models optimal, and the neighbourhoods improve the schedules its search gets stuck on); from that size
   * on its first schedule is taken as soon as it comes, and the LP relaxation bounds the search.
   */
  search?: "whole" | "neighbourhoods";
  /**
   * Ends the solve as its time limit would: the search stops once it has a schedule (at once if it has
   * one) and answers with its best. `signal` cancels at once, schedule or not.
   */
  stopSignal?: AbortSignal;
  /**
   * Seconds the conflict search after a solve that ended infeasible, or with neither a schedule nor a proof,
   * gets at least (default {@link CONFLICT_SEARCH_MIN_SECONDS}); it ends as soon as it has its answer.
   */
  conflictSearchSeconds?: number;
}

/**
 * Nonzeros from which a model counts as large: HiGHS's root LP then takes most of a minute (a department's
 * month has 400k to 900k; Curtois–Qu instance 12, 190k, settles in seconds).
 */
export const LARGE_MODEL_NONZEROS = 300_000;
/**
 * Neighbourhoods: a smaller model's windows of 7 days are solved in a few seconds; a month's are cut to 2
 * days of 4 s, so that one minute sweeps the whole month once (demo at 60 s, three runs: 1.15M, 1.15M,
 * 1.18M, against 2.04M with 4 days of 8 s, whose sweep reached only mid-month; 120 staff × 28 days at
 * 300 s: 21.7 % from the bound with 2 days, 21.5 % with 4). They now start at 1 day of 2 s (a window in
 * 0.1–0.5 s), and widen to 2 days of 4 s once a whole sweep of windows brings less than 0.2 % of the price
 * each: the demo at 60 s 770k–778k in four runs against 775k–798k with 2 days from the start, 60 staff
 * 805k and 820k against 834k and 864k ("What was tried" in docs/performance.md). A month's staff groups are one person each,
 * and its neighbourhoods stop at 0.5 % of the whole price left in them (less once the gap is small): from
 * nobody working, one roster after another is built in a fraction of a second each, and the first pass
 * over everyone ends at 11 s instead of after the minute (the demo at 60 s: 0.79M, against 0.87–0.98M
 * before 171c4c6). Its windows of days stop at 0.1 % instead (the groups' seconds would grow with it): 60
 * staff at 60 s better or the same in each of seven pairs of runs (mean 807k against 811k), 120 staff at
 * 300 s 1.249M against 1.257M over three pairs, the demo the same.
 */
const NEIGHBOURHOODS = {
  small: { windowDays: 7, neighbourhoodSeconds: 5 },
  large: { windowDays: 1, neighbourhoodSeconds: 2, windowGain: 0.002, groupPeople: 1, neighbourhoodGap: 0.005, windowGap: 0.001 },
} as const;

export interface ModelSize {
  columns: number;
  rows: number;
  nonzeros: number;
}

export interface OptimizeOutcome {
  status: SolveStatus;
  engine: EngineName;
  /** The schedule found (absent when infeasible or timed out without one). */
  schedule?: Schedule;
  explanation?: Explanation;
  objective?: number;
  bound?: number;
  gap?: number;
  seconds: number;
  firstFeasibleSeconds?: number;
  model: ModelSize;
  /**
   * For `infeasible`: the hard rules that cannot all hold, per person, each set irreducible unless its
   * `proven` is false. `seconds` includes the time spent finding them.
   */
  conflicts?: Conflict[];
  /** For `infeasible`: false when the time limit ended the conflict search before every person was checked or every set was proven irreducible. */
  conflictsComplete?: boolean;
  /** Locked assignments that break a hard rule on their own (bad input). */
  problems?: Problem[];
  detail?: string;
  /** What went wrong along the way without ending the solve: the schedule is the best found without it. */
  warnings?: string[];
}

/**
 * The conflict search gets what the solve left of the time limit, and at least this many seconds: a
 * person's model solves in milliseconds, but a worker thread takes up to half a second to start under tsx.
 */
export const CONFLICT_SEARCH_MIN_SECONDS = 3;

export async function optimize(prepared: Prepared, options: OptimizeOptions = {}): Promise<OptimizeOutcome> {
  const { locked = [], frozen, warmStart, search: _search, stopSignal, conflictSearchSeconds = CONFLICT_SEARCH_MIN_SECONDS, ...run } = options;
  const engine = run.engine ?? "highs";
  const built = buildModel(prepared.input, prepared.grid, prepared.demand, locked, frozen);
  const size: ModelSize = { columns: built.model.numCols, rows: built.model.numRows, nonzeros: built.model.rowColumns.length };
  if (built.lockProblems.length > 0) return { status: "infeasible", engine, seconds: 0, model: size, problems: built.lockProblems };

  const lockedKeys = new Set(locked.map(assignmentKey));
  const byNeighbourhoods = engine === "highs" && (options.search ?? "neighbourhoods") === "neighbourhoods";
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const columns = byNeighbourhoods && !warmStart && locked.length === 0 && !frozen ? await rostersByColumns(prepared, built, limit * COLUMNS_SHARE) : undefined;
  const proven = columns && provenByColumns(columns, engine, size, run.relativeGap ?? DEFAULT_RELATIVE_GAP);
  if (proven) return proven;
  const startFrom = warmStart ?? columns?.schedule;
  const start = startFrom ? warmStartVector(built, startFrom) : undefined;
  const assignments = assignmentColumnsOf(built.ctx);
  const large = size.nonzeros >= LARGE_MODEL_NONZEROS;
  const { engine: _engine, ...runOptions } = run;
  const searched = byNeighbourhoods
    ? await solveByNeighbourhoods(built.model, assignments, {
        ...runOptions,
        ...(columns ? { timeLimitSeconds: Math.max(1, limit - columns.seconds) } : {}),
        // The search's clock starts after the column generation's: its progress counts from the solve's start.
        ...(columns && run.onProgress ? { onProgress: (p: Progress) => run.onProgress!({ ...p, elapsedSeconds: p.elapsedSeconds + columns.seconds }) } : {}),
        ...(start ? { warmStart: start } : {}),
        ...(stopSignal ? { stopSignal } : {}),
        ...(large ? { whole: "first", ...NEIGHBOURHOODS.large } : { whole: "alongside", ...NEIGHBOURHOODS.small }),
      })
    : await solveInWorker(built.model, { ...run, ...(stopSignal ? { signal: AbortSignal.any([stopSignal, ...(run.signal ? [run.signal] : [])]) } : {}), ...(start ? { warmStart: start } : {}) });
  const result = columns ? withColumns(searched, columns, run.relativeGap ?? DEFAULT_RELATIVE_GAP) : searched;
  const base = { engine, seconds: result.seconds, model: size, ...(result.detail ? { detail: result.detail } : {}), ...(result.warnings ? { warnings: result.warnings } : {}) };
  if (result.status === "infeasible") {
    const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    return withConflicts(prepared, { status: "infeasible", ...base }, {
      timeLimitSeconds: Math.max(conflictSearchSeconds, limit - result.seconds),
      locked,
      ...(frozen ? { frozen } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }, options.onProgress);
  }
  if (!result.values) {
    const kept = warmStart && keptWarmStart(prepared, warmStart, lockedKeys, base);
    if (kept) return kept;
    const stopped = options.signal?.aborted || stopSignal?.aborted;
    // Neither a schedule nor a proof (a month whose first schedule HiGHS did not find in time, because
    // someone's hard rules conflict): each person's hard rules alone, small models solved in milliseconds,
    // may still prove it infeasible and name who.
    return stopped ? { status: result.status, ...base } : await withConflicts(prepared, { status: result.status, ...base }, { timeLimitSeconds: conflictSearchSeconds, locked, ...(frozen ? { frozen } : {}), peopleOnly: true }, options.onProgress);
  }
  const schedule = decodeSchedule(built, result.values, lockedKeys);
  const explanation = explain(prepared, schedule);
  // An incumbent found early (before the LP settles) may leave penalty slacks above the least value
  // its schedule needs; the schedule's true price is the checker's total, never more than the MIP's.
  const objective = result.objective === undefined ? undefined : Math.min(result.objective, explanation.total);
  const gap = objective !== undefined && result.bound !== undefined ? relativeGap(objective, Math.min(result.bound, objective)) : result.gap;
  return {
    status: result.status,
    ...base,
    schedule,
    explanation,
    ...(objective !== undefined ? { objective } : {}),
    ...(result.bound !== undefined ? { bound: result.bound } : {}),
    ...(gap !== undefined ? { gap } : {}),
    ...(result.firstFeasibleSeconds !== undefined ? { firstFeasibleSeconds: result.firstFeasibleSeconds } : {}),
  };
}

function warmStartVector(built: ReturnType<typeof buildModel>, schedule: Schedule): { indices: Int32Array; values: Float64Array } {
  const chosen = new Set(schedule.assignments.map(assignmentKey));
  const indices: number[] = [];
  const values: number[] = [];
  for (const person of built.ctx.staff) {
    for (const [key, column] of person.x) {
      indices.push(column);
      values.push(chosen.has(`${person.member.id}|${key}`) ? 1 : 0);
    }
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/**
 * The outcome with the conflict search's answer: infeasible with the conflicts it names (an outcome that
 * was not yet known infeasible only when it names some), else as it was; its seconds include the search's.
 * Its progress goes on from the solve's elapsed seconds.
 */
async function withConflicts(prepared: Prepared, outcome: OptimizeOutcome, search: ConflictSearchOptions, onProgress?: (progress: Progress) => void): Promise<OptimizeOutcome> {
  const started = performance.now();
  const progress = onProgress && ((conflictSearch: ConflictSearchProgress) => onProgress({ elapsedSeconds: outcome.seconds + (performance.now() - started) / 1000, conflictSearch }));
  const found = await explainInfeasibility(prepared.input, prepared.grid, prepared.demand, { ...search, ...(progress ? { onProgress: progress } : {}) });
  const seconds = outcome.seconds + found.seconds;
  if (outcome.status !== "infeasible" && found.conflicts.length === 0) return { ...outcome, seconds };
  return { ...outcome, status: "infeasible", seconds, conflicts: found.conflicts, conflictsComplete: found.complete };
}

/**
 * A warm start kept, when the engine returned no schedule of its own (javascript-lp-solver ignores warm
 * starts; HiGHS can stop before its first): status `feasible`, priced by the checker, with no bound
 * claimed. Undefined when it breaks a hard rule or leaves out a locked assignment.
 */
function keptWarmStart(prepared: Prepared, warmStart: Schedule, lockedKeys: ReadonlySet<string>, base: Omit<OptimizeOutcome, "status">): OptimizeOutcome | undefined {
  const given = new Set(warmStart.assignments.map(assignmentKey));
  if ([...lockedKeys].some((k) => !given.has(k))) return undefined;
  const schedule: Schedule = { ...warmStart, assignments: warmStart.assignments.map((a) => ({ ...a, locked: lockedKeys.has(assignmentKey(a)) })) };
  const explanation = explain(prepared, schedule);
  if (!explanation.feasible) return undefined;
  const warnings = [...(base.warnings ?? []), `the engine found no schedule within the time limit: this is the warm start, unimproved`];
  return { ...base, status: "feasible", schedule, explanation, objective: explanation.total, warnings };
}

/**
 * Share of the time limit the roster column generation may take, where the model is one it holds
 * (`solver/columns/from-model.ts`); the search goes on from its schedule for the rest. On Curtois–Qu 8 at
 * 60 s, 30 s of it and 30 s of search gave 1,419, 60 s of it 1,416–1,604 (docs/performance.md).
 */
const COLUMNS_SHARE = 0.5;

/** The column generation's schedule as the checker explains it, its seconds, and its bound on the model's objective when it proves one. */
interface ColumnsStart {
  schedule: Schedule;
  explanation: Explanation;
  seconds: number;
  bound: number | undefined;
}

/**
 * A first schedule by column generation over people's rosters, for a model whose rules a roster holds
 * alone; undefined for any other model, or when it finds none. Its bound counts only when the checker
 * prices its schedule at exactly the objective the generation gives it: then the two problems are one.
 */
async function rostersByColumns(prepared: Prepared, built: ReturnType<typeof buildModel>, seconds: number): Promise<ColumnsStart | undefined> {
  const problem = rosterProblemOf(prepared.input, built);
  if (!problem) return undefined;
  const outcome = await generateRosters(problem, { seconds });
  if (outcome.status !== "feasible") return undefined;
  const templates = prepared.input.shiftTemplates;
  const assignments = outcome.rosters.flatMap((roster, p) =>
    Array.from(roster).flatMap((option, day) => (option < templates.length ? [{ staff: built.ctx.staff[p]!.member.id, date: prepared.grid.days[day]!.date, template: templates[option]!.id, locked: false }] : [])),
  );
  const schedule: Schedule = { assignments };
  const explanation = explain(prepared, schedule);
  const total = explanation.total;
  const exact = Math.abs(total - (outcome.objective + built.model.offset)) <= 1e-6 * Math.max(1, Math.abs(total));
  const bound = exact && outcome.bound !== undefined ? outcome.bound + built.model.offset : undefined;
  return { schedule, explanation, seconds: outcome.seconds, bound };
}

/**
 * The column generation's schedule as the answer, with no search after it, when its bound proves it
 * within the gap asked (Curtois–Qu 4 and 11 in seconds); undefined otherwise.
 */
function provenByColumns(columns: ColumnsStart, engine: EngineName, model: ModelSize, wantedGap: number): OptimizeOutcome | undefined {
  if (columns.bound === undefined) return undefined;
  const { explanation } = columns;
  const gap = relativeGap(explanation.total, Math.min(columns.bound, explanation.total));
  if (gap > wantedGap) return undefined;
  return { status: "optimal", engine, seconds: columns.seconds, firstFeasibleSeconds: columns.seconds, model, schedule: columns.schedule, explanation, objective: explanation.total, bound: columns.bound, gap };
}

/**
 * The search's result with the column generation's part: its seconds before the search's, and its bound
 * when higher than the search's (optimal when the schedule is within the gap asked of it).
 */
function withColumns(result: EngineResult, columns: ColumnsStart, wantedGap: number): EngineResult {
  const seconds = result.seconds + columns.seconds;
  const firstFeasibleSeconds = columns.seconds;
  const bound = columns.bound === undefined ? result.bound : Math.max(columns.bound, result.bound ?? -Infinity);
  if (result.objective === undefined || bound === undefined) return { ...result, seconds, firstFeasibleSeconds, ...(bound !== undefined ? { bound } : {}) };
  const gap = relativeGap(result.objective, Math.min(bound, result.objective));
  return { ...result, seconds, firstFeasibleSeconds, bound, gap, ...(gap <= wantedGap && result.values ? { status: "optimal" as const } : {}) };
}
