/**
 * Schedule-based what-if (DESIGN §5, view 2). Input: a department, a hypothetical hire and a limit.
 * Output: for 0, 1, … maxHires hires, the optimized month's uncovered staff-hours by area, overtime,
 * agency/PRN use, labor cost and budget use, with the solver's status and gap; the marginal saving of
 * each hire against the position's cost, and the count to recommend.
 *
 * A hire is an ordinary staff member added to the input (no special solver path): the level and FTE
 * asked for, the level's mean rate, weekly-40 overtime, and every template outside the pattern
 * forbidden through `contract.maxShiftsPerTemplate`. The solves are independent and run in parallel,
 * each in the optimizer's worker thread.
 */
import { availableParallelism } from "node:os";
import { PlanningInputSchema, daysBetween, type Explanation, type PlanningInput, type RoleFamily, type Schedule, type StaffMember } from "../../../models/index.js";
import { optimize, type OptimizeOutcome } from "../../optimize.js";
import { prepare } from "../../pipeline.js";
import { OVERTIME_PREMIUM } from "../../../solver/check/pay.js";
import { HOURS_PER_FTE_PERIOD, PERIODS_PER_YEAR } from "./productivity.js";
import type { ResolvedHire } from "./settings.js";

export interface WhatIfOptions {
  hire: ResolvedHire;
  /** Most hires tried (0 solves today's staff only). */
  maxHires: number;
  /** Per solve, seconds (default 60, the optimizer's). */
  timeLimitSeconds?: number;
  /** Relative gap at which a solve stops (default the optimizer's, 0.0001). */
  relativeGap?: number;
  /** Solves run at once (default os.availableParallelism()). */
  concurrency?: number;
  /** Aborting stops every solve; each returns its incumbent. */
  signal?: AbortSignal;
  /** Dollars per uncovered staff-hour by role family, counted in the saving. */
  uncoveredStaffHourDollars: Record<RoleFamily, number>;
  /** Benefits as a fraction of wages, for the position's cost. */
  benefitsLoad: number;
  /** Called as each solve ends (for progress lines). */
  onSolved?: (hires: number, outcome: OptimizeOutcome) => void;
}

export interface WhatIfRow {
  hires: number;
  status: OptimizeOutcome["status"];
  /** Relative gap of the returned schedule (0 when proven optimal). */
  gap?: number;
  seconds: number;
  /** What went wrong in the solve without ending it (a failed neighbourhood): its schedule may be worse. */
  warnings?: string[];
  /** Absent when the solve returned no schedule (timed out or infeasible). */
  figures?: WhatIfFigures;
  /** Fall in avoidable dollars from one hire fewer (absent for 0 hires or when either has no schedule). */
  marginalSaving?: number;
  marginalSavingPerYear?: number;
}

export interface WhatIfFigures {
  uncoveredByArea: Record<string, number>;
  uncoveredStaffHours: number;
  uncoveredDollars: number;
  /** Regular staff's overtime hours (PRN and agency overtime is in their pay, `agencyDollars`). */
  overtimeHours: number;
  /** Regular staff's overtime hours × 1.5 × each person's base rate: the full price of those hours. */
  overtimeDollars: number;
  agencyHours: number;
  /** Everything paid to PRN and agency people. */
  agencyDollars: number;
  /** The checker's labor cost: regular pay, differentials and overtime premium, everyone. */
  laborDollars: number;
  /** Of which paid to the hypothetical hires. */
  hireDollars: number;
  /** Overtime + agency/PRN + uncovered dollars: what a hire can save. */
  avoidableDollars: number;
  budgetUse: { laborPercent?: number; overtimePercent?: number; agencyPercent?: number };
}

export interface WhatIfView {
  hire: ResolvedHire;
  /** Rate × FTE × 2,080 h × (1 + benefits load). */
  positionCostPerYear: number;
  /** Year ÷ horizon: 26 pay periods over the horizon's pay periods. */
  annualFactor: number;
  timeLimitSeconds: number;
  rows: WhatIfRow[];
  /** Hires whose marginal saving each pays for the position, counted from the first (absent: see `noRecommendation`). */
  recommendedHires?: number;
  /** Why there is no recommendation, when there is none, in words ending with what to do. */
  noRecommendation?: string;
  /** True when every solve was proven optimal, so differences between rows are not solver noise. */
  allOptimal: boolean;
}

export const HIRE_ID_PREFIX = "whatif-hire-";

/** The input with `count` hypothetical hires added as ordinary staff members. */
export function withHires(input: PlanningInput, hire: ResolvedHire, count: number): PlanningInput {
  const family = input.levels.find((l) => l.id === hire.level)!.roleFamily;
  const forbidden = Object.fromEntries(input.shiftTemplates.filter((t) => t.roleFamily === family && !hire.templates.includes(t.id)).map((t) => [t.id, 0]));
  const hires: Partial<StaffMember>[] = Array.from({ length: count }, (_, i) => ({
    id: `${HIRE_ID_PREFIX}${i + 1}`,
    name: `Hypothetical hire ${i + 1}`,
    level: hire.level,
    fte: hire.fte,
    hourlyRate: hire.hourlyRate,
    overtimeRule: "weekly40",
    employment: "staff",
    contract: { maxShiftsPerTemplate: forbidden },
  }));
  return PlanningInputSchema.parse({ ...input, staff: [...input.staff, ...hires] });
}

