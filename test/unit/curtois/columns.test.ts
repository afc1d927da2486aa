/**
 * The roster column generation (solver/columns/) on Curtois–Qu instance 1 through its adapter
 * (bench/curtois/columns.ts): it reaches the published optimum, the benchmark's evaluator accepts the
 * roster at that penalty, and its bound proves it.
 */
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import { rosterAssignments, rosterProblemOf } from "../../../bench/curtois/columns.js";
import { assertInstance } from "../../../bench/curtois/load.js";
import { generateRosters } from "../../../solver/columns/generate.js";

describe("roster column generation on Curtois–Qu instance 1", () => {
  it("finds the optimum 607, which the evaluator accepts, and a bound that does not exceed it", async () => {
    const instance = assertInstance(1);
    const outcome = await generateRosters(rosterProblemOf(instance), { seconds: 30 });
    expect(outcome.status).toBe("feasible");
    if (outcome.status !== "feasible") return;
    const judged = evaluateRoster(instance, { assignments: rosterAssignments(instance, outcome.rosters) });
    expect(judged.hardViolations).toEqual([]);
    expect(judged.penalty).toBe(607);
    expect(outcome.objective).toBeCloseTo(607, 6);
    // The master LP converged with exact pricing: its value bounds every roster (558 on this instance).
    expect(outcome.converged).toBe(true);
    expect(outcome.bound).toBeLessThanOrEqual(607 + 1e-6);
    expect(outcome.bound).toBeGreaterThan(500);
  });

  it("says which person has no roster at all", async () => {
    const instance = assertInstance(1);
    const first = instance.staff[0]!;
    // More minutes than the horizon can hold.
    const outcome = await generateRosters(rosterProblemOf({ ...instance, staff: [{ ...first, minTotalMinutes: first.maxTotalMinutes + 1 }, ...instance.staff.slice(1)] }), { seconds: 5 });
    expect(outcome).toEqual({ status: "infeasible", person: 0 });
  });
});
