/**
 * One fix-and-optimize search's shared state and its streams (`neighbourhoods.ts` runs the stages): the
 * clock and the signals that end its workers, the incumbent and the bound, the pass over the
 * neighbourhoods (`list.ts`) and how it widens, and the solve of one neighbourhood around the incumbent
 * (`restrict.ts`), in the main stream or a month's second stream of windows beside it.
 */
import { errorMessage } from "../../models/index.js";
import type { LinearModel } from "../model/linear-model.js";
import type { SolverSession } from "../engines/run.js";
import { DEFAULT_RELATIVE_GAP, DEFAULT_TIME_LIMIT_SECONDS, relativeGap, type EngineResult, type Progress } from "../engines/types.js";
import { daysAfter, neighbourhoods, SharedPass, type AssignmentColumns, type Neighbourhood } from "./list.js";
import type { NeighbourhoodOptions } from "./neighbourhoods.js";
import { asStart, expandSolution, fixedOutside, mergedFixing, restrictModel } from "./restrict.js";

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
export const FIRST_SCHEDULE_SECONDS = 5;

export interface Best {
  objective: number;
  values: Float64Array;
}

/** One search from its start to its answer; `solveByNeighbourhoods` makes one and runs its stages. */
export class Search {
  readonly limit: number;
  readonly wantedGap: number;
  readonly alongside: boolean;
  readonly started = performance.now();
  // Ends the search's workers: the caller's cancel, a proof that nothing is left to search (`done`), or
  // the search is over.
  readonly done = new AbortController();
  readonly over = new AbortController();
  readonly stop: AbortSignal;
  readonly engineOptions: Pick<NeighbourhoodOptions, "engineOptions">;

  best: Best | undefined;
  bound = -Infinity;
  // Solves that threw: the search goes on without them, and says so in its result's warnings.
  readonly errors: string[] = [];
  private failuresInARow = 0;
  firstFeasibleSeconds: number | undefined;

  // Neighbourhoods in turn, from one list (a month's second stream takes only its windows). A round
  // without a better schedule widens them (twice the days, fewer staff groups, twice the time) until one
  // would be the whole model; then, alongside, they start again narrow with other people drawn, or, with
  // the whole model solved first, it gets the rest of the limit.
  windowDays: number;
  private seconds: number;
  private round = 0;
  pass = new SharedPass([]);
  private failures = 0;
  // Windows of days in a row (either stream's) that each brought less than `windowGain` of the price.
  private windowsStalled = 0;
  wholeLast = false;
  /** The search started from the warm start's assignments or from nobody working, not HiGHS's schedule. */
  fromSeed = false;
  // Neighbourhoods that improved on the schedule they started from while the other stream improved on it
  // too: solved again from the new incumbent before the next in the list.
  private readonly again: Neighbourhood[] = [];

  constructor(readonly model: LinearModel, readonly assignments: AssignmentColumns, readonly options: NeighbourhoodOptions) {
    this.limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    this.wantedGap = options.relativeGap ?? DEFAULT_RELATIVE_GAP;
    this.alongside = options.whole === "alongside";
    this.stop = AbortSignal.any([this.done.signal, this.over.signal, ...(options.signal ? [options.signal] : [])]);
    this.engineOptions = options.engineOptions ? { engineOptions: options.engineOptions } : {};
    this.windowDays = options.windowDays ?? 7;
    this.seconds = options.neighbourhoodSeconds ?? 12;
    // Told to stop: the search is over now, or as soon as it has its first schedule (`offer`).
    options.stopSignal?.addEventListener("abort", () => this.best && this.over.abort(), { once: true });
  }

  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  remaining(): number {
    return this.limit - this.elapsed();
  }

  gapNow(): number | undefined {
    return this.best && Number.isFinite(this.bound) ? relativeGap(this.best.objective, Math.min(this.bound, this.best.objective)) : undefined;
  }

  private report(): void {
    if (!this.best) return;
    const b = Math.min(this.bound, this.best.objective);
    this.options.onProgress?.({ elapsedSeconds: this.elapsed(), incumbent: this.best.objective, ...(Number.isFinite(b) ? { bound: b, gap: relativeGap(this.best.objective, b) } : {}) });
  }

  raiseBound(b: number | undefined): void {
    if (b !== undefined && b > this.bound) {
      this.bound = b;
      this.report();
    }
  }

