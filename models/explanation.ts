/**
 * What the checker says of a schedule: violations per rule, coverage, hours, overtime, cost, budget,
 * preferences, fairness and the weighted total. Shaped like zod issues: a stable code, subjects, a message.
 */
import type { RuleId } from "./rule-ids.js";

export interface Subjects {
  staff?: string;
  date?: string;
  template?: string;
  area?: string;
  roleFamily?: string;
  level?: string;
  /** Pay period, workweek or weekend first date, for rules on a span. */
  period?: string;
}

export interface Violation {
  rule: RuleId;
  hard: boolean;
  subjects: Subjects;
  /** How much the rule is broken by, in `unit`. */
  amount: number;
  unit: string;
  message: string;
  /** amount × weight for a soft rule; 0 for a hard one (a hard violation makes the schedule infeasible). */
  penalty: number;
}

/**
 * Hard rules that no schedule can keep all together, for one staff member (or, for rules over the whole
 * department, for nobody in particular): an irreducible set, found by relaxing rules one at a time, so
 * keeping any one of them less strictly would allow a schedule (when `proven`).
 */
export interface Conflict {
  /** The rules in conflict, in registry order; one alone when no schedule can keep it. */
  rules: RuleId[];
  /** True when the manager's locked assignments are one side of the conflict. */
  locked: boolean;
  /** True when the shifts the person worked before the horizon (their history) are one side. */
  history: boolean;
  /** `{ staff }`, or `{}` when the conflict is between department-wide rules. */
  subjects: Subjects;
  /** Each side in words, e.g. "approved leave (FMLA) 2026-03-02 to 2026-03-15". */
  sides: string[];
  /** One line a manager can act on. */
  message: string;
  /**
   * False when a relaxation test ran out of time: the rules listed cannot all hold (that was proven), but
   * the set may hold more than it needs to (the best found within the time limit).
   */
  proven: boolean;
}

export interface CoverageLine {
  area: string;
  roleFamily: string;
  requiredStaffHours: number;
  coveredStaffHours: number;
  uncoveredStaffHours: number;
  floorUncoveredStaffHours: number;
  overstaffedStaffHours: number;
  /** Covered share of required staff-hours, 0–100. */
  coveragePercent: number;
}

/** A person's paid hours in one workweek or pay period. */
export interface SpanHours {
  firstDate: string;
  /** Paid hours of the horizon's shifts in it. */
  hours: number;
  /**
   * Paid hours of the person's history (shifts worked before the horizon) in it, for a week or period that
   * starts before the horizon: overtime counts them (8/80's 80 h, weekly40's 40 h), `hours` does not, so
   * 48 h next to 8 h of overtime reads as 40 h before the horizon plus 48 h in it. 0 when there are none.
   */
  historyHours: number;
}

export interface StaffHours {
  staff: string;
  shifts: number;
  paidHours: number;
  nights: number;
  weekendsWorked: number;
  /** Per workweek of the horizon (`firstDate`: its first date in the horizon). */
  perWeek: SpanHours[];
  /** Per pay period of the horizon (`firstDate`: its first date in the horizon). */
  perPayPeriod: SpanHours[];
  overtimeHours: number;
  regularDollars: number;
  differentialDollars: number;
  overtimePremiumDollars: number;
}

export interface CostSummary {
  regularDollars: number;
  differentialDollars: number;
  overtimePremiumDollars: number;
  totalDollars: number;
  overtimeHours: number;
  agencyHours: number;
}

export interface BudgetUse {
  laborDollars?: { cap: number; used: number };
  overtimeHours?: { cap: number; used: number };
  agencyHours?: { cap: number; used: number };
}

export interface FairnessLine {
  level: string;
  measure: "weekends" | "nights";
  min: number;
  max: number;
  spread: number;
}

export interface RuleSummary {
  rule: RuleId;
  title: string;
  hard: boolean;
  count: number;
  /** The violations' amounts added up, in `unit`; absent when they are in different units (see `amounts`). */
  amount?: number;
  unit: string;
  /** The violations' amounts added up per unit (one entry per unit; none when the rule is kept). */
  amounts: { unit: string; amount: number }[];
  penalty: number;
}

export interface Explanation {
  /** True when no hard rule is broken. */
  feasible: boolean;
  /** Weighted total: labor cost × its weight plus every soft penalty. */
  total: number;
  violations: Violation[];
  rules: RuleSummary[];
  coverage: CoverageLine[];
  staff: StaffHours[];
  cost: CostSummary;
  budget: BudgetUse;
  fairness: FairnessLine[];
  requests: { total: number; granted: number; penalty: number };
}
