/**
 * Objective weights: one table, each with its reason. Largest first, as the design orders the objective:
 * uncovered floors, uncovered forecast demand, rule violations, labor cost, preferences, fairness.
 * A dollar of labor cost weighs 1, so every other weight reads as "dollars this is worth avoiding".
 */
import { z } from "zod";

export const WeightsSchema = z.object({
  /** A staff-hour below a minimum staffing floor: a safety gap, dearer than any overtime. */
  uncoveredFloorStaffHour: z.number().min(0).default(1000),
  /** A staff-hour of forecast work not covered: more than agency or overtime costs per hour (~$150). */
  uncoveredDemandStaffHour: z.number().min(0).default(300),
  /** A staff-hour on duty beyond demand: small, so that cost (not this) usually prevents it. */
  overstaffedStaffHour: z.number().min(0).default(1),
  /** A person short on a slot-demand line (when the line does not give its own weight). */
  slotUnderPerPerson: z.number().min(0).default(300),
  /** A person over on a slot-demand line (when the line does not give its own weight). */
  slotOverPerPerson: z.number().min(0).default(10),
  /** A unit of a soft labor rule broken (a day, a night, a weekend over its limit). */
  ruleViolationUnit: z.number().min(0).default(100),
  /** An hour outside a pay-period or horizon hours band, or over the weekly maximum. */
  hoursOutsideBandHour: z.number().min(0).default(50),
  /** A dollar of labor cost (regular pay, differentials, overtime premium). */
  laborDollar: z.number().min(0).default(1),
  /** A dollar, an overtime hour or an agency hour over the budget caps. */
  overBudgetUnit: z.number().min(0).default(5),
  /** Multiplies the weight a staff member gave a request. */
  requestWeightUnit: z.number().min(0).default(10),
  /** One weekend or night of spread (max − min) between people of one level. */
  fairnessSpreadUnit: z.number().min(0).default(20),
});
export type Weights = z.infer<typeof WeightsSchema>;
export type WeightKey = keyof Weights;