  /** A schedule of the whole model: kept when it is better than the incumbent. */
  offer(objective: number | undefined, values: Float64Array | undefined): boolean {
    if (objective === undefined || !values) return false;
    if (this.best && objective >= this.best.objective - 1e-6 * Math.max(1, Math.abs(this.best.objective))) return false;
    this.best = { objective, values };
    this.firstFeasibleSeconds ??= this.elapsed();
    this.report();
    if (this.options.stopSignal?.aborted) this.over.abort();
    return true;
  }

  /** Until the first schedule, HiGHS's own progress (elapsed time, its bound) is passed on. */
  passOn(p: Progress): void {
    if (!this.best) this.options.onProgress?.({ ...p, elapsedSeconds: this.elapsed() });
  }

  newPass(): SharedPass {
    return new SharedPass(neighbourhoods(this.assignments, this.windowDays, { round: this.round, groupsFirst: this.fromSeed, apart: this.alongside, groupPeople: this.options.groupPeople }));
  }

  /** A new pass over neighbourhoods of `days` and `limit` seconds each. */
  private startPass(days: number, limit: number): void {
    this.windowDays = days;
    this.seconds = limit;
    this.pass = this.newPass();
    this.failures = 0;
  }

  /** With `windowGain`: a whole sweep of windows stalled widens them (twice the days and the seconds). */
  private widenStalledWindows(): void {
    if (this.options.windowGain === undefined || this.windowDays * 2 >= this.assignments.dayCount) return;
    if (this.windowsStalled < this.pass.list.filter((n) => n.kind === "days").length) return;
    this.startPass(this.windowDays * 2, this.seconds * 2);
    this.windowsStalled = 0;
  }

  /** After a window of days: how much it brought (the incumbent's price before it, and whether it improved it). */
  private windowDone(before: number, better: boolean): void {
    this.windowsStalled = better && before - this.best!.objective > (this.options.windowGain ?? 0) * before ? 0 : this.windowsStalled + 1;
    this.widenStalledWindows();
  }

  private reached(): boolean {
    return (this.gapNow() ?? Infinity) <= this.wantedGap;
  }

  /** The next neighbourhood, or none when the whole model is to get the rest of the limit. */
  private next(): Neighbourhood | undefined {
    if (this.wholeLast) return undefined;
    if (this.again.length > 0) return this.again.shift();
    if (this.failures >= this.pass.list.length) {
      if (this.windowDays * 2 < this.assignments.dayCount) this.startPass(this.windowDays * 2, this.seconds * 2);
      else if (this.alongside) {
        this.round++;
        this.startPass(this.options.windowDays ?? 7, this.options.neighbourhoodSeconds ?? 12);
      } else {
        this.wholeLast = true;
        return undefined;
      }
    }
    return this.pass.next();
  }

  /**
   * Solves one neighbourhood from a schedule (the incumbent unless told), the rest fixed at its values;
   * true when that brought a better incumbent.
   */
  async improve(session: SolverSession, n: Neighbourhood, fixFar: boolean, from: Best = this.best!): Promise<boolean> {
    const gap = stopGap(n, this.options, this.wantedGap, this.gapNow());
    const solved = await this.solveRest(session, n.name, fixedOutside(this.model, this.assignments, from.values, n, fixFar), gap, from.values);
    // Better than where it started, but the other stream got further meanwhile: its assignments are put
    // into the new incumbent; if that does not make a better schedule, it is solved again from there.
    if (solved.improved || !solved.values || solved.objective! >= from.objective - 1e-6 * Math.max(1, Math.abs(from.objective))) return solved.improved;
    // No merge once the search's time is up (its solve would get a limit already past).
    if (!this.go()) return false;
    if (await this.merge(session, n, solved.values, fixFar)) return true;
    this.again.push(n);
    return false;
  }

  /**
   * The incumbent with a neighbourhood's assignments taken from `values`, every assignment then fixed and
   * the columns they reach solved for (slacks, hours, indicators: a fraction of a second, where solving the
   * neighbourhood again takes seconds, and was often overtaken again); true when that is a better schedule.
   * A rule the mix breaks (a run of days across the neighbourhood's edge) leaves the restricted model
   * infeasible, and nothing is offered.
   */
  private async merge(session: SolverSession, n: Neighbourhood, values: Float64Array, fixFar: boolean): Promise<boolean> {
    return (await this.solveRest(session, `${n.name} merged`, mergedFixing(this.model, this.assignments, this.best!.values, n, values, fixFar), this.wantedGap)).improved;
  }

