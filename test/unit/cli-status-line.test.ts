/** The status line of `rxroster solve`: a schedule with no bound says so, where a gap would be. */
import { describe, expect, it } from "vitest";
import { formatSolveSummary } from "../../src/cli/format.js";
import { world } from "../fixtures/world.js";

const model = { columns: 1, rows: 1, nonzeros: 1 };
const statusLine = (outcome: Parameters<typeof formatSolveSummary>[1]): string => formatSolveSummary(world(), outcome, "out").split("\n")[1]!;

describe("the solve's status line", () => {
  it("says 'no bound' of a schedule the solve found no bound for, so the missing gap is explained", () => {
    expect(statusLine({ status: "feasible", engine: "highs", seconds: 60, firstFeasibleSeconds: 1.6, model })).toBe("Status: feasible, no bound, 60.0 s (first schedule after 1.6 s)");
  });

  it("gives the gap instead when there is a bound", () => {
    expect(statusLine({ status: "feasible", engine: "highs", seconds: 60, firstFeasibleSeconds: 1.6, gap: 0.02, bound: 98, objective: 100, model })).toBe("Status: feasible, gap 2.00 %, 60.0 s (first schedule after 1.6 s)");
  });
});
