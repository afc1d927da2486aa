import { describe, expect, it, vi } from "vitest";
import { SolverSession } from "../../../solver/engines/run.js";
import type { EngineResult } from "../../../solver/engines/types.js";
import { ModelBuilder, type LinearModel } from "../../../solver/model/linear-model.js";
import { marketSplit } from "../../fixtures/market-split.js";

/** min Σ cost·x over binaries with Σ x ≥ need: the optimum is the `need` cheapest costs. */
function cheapest(costs: number[], need: number): LinearModel {
  const b = new ModelBuilder();
  const columns = costs.map((cost, j) => b.addColumn({ name: `x${j}`, cost, lower: 0, upper: 1, integer: true }));
  b.addRow("need", columns.map((column) => ({ column, coefficient: 1 })), need, Infinity);
  return b.build();
}

describe("a solver session keeps one worker for many solves", () => {
  it("answers each model in turn with its own optimum", async () => {
    const session = new SolverSession();
    try {
      const answers = [];
      for (const need of [1, 2, 3]) answers.push(await session.solve(cheapest([5, 3, 8, 1], need), { relativeGap: 0 }));
      expect(answers.map((a) => [a.status, a.objective])).toEqual([["optimal", 1], ["optimal", 4], ["optimal", 9]]);
    } finally {
      session.close();
    }
  });

  it("refuses a second solve while one runs, and starts a fresh worker after one was ended on cancel", async () => {
    const session = new SolverSession();
    try {
      const cancel = new AbortController();
      const running = session.solve(cheapest([2, 2, 2], 2), { signal: cancel.signal, endOnAbort: true });
      await expect(session.solve(cheapest([1], 1))).rejects.toThrow(/one solve at a time/);
      cancel.abort();
      expect(await running).toMatchObject({ status: "timedout", detail: "cancelled" });
      const after = await session.solve(cheapest([4, 6], 1), { relativeGap: 0 });
      expect([after.status, after.objective]).toEqual(["optimal", 4]);
    } finally {
      session.close();
    }
  });

  it("answers a solve whose time was up before it began (a search's last merge), instead of failing the worker", async () => {
    const session = new SolverSession();
    try {
      // HiGHS refuses a negative time_limit with an exception, which once ended a search at its last second.
      const late = await session.solve(cheapest([5, 3], 1), { timeLimitSeconds: -0.3 });
      expect(["optimal", "feasible", "timedout"]).toContain(late.status);
      const next = await session.solve(cheapest([5, 3], 1), { relativeGap: 0 });
      expect([next.status, next.objective]).toEqual(["optimal", 3]);
    } finally {
      session.close();
    }
  });

  it("ends a worker whose engine runs past its limit once the grace a solve allows is over", async () => {
    const session = new SolverSession();
    try {
      // HiGHS told to take 100,000 s (as it overruns a month's limit by seconds between its steps), the
      // limit 1 s, no grace. This thread's timers are faked: at 999 ms of their clock the solve has not
      // answered, at 1 s it has, its worker ended from outside, on however slow a machine.
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      let late: EngineResult | Error | undefined;
      void session.solve(marketSplit(), { timeLimitSeconds: 1, graceSeconds: 0, engineOptions: { time_limit: 100_000 } }).then(
        (answer) => (late = answer),
        (error: Error) => (late = error),
      );
      const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(999);
      await settled();
      expect(late).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await settled();
      expect(late).toMatchObject({ status: "timedout", detail: "highs overran its 1 s limit and was ended" });
      vi.useRealTimers();
      const next = await session.solve(cheapest([5, 3], 1), { relativeGap: 0 });
      expect([next.status, next.objective]).toEqual(["optimal", 3]);
    } finally {
      vi.useRealTimers();
      session.close();
    }
  });

  it("keeps its worker between solves, unless the engine holds more memory than it may keep", async () => {
    const kept = new SolverSession();
    const recycled = new SolverSession("highs", { recycleAboveBytes: 1 });
    try {
      await kept.solve(cheapest([5, 3], 1));
      const thread = kept.threadId;
      expect(thread).toBeDefined();
      await kept.solve(cheapest([5, 3], 2));
      expect(kept.threadId).toBe(thread);
      // HiGHS always holds more than a byte: the worker is ended after each solve, and the next starts another.
      const first = await recycled.solve(cheapest([5, 3], 1), { relativeGap: 0 });
      expect(recycled.threadId).toBeUndefined();
      const second = await recycled.solve(cheapest([5, 3], 2), { relativeGap: 0 });
      expect([first.objective, second.objective]).toEqual([3, 8]);
      expect(recycled.threadId).toBeUndefined();
    } finally {
      kept.close();
      recycled.close();
    }
  });

  it("answers infeasible, not optimal, a model with no columns whose row cannot hold at 0 (every shift forbidden to someone with a minimum of hours)", async () => {
    const session = new SolverSession();
    try {
      const b = new ModelBuilder();
      b.addRow("minimum", [], 2400, Infinity);
      expect(await session.solve(b.build())).toMatchObject({ status: "infeasible", detail: expect.stringMatching(/row minimum = 0 outside \[2400, Infinity\]/) });
      const fine = new ModelBuilder();
      fine.addRow("maximum", [], -Infinity, 2400);
      expect(await session.solve(fine.build())).toMatchObject({ status: "optimal", objective: 0 });
    } finally {
      session.close();
    }
  });
});
