/**
 * The optimizer on real benchmark instances, judged by the independent evaluator: the roster that
 * `optimize()` returns for an imported instance breaks no benchmark rule, and the evaluator's penalty, the
 * project checker's total and the MIP objective are one number; a proven optimum is the published one.
 * Instances 1 and 2 each solve to optimality in a few seconds (well under the 30 s limit given here).
 */
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import { importInstance, toRosterAssignments } from "../../../bench/curtois/import.js";
import { BEST_KNOWN } from "../../../bench/curtois/instance-file.js";
import { assertInstance } from "../../../bench/curtois/load.js";
import { optimize } from "../../../src/optimize.js";
import { prepare } from "../../../src/pipeline.js";

const TIME_LIMIT_SECONDS = 30;
/** Relative tolerance for "equal" between the evaluator, the checker and the MIP objective. */
const RELATIVE = 1e-6;

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(expected)));
}

describe("optimize() on Curtois–Qu instances, judged by the evaluator", () => {
  it.each([
    { instance: 1, optimum: 607 },
    { instance: 2, optimum: 828 },
  ])(
    "Instance$instance: a feasible roster whose penalty is the checker's total and the MIP objective ($optimum when optimal)",
    async ({ instance, optimum }) => {
      expect(BEST_KNOWN[instance]).toBe(optimum);
      const data = assertInstance(instance);
      const parsed = importInstance(data, { name: `Curtois–Qu instance ${instance}` });
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));

      const outcome = await optimize(prepare(parsed.value), { timeLimitSeconds: TIME_LIMIT_SECONDS });
      expect(["optimal", "feasible"]).toContain(outcome.status);
      expect(outcome.schedule).toBeDefined();
      expect(outcome.explanation).toBeDefined();
      expect(outcome.objective).toBeDefined();

      const evaluation = evaluateRoster(data, { assignments: toRosterAssignments(outcome.schedule!) });
      expect(evaluation.hardViolations).toEqual([]);
      expect(outcome.explanation!.feasible).toBe(true);
      expectClose(evaluation.penalty, outcome.explanation!.total);
      expectClose(evaluation.penalty, outcome.objective!);
      if (outcome.status === "optimal") expect(evaluation.penalty).toBe(optimum);
    },
    4 * TIME_LIMIT_SECONDS * 1000,
  );
});
