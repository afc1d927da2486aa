/**
 * Minimum staffing floors in demand: placed interval by interval as the README states them, on random
 * departments across DST changes, and fast for many floors (audit-input: 20,000 floors took 87 s).
 * Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { deriveDemand } from "../../src/demand/derive.js";
import { addDays, buildTimeGrid, wallClock } from "../../src/time/grid.js";
import { world } from "../fixtures/world.js";
import { DST_CROSSINGS, worldAcross } from "../fixtures/random-world.js";

const RUNS = 40;

const floorArb = fc.record({
  roleFamily: fc.constantFrom("pharmacist" as const, "technician" as const),
  count: fc.integer({ min: 0, max: 3 }),
  fromHour: fc.integer({ min: 0, max: 23 }),
  toHour: fc.integer({ min: 0, max: 23 }),
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
});

const hhmm = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

/** The floor of each interval by the rule itself: the largest floor whose local window, on a date it runs (the day before the horizon too), holds the interval's start. */
function floorsByHand(input: PlanningInput): Map<string, number[]> {
  const grid = buildTimeGrid(input);
  const origin = DateTime.fromISO(input.horizon.start, { zone: input.site.timeZone }).startOf("day");
  const out = new Map<string, number[]>();
  for (const f of input.floors) {
    const key = `${f.area}/${f.roleFamily}`;
    const line = out.get(key) ?? new Array(grid.intervals.length).fill(0);
    out.set(key, line);
    const [from, to] = [f.from, f.to].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
    for (let d = -1; d < grid.days.length; d++) {
      const date = addDays(input.horizon.start, d);
      if (!f.weekdays.includes(DateTime.fromISO(date, { zone: "utc" }).weekday)) continue;
      const start = wallClock(date, from!, input.site.timeZone).diff(origin, "minutes").minutes;
      const end = wallClock(date, to! <= from! ? to! + 24 * 60 : to!, input.site.timeZone).diff(origin, "minutes").minutes;
      for (const interval of grid.intervals) if (interval.startMinute >= start && interval.startMinute < end) line[interval.index] = Math.max(line[interval.index]!, f.count);
    }
  }
  return out;
}

describe("staffing floors in demand", () => {
  it("hold on exactly the intervals whose start lies in their local window, across clock changes", () => {
    const arb = fc.constantFrom(...DST_CROSSINGS).chain((c) => fc.tuple(worldAcross(c.zone, c.start), fc.array(floorArb, { minLength: 1, maxLength: 6 })));
    fc.assert(
      fc.property(arb, ([base, floors]) => {
        const input = { ...base, floors: floors.map((f) => ({ area: "central", roleFamily: f.roleFamily, count: f.count, from: hhmm(f.fromHour), to: hhmm(f.toHour), weekdays: f.weekdays })) };
        const demand = deriveDemand(input, buildTimeGrid(input));
        for (const [key, expected] of floorsByHand(input)) {
          expect(demand.series.find((s) => `${s.area}/${s.roleFamily}` === key)!.floor, key).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("places 20,000 floors on a two-week horizon in seconds (each interval was scanned for each floor and day: 87 s)", () => {
    const floors = Array.from({ length: 20_000 }, (_, i) => ({ area: "central", roleFamily: "pharmacist" as const, count: 1 + (i % 3), from: "07:00", to: "19:00" }));
    const input = world({ floors });
    const started = Date.now();
    const demand = deriveDemand(input, buildTimeGrid(input));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(Math.max(...demand.series.find((s) => s.area === "central" && s.roleFamily === "pharmacist")!.floor)).toBe(3);
  });
});
