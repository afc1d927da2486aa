/**
 * Schedule-based what-if (DESIGN §5, view 2). Input: a department, a hypothetical hire and a limit.
 * Output: for 0, 1, … maxHires hires, the optimized horizon's uncovered staff-hours by area, overtime,
 * agency/PRN use, labor cost and budget use, with the solver's status, gap and uncertainty in dollars;
 * the marginal saving of each hire, and the count to recommend (recommendation.ts).
 *
 * A hire is an ordinary staff member added to the input (no special solver path): the level and FTE
 * asked for, the level's rate, weekly-40 overtime, and every template outside the pattern forbidden
 * through `contract.maxShiftsPerTemplate` (hires.ts). Each hire's position is funded: a labor-dollar
 * cap is raised by the hire's wages over the horizon, or the hire could only displace the staff the cap
 * already pays.
 *
 * The counts are solved one after another, never side by side: each solve already keeps both cores of
 * the machines this runs on busy, and a time limit should mean the same search for every count. Count k
 * starts from count k − 1's schedule with the new hire idle, and keeps that schedule when its own search
 * finds nothing cheaper, so a count is never priced above the one before it for the search's sake.
 * The other way round, count k's schedule with one hire's shifts taken out is a schedule for k − 1 hires:
 * from the most hires down, each count keeps the cheaper of its own and that one (savings.ts then credits
 * a hire only with what its shifts did, not with what one count's search found and the other's did not).
 */
import type { Conflict, Explanation, PlanningInput, RoleFamily, Schedule } from "../../../models/index.js";
import { optimize, type OptimizeOptions, type OptimizeOutcome } from "../../optimize.js";
import { explain, prepare, type Prepared } from "../../pipeline.js";
import { OVERTIME_PREMIUM } from "../../../solver/check/pay.js";
import { relativeGap } from "../../../solver/engines/types.js";
import { HOURS_PER_FTE_PERIOD, PERIODS_PER_YEAR, isRegular, payPeriodsOf } from "./productivity.js";
import { recommend } from "./recommendation.js";
import { addMarginalSavings } from "./savings.js";
import type { ResolvedHire } from "./settings.js";
import { HIRE_ID_PREFIX, hireWagesOverHorizon, withHires, withoutHire } from "./hires.js";

export interface WhatIfOptions {
  hire: ResolvedHire;
  /** Most hires tried (0 solves today's staff only). */
  maxHires: number;
  /** Per solve, seconds (default 60, the optimizer's). The solves run one after another. */
  timeLimitSeconds?: number;
  /** Relative gap at which a solve stops (default the optimizer's, 0.0001). */
  relativeGap?: number;
  /** Aborting stops the solve under way, which returns its incumbent, and each later one at once. */
  signal?: AbortSignal;
  /** Dollars per uncovered staff-hour by role family, counted in the saving. */
  uncoveredStaffHourDollars: Record<RoleFamily, number>;
  /** Benefits as a fraction of wages, for the position's cost. */
  benefitsLoad: number;
  /** Called as each solve ends (for progress lines). */
  onSolved?: (hires: number, outcome: OptimizeOutcome) => void;
  /** Solves one count (default `optimize`; tests pass a stand-in). */
  optimizer?: (prepared: Prepared, options: OptimizeOptions) => Promise<OptimizeOutcome>;
}

