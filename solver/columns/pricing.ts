/**
 * Roster pricing for one person: the cheapest rosters over the days by label-setting dynamic programming
 * (a resource-constrained shortest path). Input: the person's `RosterRules` and each day's cost of each
 * option (request penalties less the cover rows' duals, built by `generate.ts`). Output: the best few
 * rosters below a threshold, each keeping every rule of `RosterRules`.
 *
 * A label is a roster's first days; its state (the key) is the class of its last shift (shifts with the
 * same forbidden successors share one) or off, the run it ends with (working days, with a flag when the
 * run touches day 0 and is exempt from the minimum; days off counted up to the minimum, a run touching
 * day 0 counted as long enough) and the minutes worked. Within a state, labels are kept Pareto-minimal
 * in (cost, weekends worked, count of each capped shift). Caps and the weekend limit that can no longer
 * bind are raised to where they still cannot, so labels differing only there merge. Exact when
 * `bucketCap` is Infinity; with a cap, each state keeps its cheapest labels only (heuristic, reported as
 * `truncated`).
 */
import type { Roster, RosterRules } from "./roster-rules.js";

export interface PricedRoster {
  choice: Roster;
  /** Σ of the given day costs (request − duals). */
  cost: number;
}

export interface PricingResult {
  rosters: PricedRoster[];
  /** Smallest path cost found (exact when !truncated); Infinity if nothing below the threshold. */
  best: number;
  /** Some bucket was cut to its cap: the result is heuristic. */
  truncated: boolean;
  labels: number;
}

export interface PricingOptions {
  /** Only rosters with cost < threshold are of interest (prunes by completion bound). */
  threshold: number;
  /** Most rosters returned. */
  count: number;
  /** Most labels per bucket (Infinity: exact). */
  bucketCap: number;
}

const EPS = 1e-9;

/** Pool of labels, struct of arrays, grown by doubling. */
class Pool {
  size = 0;
  cost = new Float64Array(1024);
  minutes = new Int32Array(1024);
  weekends = new Int32Array(1024);
  parent = new Int32Array(1024);
  choice = new Int8Array(1024);
  counts: Int16Array;
  /** `stride`: capped shifts counted per label. */
  constructor(private readonly stride: number) {
    this.counts = new Int16Array(1024 * Math.max(1, stride));
  }
  add(): number {
    if (this.size === this.cost.length) this.grow();
    return this.size++;
  }
  private grow(): void {
    const n = this.cost.length * 2;
    const g = <T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(a: T, len: number): T => {
      const b = new (a.constructor as new (n: number) => T)(len);
      b.set(a);
      return b;
    };
    this.cost = g(this.cost, n);
    this.minutes = g(this.minutes, n);
    this.weekends = g(this.weekends, n);
    this.parent = g(this.parent, n);
    this.choice = g(this.choice, n);
    this.counts = g(this.counts, n * Math.max(1, this.stride));
  }
}

