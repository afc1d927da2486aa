/**
 * The min/max envelope of a linear quantity (hours in a pay period, minutes over the horizon, labor
 * dollars): hard, bounds on one aggregated row; soft, a priced shortfall column under the minimum and a
 * priced excess column over the maximum, so that at the optimum they equal max(0, min − Q) and
 * max(0, Q − max) exactly as the checks measure them. Q = Σ terms + a constant known before the solve.
 */
import type { RuleId, Subjects } from "../../models/index.js";
import { penaltyColumn, penaltyConstant, type BuildContext } from "./build-context.js";
import type { Term } from "./linear-model.js";

export interface Band {
  /** The quantity is Σ terms + constant. */
  terms: Term[];
  constant?: number;
  /** No minimum when undefined. */
  min?: number | undefined;
  /** No maximum when undefined. */
  max?: number | undefined;
  /**
   * The most Σ terms can reach, when known (`binaryReach` for terms on x): no excess column or row is made
   * when the quantity cannot exceed the maximum. Default Infinity (unknown).
   */
  reach?: number;
}

/** Σ of the positive coefficients: the most a sum of binaries can reach. */
export function binaryReach(terms: readonly Term[]): number {
  return terms.reduce((sum, t) => sum + Math.max(0, t.coefficient), 0);
}

/** Rows (hard) or priced slacks (soft, `weight` per unit outside the band) for one band. */
export function buildBand(ctx: BuildContext, rule: { id: RuleId; hard: boolean }, name: string, subjects: Subjects, weight: number, band: Band): void {
  const constant = band.constant ?? 0;
  const low = constant + band.terms.reduce((sum, t) => sum + Math.min(0, t.coefficient), 0);
  const high = constant + (band.terms.length === 0 ? 0 : (band.reach ?? Infinity));
  const under = band.min !== undefined && band.min > low ? band.min - constant : undefined;
  const over = band.max !== undefined && band.max < high ? band.max - constant : undefined;
  if (under === undefined && over === undefined) return;
  if (rule.hard) {
    // An empty row with impossible bounds makes the model infeasible, as the check finds every schedule.
    ctx.builder.addRow(name, band.terms, under ?? -Infinity, over ?? Infinity);
    return;
  }
  if (weight === 0) return;
  if (under !== undefined) {
    if (band.terms.length === 0) penaltyConstant(ctx, rule.id, subjects, under * weight);
    else ctx.builder.addRow(`${name}-under`, [...band.terms, { column: penaltyColumn(ctx, rule.id, subjects, weight), coefficient: 1 }], under, Infinity);
  }
  if (over !== undefined) {
    if (band.terms.length === 0) penaltyConstant(ctx, rule.id, subjects, -over * weight);
    else ctx.builder.addRow(`${name}-over`, [...band.terms, { column: penaltyColumn(ctx, rule.id, subjects, weight), coefficient: -1 }], -Infinity, over);
  }
}
