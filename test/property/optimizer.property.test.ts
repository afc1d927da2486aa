/**
 * Invariants of the optimizer on small random departments (2–8 staff, 1–14 days, zones with DST changes):
 * every schedule it returns keeps every hard rule as the independent checker judges it; its objective
 * equals the checker's weighted total; and HiGHS and javascript-lp-solver agree on the optimum of models
 * small enough for both. Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../solver/model/build.js";
import { solveInWorker } from "../../solver/engines/run.js";
import { prepare } from "../../src/pipeline.js";
import { DST_CROSSINGS, scheduleArb, worldAcross, worldArb } from "../fixtures/random-world.js";
import { addDays } from "../../models/index.js";
import { expectModelAgreesWithChecker, solveDirect } from "../fixtures/solve.js";
import { withRule } from "../fixtures/world.js";

describe("optimizer invariants", () => {
  it("keeps every hard rule, and its objective equals the checker's total", async () => {
    // A fixed seed keeps CI's run time steady; a solve that hits its limit must still keep every hard
    // rule and may only overstate its price (early slacks), and most solves must prove optimality.
    let proven = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async (input) => {
        runs++;
        const solved = await solveDirect(input, [], 10);
        expect(solved.explanation.feasible).toBe(true);
        if (solved.result.status !== "optimal") {
          expect(solved.explanation.total).toBeLessThanOrEqual(solved.result.objective! * (1 + 1e-6) + 1e-6);
          return;
        }
        proven++;
        expectModelAgreesWithChecker(solved);
      }),
      { numRuns: 25, seed: 20261125 },
    );
    expect(proven).toBeGreaterThanOrEqual(Math.ceil(0.8 * runs));
  }, 600_000);

  // With shift.one-per-day soft and cheap, a scarce pharmacist is worth two shifts on one date, so the
  // other rules must judge same-date pairs themselves (rest was once missed there: audit F2). Rest or
  // overlaps soft now and then, as no two shifts of a date keep 10 h apart. Counted: a run that never
  // stacks two shifts on a date would test nothing.
  const stackable = fc
    .tuple(worldArb, fc.constantFrom({ hard: true }, { hard: false, weight: 0.5 }), fc.constantFrom({ hard: true }, { hard: false, weight: 20 }))
    .map(([w, rest, overlap]) => withRule(withRule(withRule(w, "shift.one-per-day", { hard: false, weight: 3 }), "rest.min-between-shifts", rest), "shift.no-overlap", overlap));
  it("keeps every hard rule with one-shift-per-day soft, its objective the checker's total", async () => {
    let stacked = 0;
    await fc.assert(
      fc.asyncProperty(stackable, async (input) => {
        const solved = await solveDirect(input, [], 10);
        const dates = solved.schedule.assignments.map((x) => `${x.staff}|${x.date}`);
        if (new Set(dates).size < dates.length) stacked++;
        expect(solved.explanation.violations.filter((v) => v.hard)).toEqual([]);
        if (solved.result.status === "optimal") expectModelAgreesWithChecker(solved);
        else expect(solved.explanation.total).toBeLessThanOrEqual(solved.result.objective! * (1 + 1e-6) + 1e-6);
      }),
      { numRuns: 12, seed: 20261127 },
    );
    expect(stacked).toBeGreaterThanOrEqual(2);
  }, 300_000);

  // Rest longer than a day, hard or soft, with overlaps forbidden or not: rest reaches as many days back as
  // its minimum, and soft rest is priced from the latest end as the check does (fuzz findings F1–F3,
  // scratch/audit-fuzz/REPORT.md: pairs were related two days back only, and priced one by one).
  const longRest = fc
    .tuple(worldArb, fc.integer({ min: 600, max: 5000 }), fc.constantFrom({ hard: true }, { hard: false, weight: 1 }, { hard: false, weight: 20 }), fc.boolean())
    .map(([w, minRestMinutes, rest, overlapsOff]) =>
      withRule(withRule(w, "rest.min-between-shifts", { ...rest, params: { minRestMinutes } }), "shift.no-overlap", overlapsOff ? { enabled: false } : { hard: true }),
    );
  it("keeps every hard rule with a rest minimum of up to 83 h, its objective the checker's total", async () => {
    await fc.assert(
      fc.asyncProperty(longRest, async (input) => {
        const solved = await solveDirect(input, [], 10);
        expect(solved.explanation.violations.filter((v) => v.hard)).toEqual([]);
        if (solved.result.status === "optimal") expectModelAgreesWithChecker(solved);
        else expect(solved.explanation.total).toBeLessThanOrEqual(solved.result.objective! * (1 + 1e-6) + 1e-6);
      }),
      { numRuns: 12, seed: 20261127 },
    );
  }, 300_000);

  // A repair: a random reference schedule (it may break rules: only its changes are priced) and a random
  // window of dates that may change; outside it nobody is added, and no lock is given, so nobody works.
  const repair = worldArb.chain((w) =>
    fc.tuple(fc.constant(w), scheduleArb(w), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 })).map(([input, assignments, from, until]) => ({
      input: { ...input, reference: { assignments: assignments.map(({ staff, date, template }) => ({ staff, date, template })) } },
      frozen: { before: addDays(input.horizon.start, Math.min(from, until)), after: addDays(input.horizon.start, Math.max(from, until)) },
    })),
  );
  it("keeps every hard rule against a reference and a window of dates, its objective the checker's total (repair.changes included)", async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(repair, async ({ input, frozen }) => {
        const solved = await solveDirect(input, [], 10, frozen);
        expect(solved.explanation.violations.filter((v) => v.hard)).toEqual([]);
        expect(solved.schedule.assignments.filter((a) => a.date < frozen.before || a.date > frozen.after)).toEqual([]);
        if (solved.explanation.violations.some((v) => v.rule === "repair.changes")) changed++;
        if (solved.result.status === "optimal") expectModelAgreesWithChecker(solved);
        else expect(solved.explanation.total).toBeLessThanOrEqual(solved.result.objective! * (1 + 1e-6) + 1e-6);
      }),
      { numRuns: 12, seed: 20261128 },
    );
    expect(changed).toBeGreaterThan(6);
  }, 300_000);

  // The random worlds above cross a change only where a zone and a start happen to meet (4 of 25 with
  // this seed, never a 23-hour American day): each change of each DST zone once more, on purpose.
  it.each(DST_CROSSINGS.map((c) => [`${c.zone} ${c.change}`, c] as const))("keeps every hard rule across the %s change, its objective the checker's total", async (_name, { zone, start }) => {
    const [input] = fc.sample(worldAcross(zone, start), { numRuns: 1, seed: 20261126 });
    const solved = await solveDirect(input!, [], 10);
    const grid = prepare(input!).grid;
    expect(grid.days.some((d) => d.endMinute - d.startMinute !== 1440)).toBe(true);
    expect(solved.explanation.feasible).toBe(true);
    if (solved.result.status === "optimal") expectModelAgreesWithChecker(solved);
    else expect(solved.explanation.total).toBeLessThanOrEqual(solved.result.objective! * (1 + 1e-6) + 1e-6);
  }, 120_000);

  it("HiGHS and javascript-lp-solver reach the same optimum on tiny models", async () => {
    // Tiny: few staff and days, so javascript-lp-solver finishes; a run it cannot finish is counted.
    const tiny = worldArb.filter((w) => w.staff.length <= 3 && Date.parse(w.horizon.end) - Date.parse(w.horizon.start) <= 2 * 86_400_000);
    let compared = 0;
    let jslpGaveUp = 0;
    await fc.assert(
      fc.asyncProperty(tiny, async (input) => {
        const prepared = prepare(input);
        const { model } = buildModel(prepared.input, prepared.grid, prepared.demand);
        const highs = await solveInWorker(model, { engine: "highs", relativeGap: 0, timeLimitSeconds: 30 });
        const jslp = await solveInWorker(model, { engine: "jslp", timeLimitSeconds: 20 });
        expect(highs.status).toBe("optimal");
        if (jslp.status !== "optimal") {
          jslpGaveUp++;
          return;
        }
        compared++;
        expect(jslp.objective!).toBeCloseTo(highs.objective!, 4);
      }),
      { numRuns: 12, seed: 20261125 },
    );
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(jslpGaveUp).toBeLessThanOrEqual(4);
  }, 600_000);
});
