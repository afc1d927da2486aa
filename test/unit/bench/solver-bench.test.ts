/**
 * `npm run bench` and its helpers on their arguments, without solving anything: each case's time limit
 * follows --time-limit, and a bad argument ends in one line naming it, exit 2, before anything is built.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { caseRow, limitsLine, parseSolverBenchArgs, SOLVER_BENCH_HEADER, type SolverBenchCase } from "../../../bench/solver-cases.js";

const run = (script: string, ...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" });

const limits = (args: string[]): string[] => {
  const parsed = parseSolverBenchArgs(args);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.cases.map((c) => `${c.which}×${c.days} ${c.engine} ${c.search} ${c.timeLimitSeconds}`);
};

describe("npm run bench: each case's time limit", () => {
  it("keeps the measured defaults: 60 s, the 120-staff case 300 s", () => {
    expect(limits([])).toEqual([
      "demo×30 highs neighbourhoods 60",
      "demo×30 highs whole 60",
      "30×28 highs neighbourhoods 60",
      "60×31 highs neighbourhoods 60",
      "120×28 highs neighbourhoods 300",
      "6×7 highs neighbourhoods 60",
      "6×7 jslp whole 60",
    ]);
  });

  it("gives a shorter --time-limit to every case, the small model on both engines included", () => {
    expect(limits(["--time-limit", "5"]).map((c) => c.split(" ").pop())).toEqual(["5", "5", "5", "5", "5", "5", "5"]);
    expect(limits(["--quick", "--time-limit", "5"])).toEqual(["demo×30 highs neighbourhoods 5", "10×7 highs neighbourhoods 5", "10×7 jslp whole 5"]);
  });

  it("caps the small model on both engines at 60 s under a longer limit", () => {
    expect(limits(["--time-limit", "300"]).slice(-2)).toEqual(["6×7 highs neighbourhoods 60", "6×7 jslp whole 60"]);
  });

  it("says above the table every case whose limit is not the one given", () => {
    const line = (args: string[]): string => {
      const parsed = parseSolverBenchArgs(args);
      if (!parsed.ok) throw new Error(parsed.message);
      return limitsLine(parsed.timeLimitSeconds, parsed.cases);
    };
    expect(line([])).toBe("time limit 60 s (120 staff: 300 s)");
    expect(line(["--time-limit", "10"])).toBe("time limit 10 s");
    expect(line(["--quick"])).toBe("time limit 60 s");
    expect(line(["--time-limit", "300"])).toBe("time limit 300 s (6 staff on both engines: 60 s)");
  });
});

describe("npm run bench: a case's row", () => {
  const sixStaff: SolverBenchCase = { which: "6", days: 7, timeLimitSeconds: 60, engine: "highs", search: "neighbourhoods" };
  const figures = { case: "6 staff", staff: 6, days: 7, engine: "highs", search: "neighbourhoods", columns: 3123, rows: 3161, nonzeros: 16443, status: "optimal", firstFeasibleSeconds: 0.97, firstObjective: 611078.875, objectiveAt10s: 474832, gap1Seconds: 5.92, seconds: 8.58, gap: 0.0000795, objective: 474832, hardViolations: 0, peakRssMiB: 471.2 };

  it("puts the case's figures in the table's columns", () => {
    const { row, failed } = caseRow(sixStaff, () => `a line before\n${JSON.stringify(figures)}\n`);
    expect(failed).toBe(false);
    expect(Object.fromEntries(SOLVER_BENCH_HEADER.map((h, i) => [h, row[i]]))).toEqual({
      case: "6 staff", "staff×days": "6×7", engine: "highs", search: "neighbourhoods", columns: "3123", rows: "3161", nonzeros: "16443", status: "optimal",
      "first feasible s": "1.0", "first objective": "611079", "objective at 10 s": "474832", "≤1% gap s": "5.9", "total s": "8.6", "final gap": "0.01 %",
      objective: "474832", "hard viol.": "0", "peak RSS MiB": "471",
    });
  });

  it("makes a case whose process failed a row of its own, status error, instead of ending the bench", () => {
    const crashed = caseRow(sixStaff, () => {
      throw new Error("Command failed: node --import tsx bench/solve-case.ts 6 7 60 highs neighbourhoods\nsolver worker exited");
    });
    expect(crashed.failed).toBe(true);
    expect(crashed.message).toBe("Command failed: node --import tsx bench/solve-case.ts 6 7 60 highs neighbourhoods");
    expect(crashed.row).toHaveLength(SOLVER_BENCH_HEADER.length);
    expect(crashed.row.slice(0, 4)).toEqual(["6 staff", "6×7", "highs", "neighbourhoods"]);
    expect(crashed.row[SOLVER_BENCH_HEADER.indexOf("status")]).toBe("error");
    expect(caseRow(sixStaff, () => "no figures\n")).toMatchObject({ failed: true, row: expect.arrayContaining(["error"]) });
  });
});

describe("npm run bench on bad arguments", () => {
  it.each([["abc"], ["0"], ["-5"], [""], ["1e999"]])("refuses --time-limit %j by name", (value) => {
    const parsed = parseSolverBenchArgs([`--time-limit=${value}`]);
    expect(parsed).toEqual({ ok: false, message: `--time-limit expects a positive number of seconds (got "${value}")` });
  });

  it.each([
    [["--bogus"], /^Unknown option '--bogus'\. Usage: npm run bench -- \[--time-limit S\] \[--quick\]$/],
    [["--time-limit"], /^Option '--time-limit <value>' argument missing\. Usage: /],
    [["--quick", "extra"], /^Unexpected argument 'extra'\. Usage: /],
    [["--time-limit", "-5"], /^Option '--time-limit' argument is ambiguous\. Usage: /],
  ])("refuses %j with the usage", (args, message) => {
    const parsed = parseSolverBenchArgs(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("exits 2 with one line before any case runs", () => {
    for (const args of [["--time-limit", "abc"], ["--bogus"]]) {
      const result = run("bench/solver.ts", ...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^bench: /);
    }
  });
});

describe("bench/solve-case.ts on bad arguments", () => {
  it.each([
    [["abc", "7", "5"], 'STAFF must be "demo" or a whole number above 0 (got "abc")'],
    [["6", "0", "5"], 'DAYS must be a whole number from 1 to 366 (got "0")'],
    [["6", "7", "abc"], 'TIME_LIMIT_S must be a positive number of seconds (got "abc")'],
    [["6", "7", "0"], 'TIME_LIMIT_S must be a positive number of seconds (got "0")'],
    [["6", "7", "5", "cplex"], 'the engine is highs or jslp and the search neighbourhoods or whole (got "cplex" "neighbourhoods")'],
  ])("exits 2 with one line for %j", (args, problem) => {
    const result = run("bench/solve-case.ts", ...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toBe(`solve-case: ${problem}; usage: tsx bench/solve-case.ts <demo|STAFF> <DAYS> <TIME_LIMIT_S> [highs|jslp] [neighbourhoods|whole]`);
  });
});

describe("bench:api and bench/calendar.ts, which take no arguments", () => {
  it.each([["bench/api.ts", "bench:api"], ["bench/calendar.ts", "bench/calendar.ts"]])("%s exits 2 with one line when given one", (script, name) => {
    const result = run(script, "--seconds", "5");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: takes no arguments \\(got "--seconds 5"\\)`));
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