export interface WhatIfRow {
  hires: number;
  status: OptimizeOutcome["status"];
  /** Relative gap of the returned schedule (0 when proven optimal). */
  gap?: number;
  /** The optimizer's price of the schedule: labor dollars plus the weighted penalties, in dollars. */
  objective?: number;
  /** The lowest price any schedule of this count can have, as far as the solve proved. */
  bound?: number;
  /**
   * Objective − bound, in dollars over the horizon: how much cheaper the best schedule of this count may
   * be than the one returned (0 when proven optimal; absent without a bound).
   */
  uncertaintyDollars?: number;
  seconds: number;
  /** What went wrong in the solve without ending it (a failed neighbourhood): its schedule may be worse. */
  warnings?: string[];
  /** The solve found nothing cheaper than the schedule for one hire fewer, the new hire idle: that is this row's schedule. */
  keptPreviousSchedule?: true;
  /** The schedule for one hire more, less one hire's shifts, was cheaper than this count's own: that is this row's schedule. */
  fromOneHireMore?: true;
  /** Absent when the solve returned no schedule (timed out or infeasible). */
  figures?: WhatIfFigures;
  /**
   * For `infeasible`: the hard rules that cannot all hold, per person, as the optimizer's conflict search
   * named them (what `rxroster solve` prints); empty when it named none within the time limit.
   */
  conflicts?: Conflict[];
  /** For `infeasible`: false when the time limit ended the conflict search early, so there may be more. */
  conflictsComplete?: boolean;
  /** Fall in avoidable dollars from one hire fewer (absent for 0 hires or when either has no schedule). */
  marginalSaving?: number;
  marginalSavingPerYear?: number;
  /** The two compared rows' uncertainty summed, a year: how far the saving may be off because of the solver (absent when a row has no bound). */
  marginalSavingUncertaintyPerYear?: number;
  /** The saving is smaller than that uncertainty, or a compared row has no bound: the solver cannot tell it from nothing. */
  savingWithinUncertainty?: boolean;
  /** What to know before quoting the saving, in words (a hire who worked no shift; a saving within the solver's uncertainty). */
  savingNote?: string;
}

export interface WhatIfFigures {
  uncoveredByArea: Record<string, number>;
  uncoveredStaffHours: number;
  uncoveredDollars: number;
  /** Regular staff's overtime hours (PRN and agency overtime is in their pay, `agencyDollars`). */
  overtimeHours: number;
  /** Regular staff's overtime hours × 1.5 × each person's base rate: the full price of those hours. */
  overtimeDollars: number;
  /** Paid hours of PRN and agency people (staff with FTE 0 among them). */
  agencyHours: number;
  /** Everything paid to PRN and agency people. */
  agencyDollars: number;
  /** The checker's labor cost: regular pay, differentials and overtime premium, everyone. */
  laborDollars: number;
  /** Of which paid to the hypothetical hires. */
  hireDollars: number;
  /** Paid hours of the hypothetical hires. */
  hireHours: number;
  /** Hypothetical hires who worked no shift: with one, the schedule is one for a hire fewer and the last hire saves nothing. */
  idleHires: number;
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
  /** Added to the input's labor-dollar cap per hire: the hire's wages over the horizon (absent without a cap). */
  laborCapRaisePerHire?: number;
  rows: WhatIfRow[];
  /** Hires whose marginal saving each pays for the position, counted from the first (absent: see `noRecommendation`). */
  recommendedHires?: number;
  /**
   * The recommendation is the last count tried, every position tried paying for itself: the count worth
   * hiring is at least `recommendedHires` and may be more (false when there is no recommendation).
   */
  capped: boolean;
  /** Why there is no recommendation, when there is none, in words ending with what to do. */
  noRecommendation?: string;
  /** True when every solve was proven optimal, so differences between rows are not solver noise. */
  allOptimal: boolean;
}

