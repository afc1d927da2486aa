/**
 * Exactness of a neighbourhood's restricted model (`solver/search/restrict.ts`) on random small linear
 * models: with any columns fixed, at any values of the free ones, the restricted model's objective (offset
 * included) is the whole model's at the expanded solution, and each of its rows is as far inside or
 * outside its bounds as the whole model's row it comes from; a row it dropped has no free column and holds.
 * Rows left with no free column, fixed values that break a row, equality rows, integer columns fixed at
 * fractional values and infinite bounds are all drawn. Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelBuilder, objectiveOf, type LinearModel } from "../../solver/model/linear-model.js";
import { expandSolution, restrictModel } from "../../solver/search/restrict.js";

const RUNS = 400;

/** A value as the search meets them: whole, halves, odd fractions, hours and minutes, signs either way. */
const valueArb = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, 1 / 3, 7.25, 480, 2400, -0.125, 1e-7), fc.double({ min: -1e3, max: 1e3, noNaN: true }));

const boundsArb: fc.Arbitrary<[number, number]> = fc.oneof(
  fc.tuple(valueArb, valueArb).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
  valueArb.map((v): [number, number] => [v, v]),
  valueArb.map((v): [number, number] => [v, Infinity]),
  valueArb.map((v): [number, number] => [-Infinity, v]),
  fc.constant<[number, number]>([-Infinity, Infinity]),
);

interface Case {
  model: LinearModel;
  /** NaN: free. */
  fixed: Float64Array;
  /** Values of the free columns, in the restricted model's order. */
  free: number[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    columns: fc.array(fc.record({ cost: valueArb, bounds: boundsArb, integer: fc.boolean(), fixedAt: fc.option(valueArb, { nil: undefined, freq: 2 }) }), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.record({ terms: fc.array(fc.tuple(fc.nat(7), valueArb), { maxLength: 6 }), bounds: boundsArb }), { maxLength: 6 }),
    offset: valueArb,
    freeValues: fc.array(valueArb, { minLength: 8, maxLength: 8 }),
  })
  .map(({ columns, rows, offset, freeValues }) => {
    const b = new ModelBuilder();
    columns.forEach((c, j) => b.addColumn({ name: `c${j}`, cost: c.cost, lower: c.bounds[0], upper: c.bounds[1], integer: c.integer }));
    rows.forEach((r, i) => b.addRow(`r${i}`, r.terms.filter(([j]) => j < columns.length).map(([column, coefficient]) => ({ column, coefficient })), r.bounds[0], r.bounds[1]));
    b.addOffset(offset);
    const fixed = Float64Array.from(columns, (c) => c.fixedAt ?? NaN);
    const freeCount = fixed.filter(Number.isNaN).length;
    return { model: b.build(), fixed, free: freeValues.slice(0, freeCount) };
  });

function activity(model: LinearModel, r: number, values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) sum += model.rowCoefficients[k]! * values[model.rowColumns[k]!]!;
  return sum;
}

/** Equal within rounding of sums of products of values up to about 2e6 (2400 × 1e3 at most). */
const close = (a: number, b: number): boolean => (a === b ? true : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) + 1e-6);

describe("a restricted model", () => {
  it("prices and bounds every extension of its solution as the whole model does", () => {
    // The edge cases met, counted, so that a narrower generator cannot skip them unseen.
    const met = { dropped: 0, brokenEmpty: 0, equalityShifted: 0, fractionalInteger: 0, infiniteBound: 0 };
    fc.assert(
      fc.property(caseArb, ({ model, fixed, free }) => {
        const part = restrictModel(model, fixed);
        const values = Float64Array.from(free);
        const whole = expandSolution(part, fixed, values);
        // Free columns keep their bounds, cost and integrality; fixed ones keep their values.
        expect([...part.columns]).toEqual([...fixed.keys()].filter((j) => Number.isNaN(fixed[j]!)));
        part.columns.forEach((j, i) => {
          expect([part.model.colLower[i], part.model.colUpper[i], part.model.colCost[i], part.model.colInteger[i]]).toEqual([model.colLower[j], model.colUpper[j], model.colCost[j], model.colInteger[j]]);
          expect(whole[j]).toBe(values[i]);
        });
        fixed.forEach((v, j) => Number.isNaN(v) || expect(whole[j]).toBe(v));
        if (fixed.some((v, j) => model.colInteger[j] && !Number.isInteger(v) && !Number.isNaN(v))) met.fractionalInteger++;
        expect(close(objectiveOf(part.model, values), objectiveOf(model, whole))).toBe(true);
        // Each row: the same distance to each finite bound, the same infinite ones; a dropped row holds.
        const kept = new Map(part.model.rowNames.map((name, i) => [name, i]));
        for (let r = 0; r < model.numRows; r++) {
          const i = kept.get(model.rowNames[r]!);
          const a = activity(model, r, whole);
          if (i === undefined) {
            met.dropped++;
            for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) expect(Number.isNaN(fixed[model.rowColumns[k]!]!)).toBe(false);
            expect(a >= model.rowLower[r]! - 1e-9 * Math.max(1, Math.abs(a)) && a <= model.rowUpper[r]! + 1e-9 * Math.max(1, Math.abs(a))).toBe(true);
            continue;
          }
          const p = activity(part.model, i, values);
          if (part.model.rowStarts[i + 1] === part.model.rowStarts[i]) met.brokenEmpty++;
          if (model.rowLower[r] === model.rowUpper[r] && part.model.rowLower[i] !== model.rowLower[r]) met.equalityShifted++;
          if (!Number.isFinite(model.rowLower[r]!) || !Number.isFinite(model.rowUpper[r]!)) met.infiniteBound++;
          for (const [wholeBound, partBound] of [[model.rowLower[r]!, part.model.rowLower[i]!], [model.rowUpper[r]!, part.model.rowUpper[i]!]] as const) {
            if (Number.isFinite(wholeBound)) expect(close(a - wholeBound, p - partBound)).toBe(true);
            else expect(partBound).toBe(wholeBound);
          }
        }
      }),
      { numRuns: RUNS },
    );
    for (const count of Object.values(met)) expect(count).toBeGreaterThan(10);
  });
});
