/**
 * Fix-and-optimize, the default search with HiGHS. Input: the model and which day, person and shift
 * template each assignment column is for; output: an engine result for the whole model.
 *   1. A first schedule and a bound, each in a worker of its own. A model whose LP HiGHS settles in
 *      seconds is solved whole alongside the neighbourhoods (`whole: "alongside"`) for the whole limit:
 *      its incumbents join the search, its bound bounds it and its proof of optimality ends it. A month
 *      is too big for that (HiGHS cannot finish its root LP within a minute; `whole: "first"`): its first
 *      schedule is the warm start's assignments or none, everything else solved for (HiGHS's first
 *      incumbent when that breaks a hard rule), and the LP relaxation, solved by interior point in the
 *      second worker, gives the bound.
 *   2. From the first schedule until the limit, neighbourhoods in turn: every assignment column outside a
 *      window of days (on small models also two blocks of days apart), a group of staff or a few people
 *      drawn at random (who share a shift template) is fixed at the incumbent's value, the fixed columns
 *      leave the matrix (`restrict.ts`), and HiGHS solves the rest from the incumbent, stopping at a gap
 *      the caller sets (a month's: 0.5 % of the whole price); a better schedule becomes the incumbent.
 *      One worker is kept for them all (a fresh one once HiGHS holds too much memory); on a month, once
 *      the LP is solved, a second worker sweeps the windows of days beside them from the far end of the
 *      same pass, and a neighbourhood overtaken by the other stream is merged into the new incumbent. A
 *      round without a better schedule widens the windows; once they would span the horizon they start
 *      narrow again with other people drawn (alongside), or the whole model gets the rest of the limit
 *      from the incumbent (first).
 * Every schedule returned is a solution of the whole model.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { LinearModel } from "../model/linear-model.js";
import { SolverSession, solveInWorker, type RunOptions } from "../engines/run.js";
import { daysAfter, neighbourhoods, SharedPass, type AssignmentColumns, type Neighbourhood } from "./list.js";
import { asStart, expandSolution, fixedOutside, mergedFixing, relaxed, restrictModel, seedValues } from "./restrict.js";
import { DEFAULT_RELATIVE_GAP, DEFAULT_TIME_LIMIT_SECONDS, relativeGap, type EngineResult, type Progress } from "../engines/types.js";

export interface NeighbourhoodOptions extends Omit<RunOptions, "engine"> {
  /**
   * How HiGHS's solve of the whole model takes part (default `first`).
   * - `alongside`, for a model whose LP HiGHS settles in seconds: the whole model is solved in a second
   *   worker for the whole limit, from the start. Its incumbents join the search as they come, its bound
   *   bounds the search, and its proof of optimality ends it.
   * - `first`, for a month, whose root LP takes HiGHS most of a minute: the first schedule is the warm
   *   start's assignments or none (HiGHS's first incumbent if that breaks a hard rule); the LP relaxation,
   *   solved in a second worker, bounds the search, and when the windows would span the horizon the whole
   *   model gets the rest of the limit from the incumbent.
   */
  whole?: "alongside" | "first";
  /** Days free in a time window (default 7). */
  windowDays?: number;
  /** Seconds each neighbourhood may take at most (default 12). */
  neighbourhoodSeconds?: number;
  /**
   * Relative gap at which a neighbourhood's solve stops, at most (default: the search's own). Its objective
   * is the whole model's, so 0.005 stops it once no more than 0.5 % of the whole price is left to find in
   * it; once the search has a bound, it stops at a twentieth of the search's gap if that is less.
   */
  neighbourhoodGap?: number;
  /**
   * The same for a window of days, where it is to stop at another share than staff groups and draws
   * (default: `neighbourhoodGap`). A month's 1-day windows solve in a fraction of a second and leave the
   * last of their gain behind at 0.5 %; a staff group's whole month takes seconds more to close a tighter gap.
   */
  windowGap?: number;
  /** People at most in a staff group (default 5); draws take at least 2. */
  groupPeople?: number;
  /**
   * A share of the incumbent's price: once as many windows of days in a row as a pass holds each brought
   * less (by either stream), the windows widen (twice the days and the seconds), as after a pass that
   * brought nothing. Default: only after a pass that brought nothing.
   */
  windowGain?: number;
  /** Told after each neighbourhood: its name, what HiGHS said, and whether it improved the incumbent. */
  onStep?: (step: { name: string; status: string; seconds: number; objective?: number; improved: boolean; error?: string }) => void;
  /** A worker's session for the search's neighbourhoods (default: HiGHS, recycled above 256 MiB). */
  newSession?: () => SolverSession;
  /** Ends the search as its time limit would: once it has a schedule (`signal` cancels at once). */
  stopSignal?: AbortSignal;
}

