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
 * This file runs those stages in order; the neighbourhoods are listed in `list.ts`, a search's state and
 * its streams are in `search.ts`, and a neighbourhood's model is fixed and restricted in `restrict.ts`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { errorMessage } from "../../models/index.js";
import type { LinearModel } from "../model/linear-model.js";
import { SolverSession, solveInWorker, type RunOptions } from "../engines/run.js";
import type { EngineResult } from "../engines/types.js";
import type { AssignmentColumns } from "./list.js";
import { asStart, relaxed, seedValues } from "./restrict.js";
import { FIRST_SCHEDULE_SECONDS, Search } from "./search.js";

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
 * A search's workers start afresh once HiGHS holds more than this (its memory only grows: 105 to 376 MiB
 * over seven staff groups of 120 staff × 28 days). Kept for the whole search, 120 staff peaked at 959–1060
 * MiB in three runs of 300 s; recycled at 256 MiB, 892 and 955 MiB in two (at 192 MiB, with a restart after
 * nearly every group, 1062 MiB at 120 s).
 */
const RECYCLE_ABOVE_BYTES = 256 * 2 ** 20;
const searchSession = (): SolverSession => new SolverSession("highs", { recycleAboveBytes: RECYCLE_ABOVE_BYTES });

/**
 * HiGHS options for a month's LP relaxation: interior point, no crossover (a bound needs no basis), and no
 * presolve — the same bound, as fast or faster (demo 16.1 s against 17.8, 120 staff 55 s against 58), with
 * less memory held beside the main stream (120 staff: 241 MiB against 289).
 */
const LP_OPTIONS = { solver: "ipm", run_crossover: "off", presolve: "off" } as const;

/** HiGHS options for the whole model solved alongside the neighbourhoods: its job there is finding schedules. */
const ALONGSIDE_OPTIONS = { mip_heuristic_effort: 0.3 } as const;

