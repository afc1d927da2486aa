/**
 * The roster pricing (solver/columns/pricing.ts) against the Curtois–Qu evaluator, which shares no code
 * with it: on random one-person instances of up to 8 days and 2 shifts, every roster it returns keeps
 * every hard rule per the evaluator and costs what it says, and, exact, its best equals the cheapest
 * feasible roster found by trying them all. Fixed seed and numRuns.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../bench/curtois/evaluate.js";
import { rosterAssignments, rosterProblemOf } from "../../bench/curtois/columns.js";
import type { CurtoisInstance } from "../../bench/curtois/instance.js";
import { priceRoster } from "../../solver/columns/pricing.js";
import { requestCostOf } from "../../solver/columns/roster-rules.js";

const SEED = 20261128;
const RUNS = 60;

const instanceArb: fc.Arbitrary<{ instance: CurtoisInstance; duals: number[] }> = fc
  .record({ horizon: fc.integer({ min: 3, max: 8 }), shifts: fc.integer({ min: 1, max: 2 }) })
  .chain(({ horizon, shifts }) => {
    const ids = ["D", "N"].slice(0, shifts);
    const day = fc.integer({ min: 0, max: horizon - 1 });
    const shift = fc.constantFrom(...ids);
    return fc.record({
      instance: fc.record({
        horizon: fc.constant(horizon),
        shifts: fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), lengthMinutes: fc.constantFrom(240, 480, 600), forbiddenNext: fc.subarray(ids) }))),
        staff: fc.tuple(
          fc.record({
            id: fc.constant("A"),
            maxShifts: fc.tuple(...ids.map(() => fc.integer({ min: 0, max: 8 }))).map((caps) => Object.fromEntries(ids.map((id, i) => [id, caps[i]!]))),
            maxTotalMinutes: fc.integer({ min: 0, max: 4800 }),
            minTotalMinutes: fc.integer({ min: 0, max: 2400 }),
            maxConsecutiveShifts: fc.integer({ min: 1, max: 6 }),
            minConsecutiveShifts: fc.integer({ min: 1, max: 3 }),
            minConsecutiveDaysOff: fc.integer({ min: 1, max: 3 }),
            maxWeekends: fc.integer({ min: 0, max: 1 }),
          }),
        ),
        daysOff: fc.array(day, { maxLength: 2 }).map((days) => [{ employee: "A", days }]),
        shiftOnRequests: fc.array(fc.record({ employee: fc.constant("A"), day, shift, weight: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
        shiftOffRequests: fc.array(fc.record({ employee: fc.constant("A"), day, shift, weight: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
        cover: fc.constant([]),
      }),
      duals: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: horizon * shifts, maxLength: horizon * shifts }),
    });
  });

/** Every roster of the instance's one employee: option per day, `shifts` = off. */
function* allRosters(days: number, shifts: number): Generator<Int8Array> {
  const roster = new Int8Array(days);
  for (let k = 0; k < (shifts + 1) ** days; k++) {
    let rest = k;
    for (let d = 0; d < days; d++) {
      roster[d] = rest % (shifts + 1);
      rest = Math.floor(rest / (shifts + 1));
    }
    yield roster;
  }
}

describe("roster pricing", () => {
  it(`returns only rosters the evaluator accepts, at their cost, the best being the cheapest feasible (seed ${SEED})`, () => {
    let withRoster = 0;
    fc.assert(
      fc.property(instanceArb, ({ instance, duals }) => {
        const problem = rosterProblemOf(instance);
        const rules = problem.people[0]!;
        const O = problem.shifts + 1;
        // Request penalties less a dual per day and shift, as in a round of the column generation.
        const dayCost = Float64Array.from(rules.requestCost, (c, i) => (i % O < problem.shifts ? c - duals[Math.floor(i / O) * problem.shifts + (i % O)]! : c));
        const costOf = (roster: Int8Array): number => roster.reduce((sum, o, d) => sum + dayCost[d * O + o]!, 0);
        const priced = priceRoster(rules, dayCost, { threshold: Infinity, count: 4, bucketCap: Infinity });
        for (const r of priced.rosters) {
          const judged = evaluateRoster(instance, { assignments: rosterAssignments(instance, [r.choice]) });
          expect(judged.hardViolations).toEqual([]);
          expect(r.cost).toBeCloseTo(costOf(r.choice), 9);
          expect(judged.breakdown.onRequests + judged.breakdown.offRequests).toBeCloseTo(requestCostOf(rules, r.choice), 9);
        }
        let cheapest = Infinity;
        for (const roster of allRosters(problem.days, problem.shifts)) {
          const cost = costOf(roster);
          if (cost >= cheapest - 1e-9) continue;
          if (evaluateRoster(instance, { assignments: rosterAssignments(instance, [roster]) }).hardViolations.length === 0) cheapest = cost;
        }
        expect(priced.truncated).toBe(false);
        if (!Number.isFinite(cheapest)) {
          expect(priced.rosters).toEqual([]);
          return;
        }
        withRoster++;
        expect(priced.best).toBeCloseTo(cheapest, 9);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Guard: enough of the random instances had a feasible roster for the property to mean something.
    expect(withRoster).toBeGreaterThan(RUNS / 4);
  });
});