/**
 * The relative gap at which a neighbourhood's solve stops: its kind's share of the whole price
 * (`windowGap` for a window of days, `neighbourhoodGap` for the rest; none without one), or a twentieth of
 * the search's gap once that is less, and never below the gap the search itself is after.
 */
export function stopGap(n: Neighbourhood, options: Pick<NeighbourhoodOptions, "neighbourhoodGap" | "windowGap">, wantedGap: number, searchGap: number | undefined): number {
  const share = (n.kind === "days" ? options.windowGap : undefined) ?? options.neighbourhoodGap ?? 0;
  return Math.max(wantedGap, Math.min(share, (searchGap ?? Infinity) / 20));
}

/**
 * A search's workers start afresh once HiGHS holds more than this (its memory only grows: 105 to 376 MiB
 * over seven staff groups of 120 staff × 28 days). Kept for the whole search, 120 staff peaked at 959–1060
 * MiB in three runs of 300 s; recycled at 256 MiB, 892 and 955 MiB in two (at 192 MiB, with a restart after
 * nearly every group, 1062 MiB at 120 s).
 */
const RECYCLE_ABOVE_BYTES = 256 * 2 ** 20;
const searchSession = (): SolverSession => new SolverSession("highs", { recycleAboveBytes: RECYCLE_ABOVE_BYTES });

/**
 * Neighbourhood solves failing one after another (HiGHS threw, or its worker died) after which the search
 * stops and returns its incumbent: one failure is that neighbourhood's (its worker is replaced), three in a
 * row are the engine's.
 */
const FAILURES_IN_A_ROW = 3;

/**
 * Seconds a month's first schedule (the warm start's or nobody's assignments, the rest solved for: about
 * 0.5 s on the demo) may take though the limit, or a neighbourhood's time, is shorter: a limit returns the
 * schedule in hand, and with none the search answered nothing at 1 or 2 s (the demo at `--time-limit 1`:
 * timed out at 1.9 s).
 */
const FIRST_SCHEDULE_SECONDS = 5;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * HiGHS options for a month's LP relaxation: interior point, no crossover (a bound needs no basis), and no
 * presolve — the same bound, as fast or faster (demo 16.1 s against 17.8, 120 staff 55 s against 58), with
 * less memory held beside the main stream (120 staff: 241 MiB against 289).
 */
const LP_OPTIONS = { solver: "ipm", run_crossover: "off", presolve: "off" } as const;

/** HiGHS options for the whole model solved alongside the neighbourhoods: its job there is finding schedules. */
const ALONGSIDE_OPTIONS = { mip_heuristic_effort: 0.3 } as const;

interface Best {
  objective: number;
  values: Float64Array;
}

