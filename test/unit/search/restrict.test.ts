import { describe, expect, it } from "vitest";
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
});