function figuresOf(input: PlanningInput, e: Explanation, uncoveredValue: Record<RoleFamily, number>): WhatIfFigures {
  const members = new Map(input.staff.map((s) => [s.id, s]));
  const uncoveredByArea: Record<string, number> = Object.fromEntries(input.areas.map((a) => [a.id, 0]));
  let uncoveredDollars = 0;
  for (const line of e.coverage) {
    uncoveredByArea[line.area] = (uncoveredByArea[line.area] ?? 0) + line.uncoveredStaffHours;
    uncoveredDollars += line.uncoveredStaffHours * (uncoveredValue[line.roleFamily as RoleFamily] ?? 0);
  }
  let overtimeHours = 0, overtimeDollars = 0, agencyHours = 0, agencyDollars = 0, hireDollars = 0, hireHours = 0, idleHires = 0;
  for (const s of e.staff) {
    const member = members.get(s.staff)!;
    const pay = s.regularDollars + s.differentialDollars + s.overtimePremiumDollars;
    // A PRN or agency person's overtime is already in their pay: counted there, not twice. FTE 0 is PRN.
    if (isRegular(member)) {
      overtimeHours += s.overtimeHours;
      overtimeDollars += s.overtimeHours * member.hourlyRate * (1 + OVERTIME_PREMIUM);
    } else {
      agencyHours += s.paidHours;
      agencyDollars += pay;
    }
    if (s.staff.startsWith(HIRE_ID_PREFIX)) {
      hireDollars += pay;
      hireHours += s.paidHours;
      if (s.shifts === 0) idleHires++;
    }
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
    agencyHours,
    agencyDollars,
    laborDollars: e.cost.totalDollars,
    hireDollars,
    hireHours,
    idleHires,
    avoidableDollars: overtimeDollars + agencyDollars + uncoveredDollars,
    budgetUse,
  };
}

/** One count's outcome, with another count's schedule when that was cheaper than what the solve found. */
type CountOutcome = OptimizeOutcome & { keptPreviousSchedule?: true; fromOneHireMore?: true };

/**
 * The outcome, or `schedule` (another count's, made one of this count) when the checker finds it keeps
 * every hard rule and prices it below what the solve returned, or the solve returned nothing; with the
 * solve's bound, which holds for any schedule of this count.
 */
function cheaperOf(prepared: Prepared, outcome: CountOutcome, schedule: Schedule, from: "one hire fewer" | "one hire more"): CountOutcome {
  const carried = explain(prepared, schedule);
  const found = outcome.objective ?? outcome.explanation?.total;
  if (!carried.feasible || (found !== undefined && found <= carried.total + 1e-6 * Math.max(1, Math.abs(carried.total)))) return outcome;
  const bound = outcome.bound === undefined ? undefined : Math.min(outcome.bound, carried.total);
  return {
    status: outcome.status === "optimal" ? "optimal" : "feasible",
    engine: outcome.engine,
    seconds: outcome.seconds,
    model: outcome.model,
    schedule,
    explanation: carried,
    objective: carried.total,
    ...(bound !== undefined ? { bound, gap: relativeGap(carried.total, bound) } : {}),
    ...(outcome.warnings ? { warnings: outcome.warnings } : {}),
    ...(from === "one hire fewer" ? { keptPreviousSchedule: true as const } : { fromOneHireMore: true as const }),
  };
}

/**
 * Solves one count from the schedule for one hire fewer. That schedule, the new hire idle, keeps every
 * hard rule the solve for one hire fewer kept (a hire's hours are a soft band) unless the checker says
 * otherwise; when it is cheaper than what the search returned, or the search returned nothing, it is kept.
 */