export function priceRoster(p: RosterRules, dayCost: Float64Array, opt: PricingOptions): PricingResult {
  const H = p.days;
  const S = p.shifts;
  const O = S + 1;
  // Only caps that can bind are resources: a cap at or above the days one may work is no constraint.
  let workable = 0;
  for (let d = 0; d < H; d++) if (!p.dayOff[d]) workable++;
  const track = new Int32Array(S).fill(-1);
  let K = 0;
  for (let s = 0; s < S; s++) if (p.maxPerShift[s]! > 0 && p.maxPerShift[s]! < workable) track[s] = K++;
  const pool = new Pool(K);
  const capOf = new Int32Array(K);
  for (let s = 0; s < S; s++) if (track[s]! >= 0) capOf[track[s]!] = p.maxPerShift[s]!;
  // Workable days and weekends after day d: a resource that cannot bind any more is raised to the level
  // where it still cannot, so labels differing only there merge.
  const remDays = new Int32Array(H);
  const remWeekends = new Int32Array(H);
  for (let d = H - 2; d >= 0; d--) {
    remDays[d] = remDays[d + 1]! + (p.dayOff[d + 1] ? 0 : 1);
  }
  for (let d = 0; d < H; d++) {
    const seenWk = new Set<number>();
    for (let e = d + 1; e < H; e++) {
      const wd = (p.firstWeekday + e) % 7;
      if ((wd === 5 || wd === 6) && !p.dayOff[e]) seenWk.add(Math.floor((p.firstWeekday + e) / 7));
    }
    remWeekends[d] = seenWk.size;
  }
  // No more weekends than the horizon has (a limit of "any number" stays an integer).
  const maxWeekends = Math.min(p.maxWeekends, Math.ceil(H / 7) + 1);
  let truncated = false;
  // Completion bound: Σ of each later day's cheapest option.
  const suffix = new Float64Array(H + 1);
  for (let d = H - 1; d >= 0; d--) {
    let m = dayCost[d * O + S]!;
    if (!p.dayOff[d]) for (let s = 0; s < S; s++) if (p.maxPerShift[s]! > 0 && dayCost[d * O + s]! < m) m = dayCost[d * O + s]!;
    suffix[d] = suffix[d + 1]! + m;
  }
  let maxLen = 0;
  for (let s = 0; s < S; s++) maxLen = Math.max(maxLen, p.lengthMinutes[s]!);
  const maxC = Math.min(p.maxConsecutiveDays, H);
  const minOff = Math.min(Math.max(1, p.minConsecutiveDaysOff), H);
  // run key: work run ℓ (1..maxC), +maxC if touching day 0; off: 1..minOff.
  const RUNS = 2 * maxC + 1 + minOff;
  // Minutes are a key: bounded by what the workable days can hold when the rules set no maximum.
  const maxMinutes = Math.min(p.maxMinutes, workable * maxLen);
  const MINS = maxMinutes + 1;
  const keyOf = (last: number, run: number, minutes: number): number => (last * RUNS + run) * MINS + minutes;

  // A state's last shift matters only through what may follow it: shifts with the same row of
  // forbidden successors share a class (the key), so their labels compete.
  const classOf = new Int32Array(S);
  const rows: string[] = [];
  const classForbidden: number[] = [];
  for (let s = 0; s < S; s++) {
    const row = Array.from(p.forbiddenNext.subarray(s * S, s * S + S)).join("");
    let c = rows.indexOf(row);
    if (c < 0) {
      c = rows.length;
      rows.push(row);
      for (let t = 0; t < S; t++) classForbidden.push(p.forbiddenNext[s * S + t]!);
    }
    classOf[s] = c;
  }
  const C = rows.length;
  let buckets = new Map<number, number[]>();
  let next = new Map<number, number[]>();

  const insert = (label: number, key: number, d: number): void => {
    const c = pool.cost[label]!;
    for (let k = 0; k < K; k++) {
      const floor = capOf[k]! - remDays[d]!;
      if (pool.counts[label * K + k]! < floor) pool.counts[label * K + k] = floor;
    }
    const wFloor = maxWeekends - remWeekends[d]!;
    if (pool.weekends[label]! < wFloor) pool.weekends[label] = wFloor;
    if (c + suffix[d + 1]! >= opt.threshold - EPS) {
      pool.size--; // the label is the last one added: dropped
      return;
    }
    let list = next.get(key);
    if (!list) {
      list = [];
      next.set(key, list);
    }
    const w = pool.weekends[label]!;
    const lb = label * K;
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      if (pool.cost[o]! <= c + EPS && pool.weekends[o]! <= w) {
        let dom = true;
        const ob = o * K;
        for (let s = 0; s < K; s++) if (pool.counts[ob + s]! > pool.counts[lb + s]!) { dom = false; break; }
        if (dom) {
          pool.size--;
          return;
        }
      }
    }
    // remove those the new label dominates
    let j = 0;
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      let dominated = c <= pool.cost[o]! + EPS && w <= pool.weekends[o]!;
      if (dominated) {
        const ob = o * K;
        for (let s = 0; s < K; s++) if (pool.counts[lb + s]! > pool.counts[ob + s]!) { dominated = false; break; }
      }
      if (!dominated) list[j++] = o;
    }
    list.length = j;
    list.push(label);
    if (list.length > opt.bucketCap) {
      truncated = true;
      let worst = 0;
      for (let i = 1; i < list.length; i++) if (pool.cost[list[i]!]! > pool.cost[list[worst]!]!) worst = i;
      list.splice(worst, 1);
    }
  };

  const weekday = (d: number): number => (p.firstWeekday + d) % 7;
  // Day 0: a virtual off state touching the start (every run exempt).
  const extend = (from: number, last: number, run: number, d: number): void => {
    // from: parent label (-1 for start); last, run: its state; d: day decided now.
    const minutes = from < 0 ? 0 : pool.minutes[from]!;
    const weekends = from < 0 ? 0 : pool.weekends[from]!;
    const cost = from < 0 ? 0 : pool.cost[from]!;
    const wd = weekday(d);
    // off
    {
      let ok = true;
      let nrun: number;
      if (last < C) {
        const len = run > maxC ? run - maxC : run;
        if (run <= maxC && len < p.minConsecutiveDays) ok = false;
        nrun = 2 * maxC + 1;
      } else {
        nrun = Math.min(run + 1, 2 * maxC + minOff);
      }
      if (from < 0) nrun = 2 * maxC + minOff;
      if (ok && minutes + remDays[d]! * maxLen >= p.minMinutes) {
        const l = pool.add();
        pool.cost[l] = cost + dayCost[d * O + S]!;
        pool.minutes[l] = minutes;
        pool.weekends[l] = weekends;
        pool.parent[l] = from;
        pool.choice[l] = S;
        if (from >= 0) pool.counts.copyWithin(l * K, from * K, from * K + K);
        else pool.counts.fill(0, l * K, l * K + K);
        insert(l, keyOf(C, nrun, minutes), d);
      }
    }
    if (p.dayOff[d]) return;
    // work
    let nrunBase: number;
    if (maxC < 1) return;
    if (from < 0) nrunBase = maxC + 1; // run touching day 0, length 1
    else if (last < C) {
      const len = run > maxC ? run - maxC : run;
      if (len + 1 > maxC) return;
      nrunBase = run + 1;
    } else {
      const offLen = run - 2 * maxC;
      if (offLen < minOff) return;
      nrunBase = 1;
    }
    let addWeekend = 0;
    if (wd === 5) addWeekend = 1;
    else if (wd === 6 && !(from >= 0 && last < C && d > 0)) addWeekend = 1;
    if (weekends + addWeekend > maxWeekends) return;
    for (let t = 0; t < S; t++) {
      if (last < C && from >= 0 && classForbidden[last * S + t]) continue;
      const m = minutes + p.lengthMinutes[t]!;
      if (m > maxMinutes) continue;
      if (p.maxPerShift[t]! < 1) continue;
      const k = track[t]!;
      const cnt = k >= 0 && from >= 0 ? pool.counts[from * K + k]! : 0;
      if (k >= 0 && cnt + 1 > p.maxPerShift[t]!) continue;
      if (m + remDays[d]! * maxLen < p.minMinutes) continue;
      const l = pool.add();
      pool.cost[l] = cost + dayCost[d * O + t]!;
      pool.minutes[l] = m;
      pool.weekends[l] = weekends + addWeekend;
      pool.parent[l] = from;
      pool.choice[l] = t;
      if (from >= 0) pool.counts.copyWithin(l * K, from * K, from * K + K);
      else pool.counts.fill(0, l * K, l * K + K);
      if (k >= 0) pool.counts[l * K + k] = cnt + 1;
      insert(l, keyOf(classOf[t]!, nrunBase, m), d);
    }
  };

  extend(-1, C, 0, 0);
  for (let d = 1; d < H; d++) {
    [buckets, next] = [next, buckets];
    next.clear();
    for (const [key, list] of buckets) {
      const state = Math.floor(key / MINS);
      const last = Math.floor(state / RUNS);
      const run = state % RUNS;
      for (const l of list) extend(l, last, run, d);
    }
  }
  // Final labels: the ones in `next` (day H−1), minutes at least the minimum.
  const finals: number[] = [];
  for (const list of next.values()) for (const l of list) if (pool.minutes[l]! >= p.minMinutes && pool.cost[l]! < opt.threshold - EPS) finals.push(l);
  finals.sort((a, b) => pool.cost[a]! - pool.cost[b]!);
  const rosters: PricedRoster[] = [];
  for (const l of finals.slice(0, opt.count)) {
    const choice = new Int8Array(H);
    let x = l;
    for (let d = H - 1; d >= 0; d--) {
      choice[d] = pool.choice[x]!;
      x = pool.parent[x]!;
    }
    rosters.push({ choice, cost: pool.cost[l]! });
  }
  return { rosters, best: finals.length ? pool.cost[finals[0]!]! : Infinity, truncated, labels: pool.size };
}
