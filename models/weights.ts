/**
 * Objective weights: one table, each with its reason. Largest first, as the design orders the objective:
 * uncovered floors, uncovered forecast demand, rule violations, labor cost, preferences, fairness.
 * A dollar of labor cost weighs 1, so every other weight reads as "dollars this is worth avoiding".
 */
import { z } from "zod";

/**
 * Largest penalty weight anywhere in the input (this table, rule and slot weights): far above any sensible
 * price, and small enough that a month's objective stays a finite number.
 */
export const MAX_WEIGHT = 1e5;
export const PenaltyWeightSchema = z.number().min(0).max(MAX_WEIGHT);
const weight = PenaltyWeightSchema;

export const WeightsSchema = z.strictObject({
  /** A staff-hour below a minimum staffing floor: a safety gap, dearer than any overtime. */
  uncoveredFloorStaffHour: weight.default(1000),
  /** A staff-hour of forecast work not covered: more than agency or overtime costs per hour (~$150). */
  uncoveredDemandStaffHour: weight.default(300),
  /** A staff-hour on duty beyond demand: small, so that cost (not this) usually prevents it. */
  overstaffedStaffHour: weight.default(1),
  /** A person short on a slot-demand line (when the line does not give its own weight). */
  slotUnderPerPerson: weight.default(300),
  /** A person over on a slot-demand line (when the line does not give its own weight). */
  slotOverPerPerson: weight.default(10),
  /** A unit of a soft labor rule broken (a day, a night, a weekend over its limit). */
  ruleViolationUnit: weight.default(100),
  /** An hour outside a pay-period or horizon hours band, or over the weekly maximum. */
  hoursOutsideBandHour: weight.default(50),
  /** A dollar of labor cost (regular pay, differentials, overtime premium). */
  laborDollar: weight.default(1),
  /** A dollar over the labor-dollar cap. */
  overBudgetUnit: weight.default(5),
  /**
   * An hour over the overtime-hours or agency/PRN-hours cap: like a soft labor-rule unit, so a cap keeps
   * hours off when cheaper cover exists, yet never leaves forecast work (300) uncovered to keep it.
   */
  overBudgetHour: weight.default(100),
  /** Multiplies the weight a staff member gave a request. */
  requestWeightUnit: weight.default(10),
  /** One weekend or night of spread (max − min) between people of one level. */
  fairnessSpreadUnit: weight.default(20),
  /**
   * A shift given to or taken from someone against the reference schedule (a re-solve after a call-out):
   * a change must bring at least an hour of forecast work covered (300) or save as much, so the fewest
   * people are moved; far below the work an open 8-h shift leaves uncovered (8 × 300), so it is filled.
   */
  changedAssignment: weight.default(300),
});
export type Weights = z.infer<typeof WeightsSchema>;
export type WeightKey = keyof Weights;
