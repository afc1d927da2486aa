/**
 * Rosters for everyone by column generation: the master LP (`master.ts`) prices each person's roster at
 * its duals (`pricing.ts`) and takes the rosters of negative reduced cost, round after round, until there
 * are none; a dive then fixes the rosters the LP almost chooses and generates again, until everyone has
 * one; a MIP over every roster generated finishes from the dive's. Input: people's `RosterRules` and the
 * cover lines. Output: a roster per person, its objective, and the bound the LP proves when its pricing
 * was exact and converged (the Lagrangian bound LP + Σ min reduced cost at each exact round otherwise).
 */
import { RosterMaster, type CoverLine } from "./master.js";
import { priceRoster } from "./pricing.js";
import { requestCostOf, type Roster, type RosterRules } from "./roster-rules.js";

export interface RosterProblem {
  days: number;
  shifts: number;
  people: readonly RosterRules[];
  cover: readonly CoverLine[];
}

export interface GenerateOptions {
  /** Seconds for the whole (default 60); the MIP at the end may overrun by about a second. */
  seconds?: number;
  /** Share of the time for the first column generation before the dive starts anyway (default 0.4). */
  lpShare?: number;
  /** Seconds kept for the MIP at the end (default min(15, seconds / 4)). */
  mipSeconds?: number;
  /** Rosters taken per person and round (default 2: 5 made the master LP slower to converge, 12 not within 24 s). */
  rostersPerPerson?: number;
  /** Labels per state in the quick pricing rounds (default 8); the last round is exact. */
  bucketCap?: number;
  /** Rosters at or above this LP value are fixed together in a dive step (default 0.9). */
  diveFixAt?: number;
  /**
   * Least share of the open people fixed in a dive step where none is at `diveFixAt` (default 0: one, or
   * as many as the time left needs at the pace of the last step).
   */
  diveShare?: number;
  /** Most pricing rounds after a dive step (default: until the quick pricing adds no roster). */
  diveRounds?: number;
  onRound?: (line: string) => void;
}

export type GenerateOutcome =
  | { status: "infeasible"; person: number }
  | {
      status: "feasible";
      /** A roster per person, in the people's order. */
      rosters: Roster[];
      objective: number;
      /** The first column generation's LP value. */
      lp: number;
      /** A lower bound on every roster's objective; undefined when no exact pricing round finished. */
      bound: number | undefined;
      /** The first column generation converged with exact pricing: `lp` is the master LP's optimum. */
      converged: boolean;
      rounds: number;
      columns: number;
      seconds: number;
    };

