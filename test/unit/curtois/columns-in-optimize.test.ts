/**
 * optimize() starts from the roster column generation where the model is one a roster of days holds alone
 * (solver/columns/from-model.ts), and only there: an imported Curtois–Qu instance is answered optimal by its
 * bound, judged by the benchmark's evaluator, while a pharmacy department, or the instance with one rule the
 * roster does not hold, is left to the search as before.
 */
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import { importInstance, toRosterAssignments } from "../../../bench/curtois/import.js";
import { assertInstance } from "../../../bench/curtois/load.js";
import type { PlanningInput } from "../../../models/index.js";
import { rosterProblemOf } from "../../../solver/columns/from-model.js";
import { buildModel } from "../../../solver/model/build.js";
import { optimize } from "../../../src/optimize.js";
import { prepare } from "../../../src/pipeline.js";
import { world } from "../../fixtures/world.js";

function instance(n: number): PlanningInput {
  const parsed = importInstance(assertInstance(n));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  return parsed.value;
}

const problemOf = (input: PlanningInput) => {
  const prepared = prepare(input);
  return rosterProblemOf(input, buildModel(input, prepared.grid, prepared.demand));
};

describe("the roster column generation inside optimize()", () => {
  it("proves Curtois–Qu instance 4 optimal by its bound (1,716), the evaluator's penalty and the checker's total alike", async () => {
    const input = instance(4);
    const outcome = await optimize(prepare(input), { timeLimitSeconds: 60 });
    expect([outcome.status, outcome.objective, outcome.bound, outcome.explanation?.total]).toEqual(["optimal", 1716, 1716, 1716]);
    const judged = evaluateRoster(assertInstance(4), { assignments: toRosterAssignments(outcome.schedule!) });
    expect([judged.hardViolations, judged.penalty]).toEqual([[], 1716]);
  });

  it("reads every person's rules and the cover lines of an instance as the benchmark states them", () => {
    const problem = problemOf(instance(1));
    const data = assertInstance(1);
    expect(problem).toBeDefined();
    expect([problem!.days, problem!.shifts, problem!.people.length, problem!.cover.length]).toEqual([data.horizon, data.shifts.length, data.staff.length, data.cover.length]);
    const first = problem!.people[0]!;
    const member = data.staff[0]!;
    expect([first.maxConsecutiveDays, first.minConsecutiveDays, first.minConsecutiveDaysOff, first.maxWeekends, first.minMinutes, first.maxMinutes]).toEqual([
      member.maxConsecutiveShifts, Math.max(1, member.minConsecutiveShifts), Math.max(1, member.minConsecutiveDaysOff), member.maxWeekends, member.minTotalMinutes, member.maxTotalMinutes,
    ]);
    expect(first.firstWeekday).toBe(0);
  });

  it("leaves to the search a pharmacy department, and an instance with one rule a roster does not hold (rest between shifts)", () => {
    expect(problemOf(world())).toBeUndefined();
    const withRest = instance(1);
    expect(problemOf({ ...withRest, rules: { ...withRest.rules, "rest.min-between-shifts": { enabled: true, hard: true, params: {} } } })).toBeUndefined();
    const softRuns = instance(1);
    expect(problemOf({ ...softRuns, rules: { ...softRuns.rules, "days.max-consecutive": { enabled: true, hard: false, params: {} } } })).toBeUndefined();
  });
});