async function solveCount(prepared: Prepared, previous: Schedule | undefined, options: WhatIfOptions, timeLimitSeconds: number): Promise<CountOutcome> {
  const outcome = await (options.optimizer ?? optimize)(prepared, {
    timeLimitSeconds,
    ...(options.relativeGap !== undefined ? { relativeGap: options.relativeGap } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(previous ? { warmStart: previous } : {}),
  });
  return previous ? cheaperOf(prepared, outcome, previous, "one hire fewer") : outcome;
}

/** Objective − bound in dollars; from the gap when only it is known; 0 for a proof; absent without a bound. */
export function uncertaintyOf(o: OptimizeOutcome): number | undefined {
  if (o.objective === undefined) return o.status === "optimal" ? 0 : undefined;
  if (o.bound !== undefined) return Math.max(0, o.objective - o.bound);
  if (o.gap !== undefined) return o.gap * Math.abs(o.objective);
  return o.status === "optimal" ? 0 : undefined;
}

function rowOf(k: number, scenario: PlanningInput, outcome: CountOutcome, uncoveredValue: Record<RoleFamily, number>): WhatIfRow {
  const uncertaintyDollars = uncertaintyOf(outcome);
  return {
    hires: k,
    status: outcome.status,
    ...(outcome.gap !== undefined ? { gap: outcome.gap } : {}),
    ...(outcome.objective !== undefined ? { objective: outcome.objective } : {}),
    ...(outcome.bound !== undefined ? { bound: outcome.bound } : {}),
    ...(uncertaintyDollars !== undefined ? { uncertaintyDollars } : {}),
    seconds: outcome.seconds,
    ...(outcome.warnings ? { warnings: outcome.warnings } : {}),
    ...(outcome.keptPreviousSchedule ? { keptPreviousSchedule: true as const } : {}),
    ...(outcome.fromOneHireMore ? { fromOneHireMore: true as const } : {}),
    ...(outcome.explanation ? { figures: figuresOf(scenario, outcome.explanation, uncoveredValue) } : {}),
    ...(outcome.status === "infeasible" ? { conflicts: outcome.conflicts ?? [], ...(outcome.conflictsComplete !== undefined ? { conflictsComplete: outcome.conflictsComplete } : {}) } : {}),
  };
}

/** Solves 0 … maxHires hires in turn; returns the view and today's staff's schedule (for the demand chart). */
export async function runWhatIf(input: PlanningInput, options: WhatIfOptions): Promise<{ view: WhatIfView; baseline?: Schedule }> {
  const { hire, maxHires } = options;
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  const prepared: Prepared[] = [];
  const outcomes: CountOutcome[] = [];
  let previous: Schedule | undefined;
  for (let k = 0; k <= maxHires; k++) {
    prepared.push(prepare(withHires(input, hire, k)));
    const outcome = await solveCount(prepared[k]!, previous, options, timeLimitSeconds);
    options.onSolved?.(k, outcome);
    outcomes.push(outcome);
    // Without a schedule for this count the next starts from the last one there is, two hires idle.
    previous = outcome.schedule ?? previous;
  }
  // From the most hires down, so a schedule found for 3 hires can stand for 2, then 1, then 0. Every hire
  // is tried as the one taken out: hires are alike, but the search does not give them alike shifts.
  for (let k = maxHires; k >= 1; k--) {
    const schedule = outcomes[k]!.schedule;
    for (let j = 1; schedule && j <= k; j++) outcomes[k - 1] = cheaperOf(prepared[k - 1]!, outcomes[k - 1]!, withoutHire(schedule, j), "one hire more");
  }
  const rows = outcomes.map((o, k) => rowOf(k, prepared[k]!.input, o, options.uncoveredStaffHourDollars));
  const baseline = outcomes[0]!.schedule;
  const annualFactor = PERIODS_PER_YEAR / payPeriodsOf(input);
  addMarginalSavings(rows, annualFactor);
  const positionCostPerYear = hire.hourlyRate * hire.fte * HOURS_PER_FTE_PERIOD * PERIODS_PER_YEAR * (1 + options.benefitsLoad);
  const advice = recommend(rows, { positionCostPerYear, timeLimitSeconds });
  const cap = input.budget.laborDollars;
  return {
    view: {
      hire,
      positionCostPerYear,
      annualFactor,
      timeLimitSeconds,
      ...(cap !== undefined ? { laborCapRaisePerHire: hireWagesOverHorizon(input, hire) } : {}),
      rows,
      ...("recommendedHires" in advice ? { recommendedHires: advice.recommendedHires, capped: advice.capped } : { noRecommendation: advice.noRecommendation, capped: false }),
      allOptimal: rows.every((r) => r.status === "optimal"),
    },
    ...(baseline ? { baseline } : {}),
  };
}