function figuresOf(input: PlanningInput, e: Explanation, uncoveredValue: Record<RoleFamily, number>): WhatIfFigures {
  const members = new Map(input.staff.map((s) => [s.id, s]));
  const uncoveredByArea: Record<string, number> = Object.fromEntries(input.areas.map((a) => [a.id, 0]));
  let uncoveredDollars = 0;
  for (const line of e.coverage) {
    uncoveredByArea[line.area] = (uncoveredByArea[line.area] ?? 0) + line.uncoveredStaffHours;
    uncoveredDollars += line.uncoveredStaffHours * (uncoveredValue[line.roleFamily as RoleFamily] ?? 0);
  }
  let overtimeHours = 0, overtimeDollars = 0, agencyDollars = 0, hireDollars = 0;
  for (const s of e.staff) {
    const member = members.get(s.staff)!;
    const pay = s.regularDollars + s.differentialDollars + s.overtimePremiumDollars;
    // A PRN or agency person's overtime is already in their pay: counted there, not twice.
    if (member.employment === "staff") {
      overtimeHours += s.overtimeHours;
      overtimeDollars += s.overtimeHours * member.hourlyRate * (1 + OVERTIME_PREMIUM);
    } else {
      agencyDollars += pay;
    }
    if (s.staff.startsWith(HIRE_ID_PREFIX)) hireDollars += pay;
  }
  const percent = (use?: { cap: number; used: number }): number | undefined => (use && use.cap > 0 ? (100 * use.used) / use.cap : undefined);
  const budgetUse = {
    ...(percent(e.budget.laborDollars) !== undefined ? { laborPercent: percent(e.budget.laborDollars)! } : {}),
    ...(percent(e.budget.overtimeHours) !== undefined ? { overtimePercent: percent(e.budget.overtimeHours)! } : {}),
    ...(percent(e.budget.agencyHours) !== undefined ? { agencyPercent: percent(e.budget.agencyHours)! } : {}),
  };
  const uncoveredStaffHours = Object.values(uncoveredByArea).reduce((a, b) => a + b, 0);
  return {
    uncoveredByArea,
    uncoveredStaffHours,
    uncoveredDollars,
    overtimeHours,
    overtimeDollars,
    agencyHours: e.cost.agencyHours,
    agencyDollars,
    laborDollars: e.cost.totalDollars,
    hireDollars,
    avoidableDollars: overtimeDollars + agencyDollars + uncoveredDollars,
    budgetUse,
  };
}

/**
 * The recommendation, or why there is none: without a schedule for today's staff there is nothing to weigh
 * a hire against, and a solve stopped before it had any bound (a month at a limit of a few seconds: its
 * schedule may be little more than nobody working) says nothing about what a hire saves.
 */
export function recommendation(rows: WhatIfRow[], recommendedHires: number, timeLimitSeconds: number): { recommendedHires: number } | { noRecommendation: string } {
  if (!rows[0]!.figures) return { noRecommendation: `the solve with today's staff found no schedule within its ${timeLimitSeconds} s limit. Run again with a longer time limit.` };
  const unbounded = rows.filter((r) => r.status !== "optimal" && r.gap === undefined).map((r) => r.hires);
  if (unbounded.length > 0) {
    return { noRecommendation: `the solve(s) for ${unbounded.join(", ")} hire(s) stopped at the ${timeLimitSeconds} s limit before any bound on their cost, so their schedules cannot be compared. Run again with a longer time limit.` };
  }
  return { recommendedHires };
}

/** Runs `tasks` with at most `limit` at once, results in task order. */
async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, lane));
  return results;
}

/** Solves 0 … maxHires hires; returns the view and today's staff's schedule (for the demand chart). */
export async function runWhatIf(input: PlanningInput, options: WhatIfOptions): Promise<{ view: WhatIfView; baseline?: Schedule }> {
  const { hire, maxHires } = options;
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  const counts = Array.from({ length: maxHires + 1 }, (_, k) => k);
  const outcomes = await inParallel(
    counts.map((k) => async () => {
      const scenario = withHires(input, hire, k);
      const outcome = await optimize(prepare(scenario), {
        timeLimitSeconds,
        ...(options.relativeGap !== undefined ? { relativeGap: options.relativeGap } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      options.onSolved?.(k, outcome);
      return { scenario, outcome };
    }),
    options.concurrency ?? availableParallelism(),
  );
  const payPeriods = (daysBetween(input.horizon.start, input.horizon.end) + 1) / 14;
  const annualFactor = PERIODS_PER_YEAR / payPeriods;
  const rows: WhatIfRow[] = outcomes.map(({ scenario, outcome }, k) => ({
    hires: k,
    status: outcome.status,
    ...(outcome.gap !== undefined ? { gap: outcome.gap } : {}),
    seconds: outcome.seconds,
    ...(outcome.warnings ? { warnings: outcome.warnings } : {}),
    ...(outcome.explanation ? { figures: figuresOf(scenario, outcome.explanation, options.uncoveredStaffHourDollars) } : {}),
  }));
  for (let k = 1; k < rows.length; k++) {
    const before = rows[k - 1]!.figures, after = rows[k]!.figures;
    if (!before || !after) continue;
    rows[k]!.marginalSaving = before.avoidableDollars - after.avoidableDollars;
    rows[k]!.marginalSavingPerYear = rows[k]!.marginalSaving! * annualFactor;
  }
  const positionCostPerYear = hire.hourlyRate * hire.fte * HOURS_PER_FTE_PERIOD * PERIODS_PER_YEAR * (1 + options.benefitsLoad);
  let recommendedHires = 0;
  while (recommendedHires + 1 < rows.length && (rows[recommendedHires + 1]!.marginalSavingPerYear ?? -Infinity) >= positionCostPerYear) recommendedHires++;
  const baseline = outcomes[0]!.outcome.schedule;
  return {
    view: { hire, positionCostPerYear, annualFactor, timeLimitSeconds, rows, ...recommendation(rows, recommendedHires, timeLimitSeconds), allOptimal: rows.every((r) => r.status === "optimal") },
    ...(baseline ? { baseline } : {}),
  };
}
