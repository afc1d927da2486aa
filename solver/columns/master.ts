/**
 * The master problem of the roster column generation, held in one HiGHS model (npm `highs`, persistent
 * API) that grows a column at a time: a cover row per day and shift with a short and an over slack at
 * their weights, a convexity row per person (exactly one roster each), and a column per generated roster
 * at its request cost. Solved as an LP for duals (no presolve, primal simplex: new columns keep the basis
 * primal feasible), then as a MIP over the columns it holds. Always `dispose()` it.
 */
import highsModule, { type Highs, type Model } from "highs";
import type { Roster } from "./roster-rules.js";

// The package's types describe a CommonJS default; at run time the ESM build's default is the loader.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
let highs: Highs | undefined;

/** People wanted on a shift on a day, and the price of each one short or over. */
export interface CoverLine {
  day: number;
  shift: number;
  required: number;
  underWeight: number;
  overWeight: number;
}

export interface MipAnswer {
  objective: number;
  /** The roster chosen for each person. */
  rosters: Roster[];
}

export class RosterMaster {
  private readonly coverRow: Int32Array;
  private readonly slackColumns: number;
  private readonly seen: Set<string>[];
  /** Person and roster of each roster column, in column order after the slacks. */
  readonly person: number[] = [];
  readonly roster: Roster[] = [];

  private constructor(
    private readonly h: Highs,
    private readonly model: Model,
    private readonly days: number,
    private readonly shifts: number,
    private readonly cover: readonly CoverLine[],
    people: number,
  ) {
    this.coverRow = new Int32Array(days * shifts).fill(-1);
    cover.forEach((c, i) => (this.coverRow[c.day * shifts + c.shift] = i));
    for (const c of cover) model.addRow(c.required, c.required, { indices: [], values: [] });
    for (let p = 0; p < people; p++) model.addRow(1, 1, { indices: [], values: [] });
    cover.forEach((c, i) => {
      model.addCol(c.underWeight, 0, h.infinity, { indices: [i], values: [1] });
      model.addCol(c.overWeight, 0, h.infinity, { indices: [i], values: [-1] });
    });
    this.slackColumns = 2 * cover.length;
    this.seen = Array.from({ length: people }, () => new Set<string>());
    model.options.set({ output_flag: false, presolve: "off", simplex_strategy: 4 });
  }

  static async create(days: number, shifts: number, cover: readonly CoverLine[], people: number): Promise<RosterMaster> {
    highs ??= await loadHighs();
    return new RosterMaster(highs, highs.createModel(), days, shifts, cover, people);
  }

  get columns(): number {
    return this.person.length;
  }

  /** Adds a person's roster at its cost; false when the master holds it already. */
  add(p: number, roster: Roster, cost: number): boolean {
    const key = roster.join(",");
    if (this.seen[p]!.has(key)) return false;
    this.seen[p]!.add(key);
    const rows: number[] = [];
    for (let d = 0; d < this.days; d++) {
      const row = roster[d]! < this.shifts ? this.coverRow[d * this.shifts + roster[d]!]! : -1;
      if (row >= 0) rows.push(row);
    }
    rows.push(this.cover.length + p);
    this.model.addCol(cost, 0, this.h.infinity, { indices: rows, values: rows.map(() => 1) });
    this.person.push(p);
    this.roster.push(roster);
    return true;
  }

  /** Solves the LP: its value, each cover row's dual (by cover line) and each person's convexity dual. */
  solveLp(): { objective: number; coverDual: Float64Array; personDual: Float64Array; values: Float64Array } {
    this.model.run();
    const solution = this.model.getSolution();
    return {
      objective: this.model.getObjectiveValue(),
      coverDual: solution.rowDual.subarray(0, this.cover.length),
      personDual: solution.rowDual.subarray(this.cover.length),
      values: solution.colValue.subarray(this.slackColumns),
    };
  }

  /** Dual of a day's shift (0 where no cover line names it). */
  coverLineOf(day: number, shift: number): number {
    return this.coverRow[day * this.shifts + shift]!;
  }

  /** Holds roster column `j` at 1 (its person's other rosters then at 0). */
  fix(j: number): void {
    this.model.changeColBounds(this.slackColumns + j, 1, 1);
  }

  /**
   * A MIP over the roster columns held, until `seconds` pass: fixings released when `release`, else kept;
   * `start` (a column index per person) as its first incumbent. Undefined when it found no roster.
   */
  solveMip(seconds: number, release: boolean, start?: readonly number[]): MipAnswer | undefined {
    const n = this.columns;
    if (release) for (let j = 0; j < n; j++) this.model.changeColBounds(this.slackColumns + j, 0, this.h.infinity);
    this.model.changeColsIntegrality({ kind: "range", from: this.slackColumns, to: this.slackColumns + n - 1 }, new Int32Array(n).fill(1));
    this.model.options.set({ time_limit: Math.max(0.5, seconds), mip_rel_gap: 0, presolve: "on" });
    if (start) {
      const values = new Float64Array(this.slackColumns + n);
      for (const j of start) values[this.slackColumns + j] = 1;
      this.model.setSolution({ colValue: values });
    }
    const started = performance.now();
    this.model.run({
      // HiGHS overran its time limit here by many seconds on large masters: stopped from outside as well.
      [this.h.constants.callbackType.mipInterrupt](event) {
        if ((performance.now() - started) / 1000 > seconds) event.interrupt();
      },
    });
    let values: Float64Array;
    try {
      values = this.model.getSolution().colValue;
    } catch {
      return undefined;
    }
    const rosters: Roster[] = [];
    for (let j = 0; j < n; j++) if (values[this.slackColumns + j]! > 0.5) rosters[this.person[j]!] = this.roster[j]!;
    return { objective: this.model.getObjectiveValue(), rosters };
  }

  dispose(): void {
    this.model.dispose();
  }
}
