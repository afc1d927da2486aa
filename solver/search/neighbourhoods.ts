/**
 * Fix-and-optimize, the default search with HiGHS. Input: the model and which day and person each
 * assignment column is for; output: an engine result for the whole model.
 *   1. A first schedule. Smaller models (`firstSeconds` given) are solved whole for that long, with
 *      HiGHS's own bound; most are proven optimal there. A month is too big for that (HiGHS cannot finish
 *      its root LP within a minute): its first incumbent is taken from HiGHS's callback and the worker
 *      ended, and a second worker solves the LP relaxation (interior point) for a valid bound.
 *   2. Until the limit, neighbourhoods in turn: every assignment column outside a window of days, a
 *      group of staff or a few people drawn at random is fixed at the incumbent's value, the fixed columns
 *      leave the matrix (`restrict.ts`), and HiGHS solves the rest from the incumbent; a better schedule
 *      becomes the incumbent. A round without one widens the windows; once they would span the horizon,
 *      the whole model gets the rest of the limit from the incumbent.
 * Every schedule returned is a solution of the whole model.
 */
import type { BuildContext } from "../model/build-context.js";
import type { LinearModel } from "../model/linear-model.js";
import { solveInWorker, type RunOptions } from "../engines/run.js";
import { expandSolution, restrictModel } from "./restrict.js";
import { DEFAULT_RELATIVE_GAP, DEFAULT_TIME_LIMIT_SECONDS, relativeGap, type EngineResult, type Incumbent } from "../engines/types.js";

/** Assignment columns: the day and person each one is for. */
export interface AssignmentColumns {
  columns: Int32Array;
  day: Int32Array;
  person: Int32Array;
  dayCount: number;
  personCount: number;
}

/** Which day and person each assignment column of a built model is for. */
export function assignmentColumnsOf(ctx: BuildContext): AssignmentColumns {
  const columns: number[] = [];
  const day: number[] = [];
  const person: number[] = [];
  ctx.staff.forEach((p, index) => {
    p.byDay.forEach((shifts, d) => {
      for (const { column } of shifts) {
        columns.push(column);
        day.push(d);
        person.push(index);
      }
    });
  });
  return { columns: Int32Array.from(columns), day: Int32Array.from(day), person: Int32Array.from(person), dayCount: ctx.dayCount, personCount: ctx.staff.length };
}

export interface NeighbourhoodOptions extends Omit<RunOptions, "engine"> {
  /**
   * Seconds for the first whole-model solve. Given, it runs that long with its own bound (a model whose
   * LP HiGHS settles quickly, where the trouble is finding good schedules); absent, it stops at its first
   * schedule and the LP relaxation, solved in a second worker, bounds the search (a model too big for that).
   */
  firstSeconds?: number;
  /** Days free in a time window (default 7). */
  windowDays?: number;
  /** Seconds each neighbourhood may take at most (default 12). */
  neighbourhoodSeconds?: number;
  /** Told after each neighbourhood: its name, what HiGHS said, and whether it improved the incumbent. */
  onStep?: (step: { name: string; status: string; seconds: number; objective?: number; improved: boolean }) => void;
}

interface Neighbourhood {
  name: string;
  free: (index: number) => boolean;
}

/** Time windows sliding by half their width, staff groups (every k-th person), then a few people drawn at random. */
export function neighbourhoods(a: AssignmentColumns, windowDays: number): Neighbourhood[] {
  const list: Neighbourhood[] = [];
  const step = Math.max(1, Math.floor(windowDays / 2));
  for (let first = 0; first < a.dayCount; first += step) {
    const last = Math.min(a.dayCount, first + windowDays);
    list.push({ name: `days ${first}–${last - 1}`, free: (i) => a.day[i]! >= first && a.day[i]! < last });
    if (last === a.dayCount) break;
  }
  const groups = Math.max(2, Math.round(a.dayCount / windowDays));
  for (let g = 0; g < groups; g++) list.push({ name: `staff group ${g + 1}/${groups}`, free: (i) => a.person[i]! % groups === g });
  // A few people's whole rosters at once: swaps of shifts between people that windows of days cannot make.
  // The people are drawn with a fixed seed, so a search is repeatable.
  const random = seeded(windowDays * 7919 + a.personCount);
  const size = Math.max(2, Math.ceil(a.personCount / 6));
  for (let r = 0; r < groups * 2 && a.personCount > size; r++) {
    const people = new Set<number>();
    while (people.size < size) people.add(Math.floor(random() * a.personCount));
    list.push({ name: `people ${[...people].sort((x, y) => x - y).join(",")}`, free: (i) => people.has(a.person[i]!) });
  }
  return list;
}

