/**
 * The optimizer on real benchmark instances, judged by the independent evaluator: the roster that
 * `optimize()` returns for an imported instance breaks no benchmark rule, and the evaluator's penalty, the
 * project checker's total and the MIP objective are one number, the published optimum. Instances 1 and 2
 * each solve to proven optimality in a few seconds; the 120 s limit is only a guard (a proof ends the solve).
 */
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import { importInstance, toRosterAssignments } from "../../../bench/curtois/import.js";
import { BEST_KNOWN } from "../../../bench/curtois/instance-file.js";
import { assertInstance } from "../../../bench/curtois/load.js";
import { optimize } from "../../../src/optimize.js";
import { prepare } from "../../../src/pipeline.js";

const TIME_LIMIT_SECONDS = 120;
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
    "Instance$instance: the published optimum $optimum, a roster whose penalty is the checker's total and the MIP objective",
    async ({ instance, optimum }) => {
      expect(BEST_KNOWN[instance]).toBe(optimum);
      const data = assertInstance(instance);
      const parsed = importInstance(data, { name: `Curtois–Qu instance ${instance}` });
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));

      const outcome = await optimize(prepare(parsed.value), { timeLimitSeconds: TIME_LIMIT_SECONDS });
      expect(outcome.status).toBe("optimal");
      expect(outcome.schedule).toBeDefined();
      expect(outcome.explanation).toBeDefined();
      expect(outcome.objective).toBeDefined();

      const evaluation = evaluateRoster(data, { assignments: toRosterAssignments(outcome.schedule!) });
      expect(evaluation.hardViolations).toEqual([]);
      expect(outcome.explanation!.feasible).toBe(true);
      expectClose(evaluation.penalty, outcome.explanation!.total);
      expectClose(evaluation.penalty, outcome.objective!);
      expect(evaluation.penalty).toBe(optimum);
    },
    2 * TIME_LIMIT_SECONDS * 1000,
  );
});
