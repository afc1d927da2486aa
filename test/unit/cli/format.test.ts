/**
 * The CLI's solve output: the summary (each warning under its status, control characters in conflicts shown
 * as escapes) and the progress lines (first schedule and bound at once, then every 5 s; each step of a
 * conflict search as it begins).
 */
import { describe, expect, it } from "vitest";
import { formatSolveSummary, progressPrinter } from "../../../src/cli/format.js";
import { world } from "../../fixtures/world.js";

describe("rxroster solve summary", () => {
  it("prints each warning of the solve under its status", () => {
    const warnings = ["2 of the search's solves failed and were left out, the first: boom"];
    const out = formatSolveSummary(world(), { status: "timedout", engine: "highs", seconds: 3, model: { columns: 1, rows: 1, nonzeros: 1 }, warnings }, "out");
    expect(out.split("\n").slice(1, 3)).toEqual(["Status: timedout, 3.0 s", `Warning: ${warnings[0]}`]);
  });

  it("shows control characters in the conflicts of an infeasible solve as escapes", () => {
    const conflicts = [{ rules: ["leave.approved" as const], locked: false, history: false, subjects: { staff: "A" }, sides: ["approved leave"], message: "Ann\u001b[2J\nX is on leave", proven: true }];
    const out = formatSolveSummary(world(), { status: "infeasible", engine: "highs", seconds: 1, model: { columns: 1, rows: 1, nonzeros: 1 }, conflicts, conflictsComplete: true }, "out");
    expect(out.split("\n").at(-1)).toBe("  - Ann\\u001b[2J\\u000aX is on leave [leave.approved]");
  });
});

describe("solve progress lines", () => {
  it("prints a line as each step of an infeasible solve's conflict search begins, and within a step as often as the solve's", () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    print({ elapsedSeconds: 4.3 });
    print({ elapsedSeconds: 15.1, conflictSearch: { step: "people", done: 0, of: 56 } });
    print({ elapsedSeconds: 15.4, conflictSearch: { step: "people", done: 1, of: 56 } });
    print({ elapsedSeconds: 20.2, conflictSearch: { step: "people", done: 40, of: 56 } });
    print({ elapsedSeconds: 21.0, conflictSearch: { step: "narrowing", done: 0, of: 12 } });
    print({ elapsedSeconds: 21.5, conflictSearch: { step: "narrowing", done: 1, of: 12 } });
    print({ elapsedSeconds: 24.9, conflictSearch: { step: "department", done: 0, of: 1 } });
    expect(lines).toEqual([
      "  4.3 s  incumbent -  bound -  gap -",
      "  15.1 s  no schedule found; checking each person's hard rules alone: 0 of 56 people checked",
      "  20.2 s  no schedule found; checking each person's hard rules alone: 40 of 56 people checked",
      "  21.0 s  narrowing the conflicting rules: 0 of 12 people who cannot be scheduled done",
      "  24.9 s  looking at the department-wide rules (budget caps, staffing lines, fairness) over everyone else",
    ]);
  });

  it("prints the first schedule and the first bound at once, then one line once 5 s of the solve have passed since the last", () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    print({ elapsedSeconds: 0.3 });
    print({ elapsedSeconds: 0.6, incumbent: 4908491.25 });
    print({ elapsedSeconds: 1.2, incumbent: 4665446 });
    print({ elapsedSeconds: 5.5, incumbent: 3702631 });
    print({ elapsedSeconds: 5.7, incumbent: 3688545 });
    print({ elapsedSeconds: 18.7, incumbent: 972820, bound: 727222, gap: 0.2525 });
    print({ elapsedSeconds: 19.0, incumbent: 950402, bound: 727222, gap: 0.2348 });
    print({ elapsedSeconds: 23.7, incumbent: 929538, bound: 727222, gap: 0.2177 });
    print({ elapsedSeconds: 23.8, incumbent: 925994, bound: 727222, gap: 0.2147 });
    expect(lines).toEqual([
      "  0.3 s  incumbent -  bound -  gap -",
      "  0.6 s  incumbent 4,908,491.25  bound -  gap -",
      "  5.7 s  incumbent 3,688,545.00  bound -  gap -",
      "  18.7 s  incumbent 972,820.00  bound 727,222.00  gap 25.25 %",
      "  23.7 s  incumbent 929,538.00  bound 727,222.00  gap 21.77 %",
    ]);
  });
});
