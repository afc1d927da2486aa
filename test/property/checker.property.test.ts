/**
 * Invariants of demand and the checker on small random departments (2–8 staff, 1–14 days, zones with
 * DST changes). Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Assignment, PlanningInput } from "../../models/index.js";
import { explain, prepare } from "../../src/pipeline.js";
import { RULES } from "../../solver/rules/index.js";
import { scheduleArb, worldArb } from "../fixtures/random-world.js";

const RUNS = 60;

/** Paid hours of an assignment from its template, computed from local wall-clock strings. */
function paidHours(input: PlanningInput, a: Assignment): number {
  const t = input.shiftTemplates.find((x) => x.id === a.template)!;
  const zone = input.site.timeZone;
  const naiveStart = DateTime.fromISO(`${a.date}T${t.start}`, { zone: "utc" });
  const naiveEnd = naiveStart.plus({ minutes: t.lengthMinutes });
  const start = DateTime.fromISO(naiveStart.toISO({ includeOffset: false })!, { zone });
  const end = DateTime.fromISO(naiveEnd.toISO({ includeOffset: false })!, { zone });
  return (end.diff(start, "minutes").minutes - t.unpaidBreakMinutes) / 60;
}

/** Overtime by hand: weekly40 per Sunday-started workweek; 8/80 daily excess plus the period's straight-time excess. */
function handOvertime(input: PlanningInput, staffId: string, assignments: Assignment[]): number {
  const member = input.staff.find((s) => s.id === staffId)!;
  const mine = assignments.filter((a) => a.staff === staffId);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  if (member.overtimeRule === "weekly40") {
    const weeks = new Map<string, number>();
    for (const a of mine) {
      const d = DateTime.fromISO(a.date, { zone: "utc" });
      add(weeks, d.minus({ days: d.weekday % 7 }).toISODate()!, paidHours(input, a));
    }
    return [...weeks.values()].reduce((ot, h) => ot + Math.max(0, h - 40), 0);
  }
  const anchor = DateTime.fromISO(input.site.payPeriodAnchor, { zone: "utc" });
  const periods = new Map<string, number>();
  let ot = 0;
  for (const a of mine) {
    const h = paidHours(input, a);
    ot += Math.max(0, h - 8);
    add(periods, String(Math.floor(DateTime.fromISO(a.date, { zone: "utc" }).diff(anchor, "days").days / 14)), Math.min(h, 8));
  }
  return ot + [...periods.values()].reduce((sum, h) => sum + Math.max(0, h - 80), 0);
}

describe("checker invariants", () => {
  it("overtime under weekly40 and 8/80 matches a hand computation", () => {
    const arb = worldArb.chain((input) => scheduleArb(input).map((assignments) => ({ input, assignments })));
    fc.assert(
      fc.property(arb, ({ input, assignments }) => {
        const e = explain(prepare(input), { assignments });
        for (const s of e.staff) expect(s.overtimeHours).toBeCloseTo(handOvertime(input, s.staff, assignments), 9);
        const paid = assignments.reduce((h, a) => h + paidHours(input, a), 0);
        expect(e.staff.reduce((h, s) => h + s.paidHours, 0)).toBeCloseTo(paid, 9);
      }),
      { numRuns: RUNS },
    );
  });

  it("an empty schedule leaves all demand uncovered", () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        const prepared = prepare(input);
        const e = explain(prepared, { assignments: [] });
        const required = prepared.demand.series.reduce(
          (sum, s) => sum + s.required.reduce((a, r, i) => a + (r * (prepared.grid.intervals[i]!.endMinute - prepared.grid.intervals[i]!.startMinute)) / 60, 0),
          0,
        );
        const uncovered = e.coverage.reduce((a, c) => a + c.uncoveredStaffHours, 0);
        expect(uncovered).toBeCloseTo(required, 9);
        const shortfall = e.violations
          .filter((v) => v.rule === "coverage.floor-shortfall" || v.rule === "coverage.interval-shortfall")
          .reduce((a, v) => a + v.amount, 0);
        expect(shortfall).toBeCloseTo(required, 9);
        expect(e.cost.totalDollars).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("demand never falls when workload rises", () => {
    const arb = fc.record({ input: worldArb, extra: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 24, maxLength: 24 }) });
    fc.assert(
      fc.property(arb, ({ input, extra }) => {
        const before = prepare(input).demand;
        const more = structuredClone(input);
        for (const f of more.forecasts) if (f.kind === "hourly") f.unitsPerHour = f.unitsPerHour.map((u, h) => u + extra[h % 24]!);
        const after = prepare(more).demand;
        before.series.forEach((s, k) => s.required.forEach((r, i) => expect(after.series[k]!.required[i]!).toBeGreaterThanOrEqual(r)));
      }),
      { numRuns: RUNS },
    );
  });

  it("the weighted total is labor cost plus every soft penalty", () => {
    const arb = worldArb.chain((input) => scheduleArb(input).map((assignments) => ({ input, assignments })));
    fc.assert(
      fc.property(arb, ({ input, assignments }) => {
        const e = explain(prepare(input), { assignments });
        const soft = e.violations.filter((v) => !v.hard).reduce((a, v) => a + v.penalty, 0);
        expect(e.total).toBeCloseTo(e.cost.totalDollars * input.weights.laborDollar + soft, 6);
        expect(e.violations.filter((v) => v.hard).every((v) => v.penalty === 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("a rule marked monotone is broken no less by a schedule than by any part of it (what judging locks alone before a solve rests on)", () => {
    const monotone = new Set(RULES.filter((rule) => rule.monotone).map((rule) => rule.id));
    const arb = worldArb.chain((input) => scheduleArb(input).chain((assignments) => fc.subarray(assignments).map((part) => ({ input, assignments, part }))));
    /** Each monotone rule's amount per person (the department's under ""), as the checker judges it. */
    const amounts = (prepared: ReturnType<typeof prepare>, assignments: Assignment[]): Map<string, number> => {
      const sums = new Map<string, number>();
      for (const v of explain(prepared, { assignments }).violations) {
        if (!monotone.has(v.rule)) continue;
        const key = `${v.rule}|${v.subjects.staff ?? ""}`;
        sums.set(key, (sums.get(key) ?? 0) + v.amount);
      }
      return sums;
    };
    fc.assert(
      fc.property(arb, ({ input, assignments, part }) => {
        const prepared = prepare(input);
        const whole = amounts(prepared, assignments);
        for (const [key, amount] of amounts(prepared, part)) expect(whole.get(key) ?? 0, key).toBeGreaterThanOrEqual(amount - 1e-9);
      }),
      { numRuns: RUNS },
    );
  });
});
