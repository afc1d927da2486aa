import { describe, expect, it } from "vitest";
import { loadHighsEngine } from "../../../solver/engines/highs.js";
import { feasibleMarketSplit } from "../../fixtures/market-split.js";

describe("the HiGHS engine", () => {
  it("claims no bound when its time limit came before it had one, though it holds a schedule", async () => {
    const engine = await loadHighsEngine();
    const { model, solution } = feasibleMarketSplit();
    const warmStart = { indices: Int32Array.from(solution.keys()), values: solution };
    // No time at all: the warm start is its schedule, and nothing bounds it yet.
    const stopped = engine.solve(model, { timeLimitSeconds: 0, warmStart }, {});
    expect(stopped.status).toBe("feasible");
    expect(stopped.objective).toBeGreaterThan(0);
    expect([stopped.bound, stopped.gap]).toEqual([undefined, undefined]);
    // With a second, a bound of its own, below the schedule's price.
    const bounded = engine.solve(model, { timeLimitSeconds: 1, warmStart }, {});
    expect(bounded.bound!).toBeLessThan(bounded.objective!);
    expect(bounded.gap!).toBeGreaterThan(0);
  });
});