export async function generateRosters(problem: RosterProblem, options: GenerateOptions = {}): Promise<GenerateOutcome> {
  const seconds = options.seconds ?? 60;
  const { rostersPerPerson = 2, bucketCap = 8, diveFixAt = 0.9, diveShare = 0, diveRounds = Infinity } = options;
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const { days: H, shifts: S, people } = problem;
  const O = S + 1;
  const P = people.length;
  // Every person's cheapest rosters on their requests alone: the first columns, and a proof each has one.
  const first: Roster[][] = [];
  for (let p = 0; p < P; p++) {
    let priced = priceRoster(people[p]!, people[p]!.requestCost, { threshold: Infinity, count: 3, bucketCap });
    // Quick pricing may drop the only labels that reach the minimum of minutes: none is proof only when exact.
    if (!priced.rosters.length && priced.truncated) priced = priceRoster(people[p]!, people[p]!.requestCost, { threshold: Infinity, count: 3, bucketCap: Infinity });
    if (!priced.rosters.length) return { status: "infeasible", person: p };
    first.push(priced.rosters.map((r) => r.choice));
  }
  const master = await RosterMaster.create(H, S, problem.cover, P);
  try {
    first.forEach((rosters, p) => rosters.forEach((r) => master.add(p, r, requestCostOf(people[p]!, r))));
    const fixed = new Uint8Array(P);
    const dayCost = people.map(() => new Float64Array(H * O));
    let rounds = 0;
    let bound: number | undefined;

    /** One pricing pass over the open people at the LP's duals; Infinity as the cap is exact. */
    const priceAll = (cap: number, deadline: number): { added: number; lp: number; exact: boolean; lagrangian: number } => {
      const lp = master.solveLp();
      rounds++;
      let added = 0;
      let exact = cap === Infinity;
      let lagrangian = lp.objective;
      for (let p = 0; p < P; p++) {
        if (fixed[p]) continue;
        const rules = people[p]!;
        const cost = dayCost[p]!;
        for (let d = 0; d < H; d++) {
          for (let s = 0; s < S; s++) {
            const line = master.coverLineOf(d, s);
            cost[d * O + s] = rules.requestCost[d * O + s]! - (line >= 0 ? lp.coverDual[line]! : 0);
          }
          cost[d * O + S] = rules.requestCost[d * O + S]!;
        }
        const mu = lp.personDual[p]!;
        const priced = priceRoster(rules, cost, { threshold: mu, count: rostersPerPerson, bucketCap: cap });
        if (priced.truncated) exact = false;
        if (priced.rosters.length) lagrangian += priced.best - mu;
        for (const r of priced.rosters) if (master.add(p, r.choice, requestCostOf(rules, r.choice))) added++;
        if (elapsed() > deadline) {
          exact = false;
          break;
        }
      }
      if (exact && !fixed.some((f) => f)) bound = Math.max(bound ?? -Infinity, lagrangian);
      options.onRound?.(`round ${rounds}: LP ${lp.objective.toFixed(2)}${exact ? `, Lagrangian ${lagrangian.toFixed(2)}` : ""}, +${added} rosters (${master.columns}), ${elapsed().toFixed(1)} s`);
      return { added, lp: lp.objective, exact, lagrangian };
    };
    /** Rounds until none adds a roster (quick pricing, then exact when `exactAtEnd`); true when converged so. */
    const generate = (deadline: number, exactAtEnd: boolean, maxRounds = Infinity): boolean => {
      for (let k = 0; k < maxRounds && elapsed() < deadline; k++) {
        let r = priceAll(bucketCap, deadline);
        if (r.added === 0 && exactAtEnd && bucketCap !== Infinity && elapsed() < deadline) r = priceAll(Infinity, deadline);
        if (r.added === 0) return r.exact || !exactAtEnd;
      }
      return false;
    };

    const converged = generate(seconds * (options.lpShare ?? 0.4), true);
    const lp = master.solveLp().objective;
    const diveDeadline = seconds - (options.mipSeconds ?? Math.min(15, seconds / 4));
    const start = dive(master, fixed, diveDeadline, elapsed, { diveFixAt, diveShare }, () => generate(diveDeadline, false, diveRounds));
    const answer = master.solveMip(seconds - elapsed(), start !== undefined, start);
    if (!answer || answer.rosters.some((r) => !r)) return { status: "infeasible", person: answer?.rosters.findIndex((r) => !r) ?? 0 };
    return { status: "feasible", rosters: answer.rosters, objective: answer.objective, lp, bound: converged ? Math.max(bound ?? lp, lp) : bound, converged, rounds, columns: master.columns, seconds: elapsed() };
  } finally {
    master.dispose();
  }
}

/**
 * Fixes the rosters the LP takes at `diveFixAt` or more (or the highest `diveShare` of the open people's
 * when none is), generates again, and so on until everyone has one: the column of each person's roster,
 * or undefined when the deadline came first (the fixings then stay for the MIP).
 */
function dive(master: RosterMaster, fixed: Uint8Array, deadline: number, elapsed: () => number, options: { diveFixAt: number; diveShare: number }, generate: () => void): number[] | undefined {
  const P = fixed.length;
  const chosen = new Array<number>(P).fill(-1);
  let lastStep = 0;
  while (elapsed() < deadline) {
    const { values } = master.solveLp();
    const best = new Int32Array(P).fill(-1);
    for (let j = 0; j < master.columns; j++) {
      const p = master.person[j]!;
      if (!fixed[p] && (best[p]! < 0 || values[j]! > values[best[p]!]!)) best[p] = j;
    }
    const fix = (p: number): void => {
      master.fix(best[p]!);
      fixed[p] = 1;
      chosen[p] = best[p]!;
    };
    const open: number[] = [];
    for (let p = 0; p < P; p++) if (!fixed[p]) open.push(p);
    const sure = open.filter((p) => values[best[p]!]! >= options.diveFixAt);
    if (sure.length) sure.forEach(fix);
    else {
      // As many as the time left allows at the pace of the last step, at least one.
      const stepsLeft = lastStep > 0 ? Math.max(1, Math.floor((deadline - elapsed()) / lastStep)) : open.length;
      const count = Math.max(1, Math.ceil(open.length * options.diveShare), Math.ceil(open.length / stepsLeft));
      open.sort((a, b) => values[best[b]!]! - values[best[a]!]!);
      open.slice(0, count).forEach(fix);
    }
    if (fixed.every((f) => f)) return chosen;
    const stepStarted = elapsed();
    generate();
    lastStep = elapsed() - stepStarted;
  }
  return undefined;
}