export async function solveByNeighbourhoods(model: LinearModel, assignments: AssignmentColumns, options: NeighbourhoodOptions = {}): Promise<EngineResult> {
  const search = new Search(model, assignments, options);
  // Set once for the whole search.
  const { alongside, wantedGap, engineOptions, stop, done, over, errors } = search;

  const newSession = options.newSession ?? searchSession;
  const sessions = [newSession()];
  let whole: Promise<EngineResult | undefined> = Promise.resolve(undefined);
  let lp: Promise<void> = Promise.resolve();
  let second: Promise<void> = Promise.resolve();
  let lpAnswered = true;
  try {
    // A month's first schedule: the warm start's assignments, or none at all, every other column (slacks,
    // hours, indicators) solved for — in under a second, against HiGHS's first schedule of the demo in
    // 7–12 s. A warm start that breaks a hard rule (a month published over its violations) is followed by
    // nobody working; that fails when a hard rule asks for work (a minimum of hours, say), and HiGHS's first
    // schedule is taken then.
    if (!alongside) {
      for (const warmStart of options.warmStart ? [options.warmStart, undefined] : [undefined]) {
        const start = seedValues(model, warmStart);
        search.fromSeed = await search.improve(sessions[0]!, { name: "first schedule", free: () => false }, false, { objective: Infinity, values: start });
        if (search.fromSeed) break;
      }
    }
    if (!search.fromSeed) {
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
        timeLimitSeconds: Math.max(search.remaining(), FIRST_SCHEDULE_SECONDS - search.elapsed()),
        graceSeconds: 0,
        relativeGap: wantedGap,
        ...(options.warmStart ? { warmStart: options.warmStart } : {}),
        // Ended at once when the search is over: its incumbents and bound have come as they were found,
        // and HiGHS heeds a stop only between LP solves (instance 12 at a 3 s limit answered at 3.8 s).
        endOnAbort: true,
        onProgress: (p) => {
          search.passOn(p);
          if (alongside) search.raiseBound(p.bound);
        },
        onIncumbent: (incumbent) => {
          search.offer(incumbent.objective, incumbent.values);
          announceFirst();
          if (!alongside) firstFound.abort();
        },
      }).then((result) => {
        search.raiseBound(result.bound);
        search.offer(result.objective, result.values);
        // Proven optimal (or infeasible): nothing is left to search.
        if (result.status === "optimal" || result.status === "infeasible") done.abort();
        announceFirst();
        return result;
      }, (error: unknown) => {
        // The search goes on without the whole model (no bound from it, no proof); with no schedule at
        // all, this is what the search answers.
        errors.push(`the whole model: ${errorMessage(error)}`);
        wholeError = error;
        announceFirst();
        return undefined;
      });
      await firstIn;
      if (!search.best && wholeError !== undefined) throw wholeError;
      if (!search.best) {
        // Ended at the first schedule's allowance (not cancelled), the worker says it overran a limit the
        // caller never set.
        const answer = (await whole)!;
        return { ...answer, seconds: search.elapsed(), ...(answer.status === "timedout" && !stop.aborted ? { detail: `HiGHS found no schedule in ${search.elapsed().toFixed(1)} s` } : {}) };
      }
      // HiGHS's first schedule of a month may leave slacks above the least its assignments need; columns
      // no neighbourhood reaches would keep them for good. Every assignment fixed, the rest free, settles them.
      if (!alongside && search.go()) await search.improve(sessions[0]!, { name: "slacks settled", free: () => false }, false);
    }
    search.pass = search.newPass();
    // A month's bound: the LP relaxation, in a second worker once the first schedule is in; then a worker
    // on that core sweeps the windows of days. (Alongside, the whole model keeps the second core.)
    if (!alongside && !done.signal.aborted) {
      lpAnswered = false;
      // Ended at once when the search ends: HiGHS heeds a stop only between its interior-point steps.
      lp = solveInWorker(relaxed(model), { signal: stop, endOnAbort: true, timeLimitSeconds: Math.max(1, search.remaining()), engineOptions: LP_OPTIONS }).then(
        (r) => {
          lpAnswered = true;
          if (r.status === "optimal") search.raiseBound(r.objective);
        },
        (error: unknown) => void errors.push(`the LP relaxation: ${errorMessage(error)}`),
      );
      // A fresh worker: the LP's ended with the memory HiGHS took for it (about 0.2 GiB on 120 staff).
      second = lp.then(() => {
        if (!search.go()) return;
        const session = newSession();
        sessions.push(session);
        return search.windowStream(session);
      });
    }
    const main = search.stream(sessions[0]!);
    const streams = Promise.all([main, second]);
    await Promise.race([main, streams]);
    // A short limit: the main stream stopped (2 s short of it) while the LP relaxation still runs, and the
    // second stream waits for it. It has until the limit to bring its bound, then is ended: waiting for it
    // to stop of itself took the demo at a 10 s limit to 12 s.
    if (!lpAnswered) {
      const limitReached = sleep(Math.max(0, search.remaining()) * 1000, true, { signal: stop }).catch(() => true);
      if (await Promise.race([lp.then(() => false), limitReached])) over.abort();
    }
    await streams;
    // The neighbourhoods stop 2 s short of the limit; the whole model alongside keeps its worker until then.
    if (alongside) await Promise.race([whole, sleep(search.remaining() * 1000, undefined, { signal: stop }).catch(() => undefined)]);
    if (search.wholeLast && search.remaining() > 2 && !stop.aborted) {
      // Windows as wide as the horizon are the whole model: solve it from the incumbent for the rest of
      // the limit, where its bound can rise and prove the incumbent (or a better schedule) optimal.
      // Ended at the limit if HiGHS runs on (a month's whole model at a 4 s limit answered at 7–10 s), and
      // at once on a cancel (HiGHS heeds a stop only after its root LP, most of a minute on a month); the
      // schedules it found by then are offered as they come.
      const last = await sessions[0]!.solve(model, {
        ...engineOptions,
        signal: stop,
        endOnAbort: true,
        timeLimitSeconds: search.remaining() - 1,
        graceSeconds: 1,
        relativeGap: wantedGap,
        warmStart: asStart(search.best!.values),
        onIncumbent: (incumbent) => search.offer(incumbent.objective, incumbent.values),
      }).catch((error: unknown) => {
        errors.push(`the whole model: ${errorMessage(error)}`);
        options.onStep?.({ name: "whole model", status: "error", seconds: 0, improved: false, error: errorMessage(error) });
        return undefined;
      });
      if (last) {
        const improved = search.offer(last.objective, last.values);
        options.onStep?.({ name: "whole model", status: last.status, seconds: last.seconds, ...(last.objective !== undefined ? { objective: last.objective } : {}), improved });
        search.raiseBound(last.bound);
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
  const gap = search.gapNow();
  const found = search.best!;
  return {
    status: proven || (gap ?? Infinity) <= wantedGap ? "optimal" : "feasible",
    objective: found.objective,
    ...(Number.isFinite(search.bound) ? { bound: Math.min(search.bound, found.objective) } : {}),
    ...(gap !== undefined ? { gap } : {}),
    seconds: search.elapsed(),
    values: found.values,
    ...(search.firstFeasibleSeconds !== undefined ? { firstFeasibleSeconds: search.firstFeasibleSeconds } : {}),
    detail: `fix-and-optimize: ${alongside ? "HiGHS on the whole model alongside " : "a first schedule, then "}neighbourhoods of days (up to ${search.windowDays}), staff groups and people`,
    ...(errors.length > 0 ? { warnings: [`${errors.length} of the search's solves failed and ${errors.length === 1 ? "was" : "were"} left out, the first: ${errors[0]}`] } : {}),
  };
}