  /**
   * Solves what `fixed` leaves free (from `start`'s values, if given), the fixed columns out of the matrix;
   * the schedule of the whole model it makes, offered as the incumbent and told to `onStep`.
   */
  private async solveRest(session: SolverSession, name: string, fixed: Float64Array, gap: number, start?: Float64Array): Promise<{ objective?: number; values?: Float64Array; improved: boolean }> {
    const part = restrictModel(this.model, fixed);
    const solving = performance.now();
    let result: EngineResult;
    try {
      result = await session.solve(part.model, {
        ...this.engineOptions,
        signal: this.stop,
        // The first schedule (no incumbent yet) gets its 5 s though a neighbourhood gets less: capped at a
        // month's 2 s, nobody working on a year by the quarter hour (3.8 s of HiGHS) stopped unfinished, and
        // with HiGHS's own first schedule not found either, the search answered nothing at 3 s and at 10 s.
        timeLimitSeconds: Math.min(this.best ? this.remaining() - 1 : Math.max(this.remaining(), FIRST_SCHEDULE_SECONDS), this.best ? this.seconds : Math.max(this.seconds, FIRST_SCHEDULE_SECONDS)),
        relativeGap: gap,
        ...(start ? { warmStart: asStart(Float64Array.from(part.columns, (j) => start[j]!)) } : {}),
      });
    } catch (error) {
      // The session has ended the worker; the next solve starts a fresh one.
      this.errors.push(errorMessage(error));
      this.failuresInARow++;
      this.options.onStep?.({ name, status: "error", seconds: (performance.now() - solving) / 1000, improved: false, error: errorMessage(error) });
      return { improved: false };
    }
    this.failuresInARow = 0;
    const values = result.values ? expandSolution(part, fixed, result.values) : undefined;
    const improved = this.offer(result.objective, values);
    this.options.onStep?.({ name, status: result.status, seconds: result.seconds, ...(result.objective !== undefined ? { objective: result.objective } : {}), improved });
    return { ...(result.objective !== undefined ? { objective: result.objective } : {}), ...(values ? { values } : {}), improved };
  }

  go(): boolean {
    return this.remaining() > 2 && !this.stop.aborted && !this.reached() && this.failuresInARow < FAILURES_IN_A_ROW;
  }

  /**
   * One stream: neighbourhoods one after another in a worker of its own. On a small model, whole rosters
   * changed by a staff group or a draw are followed by every window and pair of blocks of the pass again,
   * before the next group: the windows, most solved in under a second, fit the changed rosters
   * to everyone else's, where otherwise the next pass of windows came after a minute of groups (Curtois–Qu
   * 5–12 at 60 s, one run each: 1254, 2252, 1193, 1748, 547, 5102, 4092, 5558 against 1338, 2449, 1192,
   * 2555, 452, 5240, 4503, 5733 without). A month's second stream sweeps its windows all the time already.
   */
  async stream(session: SolverSession): Promise<void> {
    for (let n = this.go() ? this.next() : undefined; n; n = this.go() ? this.next() : undefined) {
      const before = this.best!.objective;
      const better = await this.improve(session, n, !this.alongside);
      this.failures = better ? 0 : this.failures + 1;
      if (n.kind === "days") this.windowDone(before, better);
      if (better && this.alongside) this.again.push(...daysAfter(n, this.pass.list, this.again));
    }
  }

  /**
   * A month's second stream: the windows of days only, from the far end of the list back towards the
   * main stream, each one neither stream took (`SharedPass`; when both took windows in turn from the start
   * of the list, they solved the same windows side by side: the demo at 60 s with staff groups of two,
   * 0.80M and 0.81M sharing the list against 0.88M). A window's model is small (a 2-day window of the demo:
   * 2,717 columns); a staff group's whole month reaches every interval its people could cover
   * (14,000–18,000 columns), and two workers holding such models took the demo's peak memory from about
   * 0.75 to 1.04 GiB.
   */
  async windowStream(session: SolverSession): Promise<void> {
    while (this.go() && !this.wholeLast) {
      const before = this.best!.objective;
      const better = await this.improve(session, this.pass.nextWindow(), true);
      this.failures = better ? 0 : this.failures + 1;
      this.windowDone(before, better);
    }
  }
}
