import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LinearModel } from "../../../solver/model/linear-model.js";
import { buildModel } from "../../../solver/model/build.js";
import { loadHighsEngine } from "../../../solver/engines/highs.js";
import { expandSolution, restrictModel } from "../../../solver/search/restrict.js";
import { prepare } from "../../../src/pipeline.js";
import { smallWorld } from "../../fixtures/small-world.js";

describe("restrictModel", () => {
  it("solves to the same optimum as the whole model with the same columns fixed by bounds", async () => {
    const prepared = prepare(smallWorld(5));
    const { model, ctx } = buildModel(prepared.input, prepared.grid, prepared.demand);
    const engine = await loadHighsEngine();
    const whole = engine.solve(model, { relativeGap: 0 }, {});
    // Fix the first person's assignment columns and every column of days 0–1 at the optimum's values.
    const fixed = new Float64Array(model.numCols).fill(NaN);
    ctx.staff.forEach((person, p) =>
      person.byDay.forEach((shifts, d) => shifts.forEach(({ column }) => (p === 0 || d < 2 ? (fixed[column] = Math.round(whole.values![column]!)) : undefined))),
    );
    const fixedCount = fixed.filter((v) => !Number.isNaN(v)).length;
    expect(fixedCount).toBeGreaterThan(0);
    const part = restrictModel(model, fixed);
    expect(part.model.numCols).toBe(model.numCols - fixedCount);
    expect(part.model.rowColumns.length).toBeLessThan(model.rowColumns.length);

    const bounded = { ...model, colLower: Float64Array.from(model.colLower), colUpper: Float64Array.from(model.colUpper) };
    fixed.forEach((v, j) => (Number.isNaN(v) ? undefined : ((bounded.colLower[j] = v), (bounded.colUpper[j] = v))));
    const byBounds = engine.solve(bounded, { relativeGap: 0 }, {});
    const restricted = engine.solve(part.model, { relativeGap: 0 }, {});
    expect(restricted.status).toBe("optimal");
    expect(restricted.objective!).toBeCloseTo(byBounds.objective!, 6);
    // Fixing at the optimum's values leaves the optimum reachable.
    expect(restricted.objective!).toBeCloseTo(whole.objective!, 6);

    const expanded = expandSolution(part, fixed, restricted.values!);
    const objective = model.offset + model.colCost.reduce((sum, c, j) => sum + c * expanded[j]!, 0);
    expect(objective).toBeCloseTo(restricted.objective!, 6);
  });

  it("keeps a row its fixed columns break, so the restricted model is infeasible as the whole one would be", async () => {
    // Ann must work 2400 paid minutes (hard); with every assignment fixed at 0 no schedule keeps that.
    const input = smallWorld(5);
    const prepared = prepare({ ...input, staff: input.staff.map((s) => (s.id === "A" ? { ...s, contract: { ...s.contract, minMinutesPerHorizon: 2400 } } : s)) });
    const { model, ctx } = buildModel(prepared.input, prepared.grid, prepared.demand);
    const fixed = new Float64Array(model.numCols).fill(NaN);
    for (const person of ctx.staff) for (const shifts of person.byDay) for (const { column } of shifts) fixed[column] = 0;
    const part = restrictModel(model, fixed);
    expect(part.model.rowNames.some((name) => name.startsWith("hours.horizon-band[A]"))).toBe(true);
    const engine = await loadHighsEngine();
    expect(engine.solve(part.model, { relativeGap: 0 }, {}).status).toBe("infeasible");
  });

  it("keeps each row's activity and the objective of every point, moving the fixed columns' part into the bounds and offset", () => {
    // A random sparse model, random columns fixed, and a random value for each free column: the
    // restricted model's rows and objective at that point are the whole model's, less the fixed part.
    const arbitrary = fc
      .record({ cols: fc.integer({ min: 1, max: 8 }), rows: fc.integer({ min: 0, max: 8 }) })
      .chain(({ cols, rows }) =>
        fc.record({
          cols: fc.constant(cols),
          cost: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: cols, maxLength: cols }),
          matrix: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          bounds: fc.array(fc.tuple(fc.integer({ min: -10, max: 0 }), fc.integer({ min: 0, max: 10 })), { minLength: rows, maxLength: rows }),
          fixedAt: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), { minLength: cols, maxLength: cols }),
          point: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: cols, maxLength: cols }),
          offset: fc.integer({ min: -5, max: 5 }),
        }),
      );
    fc.assert(
      fc.property(arbitrary, ({ cols, cost, matrix, bounds, fixedAt, point, offset }) => {
        const rowStarts = [0];
        const rowColumns: number[] = [];
        const rowCoefficients: number[] = [];
        for (const row of matrix) {
          row.forEach((a, j) => (a !== 0 ? (rowColumns.push(j), rowCoefficients.push(a)) : undefined));
          rowStarts.push(rowColumns.length);
        }
        const model: LinearModel = {
          numCols: cols,
          numRows: matrix.length,
          colNames: cost.map((_, j) => `x${j}`),
          colLower: new Float64Array(cols),
          colUpper: new Float64Array(cols).fill(2),
          colCost: Float64Array.from(cost),
          colInteger: new Uint8Array(cols).fill(1),
          rowNames: matrix.map((_, r) => `r${r}`),
          rowLower: Float64Array.from(bounds, ([lower]) => lower),
          rowUpper: Float64Array.from(bounds, ([, upper]) => upper),
          rowStarts: Int32Array.from(rowStarts),
          rowColumns: Int32Array.from(rowColumns),
          rowCoefficients: Float64Array.from(rowCoefficients),
          offset,
        };
        const fixed = Float64Array.from(fixedAt, (v) => v ?? NaN);
        const part = restrictModel(model, fixed);
        const x = expandSolution(part, fixed, Float64Array.from(part.columns, (j) => point[j]!));
        expect(Array.from(part.columns)).toEqual(fixedAt.flatMap((v, j) => (v === undefined ? [j] : [])));
        expect(Array.from(x)).toEqual(fixedAt.map((v, j) => v ?? point[j]!));
        const activity = (m: LinearModel, r: number, at: (j: number) => number): number => {
          let sum = 0;
          for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) sum += m.rowCoefficients[k]! * at(m.rowColumns[k]!);
          return sum;
        };
        const objective = (m: LinearModel, at: (j: number) => number): number => m.colCost.reduce((sum, c, j) => sum + c * at(j), m.offset);
        expect(objective(part.model, (i) => point[part.columns[i]!]!)).toBe(objective(model, (j) => x[j]!));
        // Each row kept holds at the point exactly when the whole model's row does; a row left out is one
        // of fixed columns only that holds.
        let kept = 0;
        for (let r = 0; r < model.numRows; r++) {
          const whole = activity(model, r, (j) => x[j]!);
          const holds = whole >= model.rowLower[r]! && whole <= model.rowUpper[r]!;
          if (part.model.rowNames[kept] === model.rowNames[r]) {
            const restricted = activity(part.model, kept, (i) => point[part.columns[i]!]!);
            expect(restricted >= part.model.rowLower[kept]! && restricted <= part.model.rowUpper[kept]!).toBe(holds);
            expect(whole - restricted).toBe(model.rowLower[r]! - part.model.rowLower[kept]!);
            kept++;
          } else {
            expect(holds).toBe(true);
            expect(matrix[r]!.every((a, j) => a === 0 || fixedAt[j] !== undefined)).toBe(true);
          }
        }
        expect(kept).toBe(part.model.numRows);
      }),
    );
  });
});
