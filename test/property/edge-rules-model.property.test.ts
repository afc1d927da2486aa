/**
 * The rules that judge across the horizon's start with history — `weekends.max-per-window` (windows that
 * begin before the horizon), `days.min-consecutive` and `days-off.min-consecutive` (a short run in history
 * that the horizon's first day completes) — price every schedule in the model as the checker does: on
 * random histories (some people with none) and random schedules, with every x fixed to the schedule, the
 * model's optimum over its other columns is the checker's penalty rule by rule, and the model is
 * infeasible exactly when the checker finds a hard violation. Random settings make each rule hard or soft
 * with random limits, windows and `exemptEdges`; only these rules and one shift a day are on. Counted: the
 * cases must meet violations that cross the start, priced and refused, or the property says nothing
 * about the edge. Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULE_IDS, type Assignment, type PlanningInput, type RuleId, type Violation } from "../../models/index.js";
import { buildModel } from "../../solver/model/build.js";
import { explain, prepare } from "../../src/pipeline.js";
import { addDays } from "../../src/time/grid.js";
import { expectModelAgreesWithChecker, priceOfSchedule } from "../fixtures/solve.js";
import { BASE, world } from "../fixtures/world.js";

const RUNS = 120;
/** Monday, Thursday, Saturday and Sunday starts: the horizon's first weekend whole, later, cut by the start. */
const STARTS = ["2026-03-02", "2026-03-05", "2026-03-07", "2026-03-08"];
/** Two templates each person may work (the base world's role families and skills). */
const TEMPLATES: Record<string, [string, string]> = { A: ["D8", "E8"], B: ["D8", "N8"], C: ["IV10", "T12"], D: ["T12", "TN12"] };
const STAFF = Object.keys(TEMPLATES);
const HISTORY_DAYS = 30;

const hardOrSoft = fc.record({ hard: fc.boolean(), weight: fc.constantFrom(1, 7, 100) });
const settingsArb = fc.record({
  weekends: fc.record({ params: fc.record({ maxWeekends: fc.integer({ min: 0, max: 3 }), windowWeekends: fc.integer({ min: 0, max: 5 }) }), rule: hardOrSoft }),
  days: fc.record({ params: fc.record({ minDays: fc.integer({ min: 1, max: 4 }), exemptEdges: fc.boolean() }), rule: hardOrSoft }),
  daysOff: fc.record({ params: fc.record({ minDays: fc.integer({ min: 1, max: 4 }), exemptEdges: fc.boolean() }), rule: hardOrSoft }),
});

/** Per person a day line: 0–1 off, 2 or 3 their first or second template (history: worked or not). */
const caseArb = fc.record({
  start: fc.constantFrom(...STARTS),
  days: fc.integer({ min: 1, max: 10 }),
  settings: settingsArb,
  // Busy enough that short runs and weekends worked are common; none now and then (a person unknown before the horizon).
  histories: fc.tuple(...STAFF.map(() => fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: HISTORY_DAYS }), { nil: undefined, freq: 4 }))),
  lines: fc.tuple(...STAFF.map(() => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }))),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const shiftOf = (id: string, pick: number): string | undefined => (pick < 2 ? undefined : TEMPLATES[id]![pick - 2]);

function inputOf(c: Case): PlanningInput {
  const rules: Record<string, { params: Record<string, number | boolean>; enabled?: boolean; hard?: boolean; weight?: number }> = Object.fromEntries(
    RULE_IDS.map((id) => [id, { params: {}, enabled: id === "shift.one-per-day" || id === "shift.eligibility" }]),
  );
  const set = (id: RuleId, s: { params: Record<string, number | boolean>; rule: { hard: boolean; weight: number } }) => (rules[id] = { params: s.params, ...s.rule });
  set("weekends.max-per-window", c.settings.weekends);
  set("days.min-consecutive", c.settings.days);
  set("days-off.min-consecutive", c.settings.daysOff);
  const staff = BASE.staff.map((member, i) => {
    const line = c.histories[i];
    const history = (line ?? []).flatMap((pick, k) => {
      const template = shiftOf(member.id, pick);
      return template ? [{ date: addDays(c.start, k - line!.length), template }] : [];
    });
    return { ...member, fte: 0, history };
  });
  return world({ horizon: { start: c.start, end: addDays(c.start, c.days - 1) }, staff, rules });
}

function scheduleOf(c: Case): Assignment[] {
  return STAFF.flatMap((id, i) =>
    c.lines[i]!.slice(0, c.days).flatMap((pick, d) => {
      const template = shiftOf(id, pick);
      return template ? [{ staff: id, date: addDays(c.start, d), template, locked: false }] : [];
    }),
  );
}

/** A violation the checker finds only across the start: a window from before the horizon, a run wholly in history. */
function crossesStart(v: Violation, start: string): boolean {
  if (v.rule === "weekends.max-per-window") return v.subjects.period! < start;
  return / \(history\) \(at least|, history\)/.test(v.message);
}

describe("rules judged across the horizon's start, in the model", () => {
  it("price every schedule over any history as the checker does and admit exactly the schedules it accepts", async () => {
    const met = { priced: 0, refused: 0, pricedAcross: 0, refusedAcross: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const prepared = prepare(inputOf(c));
        const schedule = { assignments: scheduleOf(c) };
        const explanation = explain(prepared, schedule);
        const built = buildModel(prepared.input, prepared.grid, prepared.demand);
        const chosen = new Set(schedule.assignments.map((a) => `${a.staff}|${a.template}@${a.date}`));
        const values = new Float64Array(built.model.numCols);
        for (const person of built.ctx.staff) for (const [shift, column] of person.x) values[column] = chosen.has(`${person.member.id}|${shift}`) ? 1 : 0;
        const result = await priceOfSchedule(built, values);
        const across = explanation.violations.some((v) => crossesStart(v, c.start));
        if (result.status === "infeasible") {
          met.refused++;
          if (across) met.refusedAcross++;
          expect(explanation.feasible).toBe(false);
          return;
        }
        met.priced++;
        if (across) met.pricedAcross++;
        expect(result.status).toBe("optimal");
        expectModelAgreesWithChecker({ built, result, schedule, explanation });
      }),
      { numRuns: RUNS },
    );
    // Each outcome, and violations across the start in each, must have been met often enough for the
    // property to mean something.
    expect(met.priced).toBeGreaterThanOrEqual(RUNS / 5);
    expect(met.refused).toBeGreaterThanOrEqual(RUNS / 10);
    expect(met.pricedAcross).toBeGreaterThanOrEqual(RUNS / 10);
    expect(met.refusedAcross).toBeGreaterThanOrEqual(RUNS / 20);
  }, 300_000);
});
