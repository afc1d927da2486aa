/**
 * The shape of a rule. Each file in `solver/rules/` exports one `RuleDefinition`; the registry in
 * `index.ts` lists them. `check` judges a decoded schedule from the input alone (it never reads MIP
 * variables); the model builder's `build` half joins it in the optimizer.
 */
import type { RuleId, ShiftInstance, Subjects, WeightKey } from "../../models/index.js";
import type { CheckContext } from "../check/context.js";
import type { BuildContext, StaffVars } from "../model/build-context.js";

export type ParamValue = number | boolean | string;

/** Why the coverage shortfall rules are never hard. */
export const COVERAGE_IS_SOFT = "coverage shortfall is always soft, so a schedule is always returned with every gap named (raise its weight instead)";

export interface RuleDefinition<P extends Record<string, ParamValue> = Record<string, ParamValue>> {
  id: RuleId;
  /** Human title, e.g. "At least 10 h rest between shifts". */
  title: string;
  /** The policy the rule encodes, in a sentence a manager would recognise. */
  policy: string;
  /** Hard unless the site says otherwise (a hard rule is never broken by a returned schedule). */
  hardByDefault: boolean;
  /**
   * More shifts can only break the rule more, never mend it: a break among some shifts is in every
   * schedule that holds them (so locked assignments that break it are bad input before any solve). Rules of
   * minimums (hours bands, minimum runs, complete weekends, a request to work) are not: more shifts may mend them.
   */
  monotone?: true;
  /** Why the rule may never be set hard (coverage shortfall: a schedule is always returned, gaps named). */
  alwaysSoft?: string;
  /** Unit of one penalty, e.g. "day", "minute", "staff-hour". */
  unit: string;
  /** The weights-table entry pricing one unit when the rule is soft. */
  weightKey: WeightKey;
  /** Parameters with their defaults; the site overrides them in `rules.<id>.params` (numbers: finite, ≥ 0). */
  defaults: P;
  /** Parameters that count days, nights, weekends or minutes: whole numbers only. */
  whole?: readonly (keyof P & string)[];
  check(ctx: CheckContext, rule: ResolvedRule<P>): Finding[];
  /**
   * When the rule is hard: true if the person may never work this shift (no column is made for it).
   * Rules that decide a shift alone (eligibility, leave, a template forbidden by contract, a clash with
   * history) say so here; the model is smaller and the LP tighter than with a row.
   */
  forbids?(ctx: BuildContext, person: StaffVars, shift: ShiftInstance, rule: ResolvedRule<P>): boolean;
  /** Adds the rule's rows and tagged penalties to the model (hard: rows; soft: penalized slack). */
  build(ctx: BuildContext, rule: ResolvedRule<P>): void;
}

/** A rule as configured for one run: defaults merged with the site's settings. */
export interface ResolvedRule<P extends Record<string, ParamValue> = Record<string, ParamValue>> {
  id: RuleId;
  enabled: boolean;
  hard: boolean;
  /** Penalty per unit (from the weights table unless the site set one). */
  weight: number;
  params: P;
}

/** What a rule's check reports; the explainer adds the rule id, unit, hardness and penalty. */
export interface Finding {
  subjects: Subjects;
  amount: number;
  message: string;
  /** Penalty per unit for this finding when it differs from the rule's (weighted requests, slot lines). */
  weight?: number;
  /** The amount's unit when it differs from the rule's (`budget.cap`: dollars or hours). */
  unit?: string;
}