/** A small deterministic generator (mulberry32): repeatable neighbourhoods without global state. */
function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each column's fixed value (NaN: free): assignment columns outside the neighbourhood keep the incumbent's. */
function fixedOutside(model: LinearModel, a: AssignmentColumns, incumbent: Float64Array, n: Neighbourhood): Float64Array {
  const fixed = new Float64Array(model.numCols).fill(NaN);
  for (let i = 0; i < a.columns.length; i++) {
    if (!n.free(i)) fixed[a.columns[i]!] = Math.round(incumbent[a.columns[i]!]!);
  }
  return fixed;
}

const relaxed = (model: LinearModel): LinearModel => ({ ...model, colInteger: new Uint8Array(model.numCols) });

const asStart = (values: Float64Array): { indices: Int32Array; values: Float64Array } => ({
  indices: Int32Array.from({ length: values.length }, (_, i) => i),
  values,
});

export async function solveByNeighbourhoods(model: LinearModel, assignments: AssignmentColumns, options: NeighbourhoodOptions = {}): Promise<EngineResult> {
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const wantedGap = options.relativeGap ?? DEFAULT_RELATIVE_GAP;
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const remaining = (): number => limit - elapsed();
  const signal = options.signal;
  const common = { ...(signal ? { signal } : {}), ...(options.engineOptions ? { engineOptions: options.engineOptions } : {}) };

  let bound = -Infinity;
  let best: EngineResult | undefined;
  const report = (): void => {
    if (!best?.values || best.objective === undefined) return;
    const b = Math.min(bound, best.objective);
    options.onProgress?.({ elapsedSeconds: elapsed(), incumbent: best.objective, ...(Number.isFinite(b) ? { bound: b, gap: relativeGap(best.objective, b) } : {}) });
  };
  // The LP relaxation starts once the first schedule is in: on two cores it would slow HiGHS's search for it.
  const lpDone = new AbortController();
  const startLp = (): Promise<void> =>
    solveInWorker(relaxed(model), {
      signal: AbortSignal.any([lpDone.signal, ...(signal ? [signal] : [])]),
      timeLimitSeconds: Math.max(1, remaining()),
      engineOptions: { solver: "ipm", run_crossover: "off" },
    }).then((r) => {
      if (r.status === "optimal" && r.objective !== undefined) bound = Math.max(bound, r.objective);
      report();
    });

  // Large: the first incumbent is taken from HiGHS as it finds it and the worker ended, since HiGHS heeds a
  // stop only once its root LP is done, most of a minute on a month.
  const takeFirst = options.firstSeconds === undefined;
  const firstFound = new AbortController();
  let taken: Incumbent | undefined;
  const solved = await solveInWorker(model, {
    ...(options.engineOptions ? { engineOptions: options.engineOptions } : {}),
    signal: AbortSignal.any([firstFound.signal, ...(signal ? [signal] : [])]),
    // Until the limit when no schedule comes sooner.
    timeLimitSeconds: options.firstSeconds ?? limit,
    relativeGap: wantedGap,
    ...(options.warmStart ? { warmStart: options.warmStart } : {}),
    onProgress: (p) => options.onProgress?.({ ...p, elapsedSeconds: elapsed() }),
    ...(takeFirst
      ? {
          endOnAbort: true,
          onIncumbent: (incumbent: Incumbent) => {
            taken ??= incumbent;
            firstFound.abort();
          },
        }
      : {}),
  });
  const first: EngineResult = taken
    ? { status: "feasible", objective: taken.objective, values: taken.values, seconds: elapsed(), firstFeasibleSeconds: taken.elapsedSeconds }
    : solved;
  const lp = takeFirst && first.values && first.status !== "optimal" ? startLp() : Promise.resolve();
  if (!first.values && first.status === "timedout" && options.firstSeconds !== undefined && remaining() > 1) {
    // No schedule within the first share: the whole model gets the rest of the limit.
    const rest = await solveInWorker(model, { ...common, timeLimitSeconds: remaining(), relativeGap: wantedGap });
    return { ...rest, seconds: elapsed() };
  }
  if (first.bound !== undefined) bound = Math.max(bound, first.bound);
  if (!first.values || first.status === "optimal" || first.status === "infeasible") {
    lpDone.abort();
    await lp;
    return { ...first, seconds: elapsed() };
  }
  best = first;
  const firstFeasibleSeconds = first.firstFeasibleSeconds;
  report();

  // A whole round without a better schedule: the neighbourhoods widen (twice the days, fewer staff
  // groups) and get twice the time, until one would be the whole model.
  let windowDays = options.windowDays ?? 7;
  let seconds = options.neighbourhoodSeconds ?? 12;
  let list = neighbourhoods(assignments, windowDays);
  let failures = 0;
  let whole = false;
  for (let k = 0; remaining() > 2 && !signal?.aborted; k++) {
    if (failures >= list.length) {
      if (windowDays * 2 >= assignments.dayCount) {
        whole = true;
        break;
      }
      windowDays *= 2;
      seconds *= 2;
      list = neighbourhoods(assignments, windowDays);
      failures = 0;
    }
    const n = list[k % list.length]!;
    const incumbent = best.values!;
    const fixed = fixedOutside(model, assignments, incumbent, n);
    const part = restrictModel(model, fixed);
    const partial = await solveInWorker(part.model, {
      ...common,
      timeLimitSeconds: Math.min(remaining() - 1, seconds),
      relativeGap: wantedGap,
      warmStart: asStart(Float64Array.from(part.columns, (j) => incumbent[j]!)),
    });
    const result = partial.values ? { ...partial, values: expandSolution(part, fixed, partial.values) } : partial;
    const improved = result.values && result.objective !== undefined && result.objective < best.objective! - 1e-6 * Math.max(1, Math.abs(best.objective!));
    options.onStep?.({ name: n.name, status: result.status, seconds: result.seconds, ...(result.objective !== undefined ? { objective: result.objective } : {}), improved: Boolean(improved) });
    if (improved) {
      best = { ...result, bound: best.bound! };
      failures = 0;
      report();
    } else failures++;
    if (Number.isFinite(bound) && relativeGap(best.objective!, Math.min(bound, best.objective!)) <= wantedGap) break;
  }
  if (whole && remaining() > 2 && !signal?.aborted) {
    // Windows as wide as the horizon are the whole model: solve it from the incumbent for the rest of
    // the limit, where its bound can rise and prove the incumbent (or a better schedule) optimal.
    const incumbent = best.values!;
    const last = await solveInWorker(model, { ...common, timeLimitSeconds: remaining() - 1, relativeGap: wantedGap, warmStart: asStart(incumbent) });
    options.onStep?.({ name: "whole model", status: last.status, seconds: last.seconds, ...(last.objective !== undefined ? { objective: last.objective } : {}), improved: (last.objective ?? Infinity) < best.objective! - 1e-6 * Math.max(1, Math.abs(best.objective!)) });
    if (last.bound !== undefined) bound = Math.max(bound, last.bound);
    if (last.values && last.objective !== undefined && last.objective < best.objective! - 1e-6 * Math.max(1, Math.abs(best.objective!))) best = last;
    report();
  }
  lpDone.abort();
  await lp;
  const objective = best.objective!;
  const finalBound = Math.min(Number.isFinite(bound) ? bound : (first.bound ?? objective), objective);
  const gap = relativeGap(objective, finalBound);
  return {
    status: gap <= wantedGap ? "optimal" : "feasible",
    objective,
    bound: finalBound,
    gap,
    seconds: elapsed(),
    values: best.values!,
    ...(firstFeasibleSeconds !== undefined ? { firstFeasibleSeconds } : {}),
    detail: `fix-and-optimize: first schedule, then neighbourhoods of days (up to ${windowDays}) and staff groups`,
  };
}