export async function solveByNeighbourhoods(model: LinearModel, assignments: AssignmentColumns, options: NeighbourhoodOptions = {}): Promise<EngineResult> {
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const wantedGap = options.relativeGap ?? DEFAULT_RELATIVE_GAP;
  const alongside = options.whole === "alongside";
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const remaining = (): number => limit - elapsed();
  // Ends the search's workers: the caller's cancel, a proof that nothing is left to search (`done`), or
  // the search is over.
  const done = new AbortController();
  const over = new AbortController();
  const stop = AbortSignal.any([done.signal, over.signal, ...(options.signal ? [options.signal] : [])]);
  const engineOptions = options.engineOptions ? { engineOptions: options.engineOptions } : {};

  let best: Best | undefined;
  let bound = -Infinity;
  // Solves that threw: the search goes on without them, and says so in its result's warnings.
  const errors: string[] = [];
  let failuresInARow = 0;
  let firstFeasibleSeconds: number | undefined;
  const gapNow = (): number | undefined => (best && Number.isFinite(bound) ? relativeGap(best.objective, Math.min(bound, best.objective)) : undefined);
  const report = (): void => {
    if (!best) return;
    const b = Math.min(bound, best.objective);
    options.onProgress?.({ elapsedSeconds: elapsed(), incumbent: best.objective, ...(Number.isFinite(b) ? { bound: b, gap: relativeGap(best.objective, b) } : {}) });
  };
  const raiseBound = (b: number | undefined): void => {
    if (b !== undefined && b > bound) {
      bound = b;
      report();
    }
  };
  /** A schedule of the whole model: kept when it is better than the incumbent. */
  const offer = (objective: number | undefined, values: Float64Array | undefined): boolean => {
    if (objective === undefined || !values) return false;
    if (best && objective >= best.objective - 1e-6 * Math.max(1, Math.abs(best.objective))) return false;
    best = { objective, values };
    firstFeasibleSeconds ??= elapsed();
    report();
    if (options.stopSignal?.aborted) over.abort();
    return true;
  };
  // Told to stop: the search is over now, or as soon as it has its first schedule (`offer`).
  options.stopSignal?.addEventListener("abort", () => best && over.abort(), { once: true });
  // Until the first schedule, HiGHS's own progress (elapsed time, its bound) is passed on.
  const passOn = (p: Progress): void => {
    if (!best) options.onProgress?.({ ...p, elapsedSeconds: elapsed() });
  };

  // Neighbourhoods in turn, from one list (a month's second stream takes only its windows). A round
  // without a better schedule widens them (twice the days, fewer staff groups, twice the time) until one
  // would be the whole model; then, alongside, they start again narrow with other people drawn, or, with
  // the whole model solved first, it gets the rest of the limit.
  let windowDays = options.windowDays ?? 7;
  let seconds = options.neighbourhoodSeconds ?? 12;
  let round = 0;
  const newPass = (): SharedPass => new SharedPass(neighbourhoods(assignments, windowDays, { round, groupsFirst: fromSeed, apart: alongside, groupPeople: options.groupPeople }));
  let pass = new SharedPass([]);
  let failures = 0;
  /** A new pass over neighbourhoods of `days` and `limit` seconds each. */
  const startPass = (days: number, limit: number): void => {
    windowDays = days;
    seconds = limit;
    pass = newPass();
    failures = 0;
  };
  // Windows of days in a row (either stream's) that each brought less than `windowGain` of the price.
  let windowsStalled = 0;
  /** With `windowGain`: a whole sweep of windows stalled widens them (twice the days and the seconds). */
  const widenStalledWindows = (): void => {
    if (options.windowGain === undefined || windowDays * 2 >= assignments.dayCount) return;
    if (windowsStalled < pass.list.filter((n) => n.kind === "days").length) return;
    startPass(windowDays * 2, seconds * 2);
    windowsStalled = 0;
  };
  /** After a window of days: how much it brought (the incumbent's price before it, and whether it improved it). */
  const windowDone = (before: number, better: boolean): void => {
    windowsStalled = better && before - best!.objective > (options.windowGain ?? 0) * before ? 0 : windowsStalled + 1;
    widenStalledWindows();
  };
  let wholeLast = false;
  /** The search started from the warm start's assignments or from nobody working, not HiGHS's schedule. */
  let fromSeed = false;
  // Neighbourhoods that improved on the schedule they started from while the other stream improved on it
  // too: solved again from the new incumbent before the next in the list.
  const again: Neighbourhood[] = [];
  const reached = (): boolean => (gapNow() ?? Infinity) <= wantedGap;
  /** The next neighbourhood, or none when the whole model is to get the rest of the limit. */
  const next = (): Neighbourhood | undefined => {
    if (wholeLast) return undefined;
    if (again.length > 0) return again.shift();
    if (failures >= pass.list.length) {
      if (windowDays * 2 < assignments.dayCount) startPass(windowDays * 2, seconds * 2);
      else if (alongside) {
        round++;
        startPass(options.windowDays ?? 7, options.neighbourhoodSeconds ?? 12);
      } else {
        wholeLast = true;
        return undefined;
      }
    }
    return pass.next();
  };
  /**
   * Solves one neighbourhood from a schedule (the incumbent unless told), the rest fixed at its values;
   * true when that brought a better incumbent.
   */
  const improve = async (session: SolverSession, n: Neighbourhood, fixFar: boolean, from: Best = best!): Promise<boolean> => {
    const gap = stopGap(n, options, wantedGap, gapNow());
    const solved = await solveRest(session, n.name, fixedOutside(model, assignments, from.values, n, fixFar), gap, from.values);
    // Better than where it started, but the other stream got further meanwhile: its assignments are put
    // into the new incumbent; if that does not make a better schedule, it is solved again from there.
    if (solved.improved || !solved.values || solved.objective! >= from.objective - 1e-6 * Math.max(1, Math.abs(from.objective))) return solved.improved;
    // No merge once the search's time is up (its solve would get a limit already past).
    if (!go()) return false;
    if (await merge(session, n, solved.values, fixFar)) return true;
    again.push(n);
    return false;
  };
  /**
   * The incumbent with a neighbourhood's assignments taken from `values`, every assignment then fixed and
   * the columns they reach solved for (slacks, hours, indicators: a fraction of a second, where solving the
   * neighbourhood again takes seconds, and was often overtaken again); true when that is a better schedule.
   * A rule the mix breaks (a run of days across the neighbourhood's edge) leaves the restricted model
   * infeasible, and nothing is offered.
   */
  const merge = async (session: SolverSession, n: Neighbourhood, values: Float64Array, fixFar: boolean): Promise<boolean> =>
    (await solveRest(session, `${n.name} merged`, mergedFixing(model, assignments, best!.values, n, values, fixFar), wantedGap)).improved;
  /**
   * Solves what `fixed` leaves free (from `start`'s values, if given), the fixed columns out of the matrix;
   * the schedule of the whole model it makes, offered as the incumbent and told to `onStep`.
   */
  const solveRest = async (session: SolverSession, name: string, fixed: Float64Array, gap: number, start?: Float64Array): Promise<{ objective?: number; values?: Float64Array; improved: boolean }> => {
    const part = restrictModel(model, fixed);
    const solving = performance.now();
    let result: EngineResult;
    try {
      result = await session.solve(part.model, {
        ...engineOptions,
        signal: stop,
        // The first schedule (no incumbent yet) gets its 5 s though a neighbourhood gets less: capped at a
        // month's 2 s, nobody working on a year by the quarter hour (3.8 s of HiGHS) stopped unfinished, and
        // with HiGHS's own first schedule not found either, the search answered nothing at 3 s and at 10 s.
        timeLimitSeconds: Math.min(best ? remaining() - 1 : Math.max(remaining(), FIRST_SCHEDULE_SECONDS), best ? seconds : Math.max(seconds, FIRST_SCHEDULE_SECONDS)),
        relativeGap: gap,
        ...(start ? { warmStart: asStart(Float64Array.from(part.columns, (j) => start[j]!)) } : {}),
      });
    } catch (error) {
      // The session has ended the worker; the next solve starts a fresh one.
      errors.push(message(error));
      failuresInARow++;
      options.onStep?.({ name, status: "error", seconds: (performance.now() - solving) / 1000, improved: false, error: message(error) });
      return { improved: false };
    }
    failuresInARow = 0;
    const values = result.values ? expandSolution(part, fixed, result.values) : undefined;
    const improved = offer(result.objective, values);
    options.onStep?.({ name, status: result.status, seconds: result.seconds, ...(result.objective !== undefined ? { objective: result.objective } : {}), improved });
    return { ...(result.objective !== undefined ? { objective: result.objective } : {}), ...(values ? { values } : {}), improved };
  };
  const go = (): boolean => remaining() > 2 && !stop.aborted && !reached() && failuresInARow < FAILURES_IN_A_ROW;
  /**
   * One stream: neighbourhoods one after another in a worker of its own. On a small model, whole rosters
   * changed by a staff group or a draw are followed by every window and pair of blocks of the pass again,
   * before the next group: the windows, most solved in under a second, fit the changed rosters
   * to everyone else's, where otherwise the next pass of windows came after a minute of groups (Curtois–Qu
   * 5–12 at 60 s, one run each: 1254, 2252, 1193, 1748, 547, 5102, 4092, 5558 against 1338, 2449, 1192,
   * 2555, 452, 5240, 4503, 5733 without). A month's second stream sweeps its windows all the time already.
   */
  const stream = async (session: SolverSession): Promise<void> => {
    for (let n = go() ? next() : undefined; n; n = go() ? next() : undefined) {
      const before = best!.objective;
      const better = await improve(session, n, !alongside);
      failures = better ? 0 : failures + 1;
      if (n.kind === "days") windowDone(before, better);
      if (better && alongside) again.push(...daysAfter(n, pass.list, again));
    }
  };

  /**
   * A month's second stream: the windows of days only, from the far end of the list back towards the
   * main stream, each one neither stream took (`SharedPass`; when both took windows in turn from the start
   * of the list, they solved the same windows side by side: the demo at 60 s with staff groups of two,
   * 0.80M and 0.81M sharing the list against 0.88M). A window's model is small (a 2-day window of the demo:
   * 2,717 columns); a staff group's whole month reaches every interval its people could cover
   * (14,000–18,000 columns), and two workers holding such models took the demo's peak memory from about
   * 0.75 to 1.04 GiB.
   */
  const windowStream = async (session: SolverSession): Promise<void> => {
    while (go() && !wholeLast) {
      const before = best!.objective;
      const better = await improve(session, pass.nextWindow(), true);
      failures = better ? 0 : failures + 1;
      windowDone(before, better);
    }
  };

  const newSession = options.newSession ?? searchSession;
  const sessions = [newSession()];
  let whole: Promise<EngineResult | undefined> = Promise.resolve(undefined);
  let lp: Promise<void> = Promise.resolve();
  let second: Promise<void> = Promise.resolve();
  let lpAnswered = true;
  try {
    // A month's first schedule: the warm start's assignments, or none at all, every other column (slacks,
    // hours, indicators) solved for — in under a second, against HiGHS's first schedule of the demo in
    // 7–12 s. It fails when a hard rule asks for work (a minimum of hours, say); HiGHS's first schedule is
    // taken then.
    if (!alongside) {
      const start = seedValues(model, options.warmStart);
      fromSeed = await improve(sessions[0]!, { name: "first schedule", free: () => false }, false, { objective: Infinity, values: start });
    }
    if (!fromSeed) {
      let wholeError: unknown;
      // The whole model: alongside for the whole limit, or until its first schedule.
      let announceFirst = (): void => {};
      const firstIn = new Promise<void>((resolve) => (announceFirst = resolve));
      const firstFound = new AbortController();
      whole = solveInWorker(model, {
        ...(alongside ? { engineOptions: { ...ALONGSIDE_OPTIONS, ...options.engineOptions } } : engineOptions),
        signal: AbortSignal.any([stop, firstFound.signal]),
        // What is left of the limit or of the first schedule's allowance (after a month's first schedule
        // failed, not a whole limit again: a 366-day horizon at a 3 s limit answered at 8.4 s), and ended
        // then: HiGHS heeds its limit only between steps (the demo with a contract minimum at a 3 s limit
        // answered at 10.3 s; a year by the hour, solved alongside, at 4.9 s). Once it has found a
        // schedule, the search's own end ends it.
        timeLimitSeconds: Math.max(remaining(), FIRST_SCHEDULE_SECONDS - elapsed()),
        graceSeconds: 0,
        relativeGap: wantedGap,
        ...(options.warmStart ? { warmStart: options.warmStart } : {}),
        // Ended at once when the search is over: its incumbents and bound have come as they were found,
        // and HiGHS heeds a stop only between LP solves (instance 12 at a 3 s limit answered at 3.8 s).
        endOnAbort: true,
        onProgress: (p) => {
          passOn(p);
          if (alongside) raiseBound(p.bound);
        },
        onIncumbent: (incumbent) => {
          offer(incumbent.objective, incumbent.values);
          announceFirst();
          if (!alongside) firstFound.abort();
        },
      }).then((result) => {
        raiseBound(result.bound);
        offer(result.objective, result.values);
        // Proven optimal (or infeasible): nothing is left to search.
        if (result.status === "optimal" || result.status === "infeasible") done.abort();
        announceFirst();
        return result;
      }, (error: unknown) => {
        // The search goes on without the whole model (no bound from it, no proof); with no schedule at
        // all, this is what the search answers.
        errors.push(`the whole model: ${message(error)}`);
        wholeError = error;
        announceFirst();
        return undefined;
      });
      await firstIn;
      if (!best && wholeError !== undefined) throw wholeError;
      if (!best) {
        // Ended at the first schedule's allowance (not cancelled), the worker says it overran a limit the
        // caller never set.
        const answer = (await whole)!;
        return { ...answer, seconds: elapsed(), ...(answer.status === "timedout" && !stop.aborted ? { detail: `HiGHS found no schedule in ${elapsed().toFixed(1)} s` } : {}) };
      }
      // HiGHS's first schedule of a month may leave slacks above the least its assignments need; columns
      // no neighbourhood reaches would keep them for good. Every assignment fixed, the rest free, settles them.
      if (!alongside && go()) await improve(sessions[0]!, { name: "slacks settled", free: () => false }, false);
    }
    pass = newPass();
    // A month's bound: the LP relaxation, in a second worker once the first schedule is in; then a worker
    // on that core sweeps the windows of days. (Alongside, the whole model keeps the second core.)
    if (!alongside && !done.signal.aborted) {
      lpAnswered = false;
      // Ended at once when the search ends: HiGHS heeds a stop only between its interior-point steps.
      lp = solveInWorker(relaxed(model), { signal: stop, endOnAbort: true, timeLimitSeconds: Math.max(1, remaining()), engineOptions: LP_OPTIONS }).then(
        (r) => {
          lpAnswered = true;
          if (r.status === "optimal") raiseBound(r.objective);
        },
        (error: unknown) => void errors.push(`the LP relaxation: ${message(error)}`),
      );
      // A fresh worker: the LP's ended with the memory HiGHS took for it (about 0.2 GiB on 120 staff).
      second = lp.then(() => {
        if (!go()) return;
        const session = newSession();
        sessions.push(session);
        return windowStream(session);
      });
    }
    const main = stream(sessions[0]!);
    const streams = Promise.all([main, second]);
    await Promise.race([main, streams]);
    // A short limit: the main stream stopped (2 s short of it) while the LP relaxation still runs, and the
    // second stream waits for it. It has until the limit to bring its bound, then is ended: waiting for it
    // to stop of itself took the demo at a 10 s limit to 12 s.
    if (!lpAnswered) {
      const limitReached = sleep(Math.max(0, remaining()) * 1000, true, { signal: stop }).catch(() => true);
      if (await Promise.race([lp.then(() => false), limitReached])) over.abort();
    }
    await streams;
    // The neighbourhoods stop 2 s short of the limit; the whole model alongside keeps its worker until then.
    if (alongside) await Promise.race([whole, sleep(remaining() * 1000, undefined, { signal: stop }).catch(() => undefined)]);
    if (wholeLast && remaining() > 2 && !stop.aborted) {
      // Windows as wide as the horizon are the whole model: solve it from the incumbent for the rest of
      // the limit, where its bound can rise and prove the incumbent (or a better schedule) optimal.
      // Ended at the limit if HiGHS runs on (a month's whole model at a 4 s limit answered at 7–10 s), and
      // at once on a cancel (HiGHS heeds a stop only after its root LP, most of a minute on a month); the
      // schedules it found by then are offered as they come.
      const last = await sessions[0]!.solve(model, {
        ...engineOptions,
        signal: stop,
        endOnAbort: true,
        timeLimitSeconds: remaining() - 1,
        graceSeconds: 1,
        relativeGap: wantedGap,
        warmStart: asStart(best!.values),
        onIncumbent: (incumbent) => offer(incumbent.objective, incumbent.values),
      }).catch((error: unknown) => {
        errors.push(`the whole model: ${message(error)}`);
        options.onStep?.({ name: "whole model", status: "error", seconds: 0, improved: false, error: message(error) });
        return undefined;
      });
      if (last) {
        const improved = offer(last.objective, last.values);
        options.onStep?.({ name: "whole model", status: last.status, seconds: last.seconds, ...(last.objective !== undefined ? { objective: last.objective } : {}), improved });
        raiseBound(last.bound);
        if (last.status === "optimal") done.abort();
      }
    }
  } finally {
    // Every solve stops and answers before its worker is ended (ending one mid-solve rejects it).
    over.abort();
    await Promise.allSettled([whole, lp, second]);
    for (const session of sessions) session.close();
  }
  const proven = done.signal.aborted;
  // Without a bound yet (a month whose LP relaxation did not finish) the search says so: no bound, no gap.
  const gap = gapNow();
  const found = best!;
  return {
    status: proven || (gap ?? Infinity) <= wantedGap ? "optimal" : "feasible",
    objective: found.objective,
    ...(Number.isFinite(bound) ? { bound: Math.min(bound, found.objective) } : {}),
    ...(gap !== undefined ? { gap } : {}),
    seconds: elapsed(),
    values: found.values,
    ...(firstFeasibleSeconds !== undefined ? { firstFeasibleSeconds } : {}),
    detail: `fix-and-optimize: ${alongside ? "HiGHS on the whole model alongside " : "a first schedule, then "}neighbourhoods of days (up to ${windowDays}), staff groups and people`,
    ...(errors.length > 0 ? { warnings: [`${errors.length} of the search's solves failed and ${errors.length === 1 ? "was" : "were"} left out, the first: ${errors[0]}`] } : {}),
  };
}
