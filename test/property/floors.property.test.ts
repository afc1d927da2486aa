/**
 * Minimum staffing floors in demand: placed interval by interval as the README states them, on random
 * departments across DST changes, and hundreds at once (how fast is `npm run bench:demand`'s to say).
 * Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { deriveDemand } from "../../src/demand/derive.js";
import { addDays, buildTimeGrid } from "../../src/time/grid.js";
import { wallClockOf as wallClock } from "../../models/index.js";
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

/**
 * The floor of each interval by the rule itself: the largest floor whose local window, on a date it runs
 * (the days before and after the horizon too), holds the interval's start; past the horizon's end, only
 * where a shift of the horizon of the floor's area and role family is on duty the whole interval.
 */
function floorsByHand(input: PlanningInput): Map<string, number[]> {
  const grid = buildTimeGrid(input);
  const origin = DateTime.fromISO(input.horizon.start, { zone: input.site.timeZone }).startOf("day");
  const out = new Map<string, number[]>();
  for (const f of input.floors) {
    const key = `${f.area}/${f.roleFamily}`;
    const line = out.get(key) ?? new Array(grid.intervals.length).fill(0);
    out.set(key, line);
    const [from, to] = [f.from, f.to].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
    const onDuty = (interval: (typeof grid.intervals)[number]): boolean =>
      grid.shifts.some((s) => s.area === f.area && s.roleFamily === f.roleFamily && s.startMinute <= interval.startMinute && interval.endMinute <= s.endMinute);
    for (let d = -1; d <= grid.days.length; d++) {
      const date = addDays(input.horizon.start, d);
      if (!f.weekdays.includes(DateTime.fromISO(date, { zone: "utc" }).weekday)) continue;
      const start = wallClock(date, from!, input.site.timeZone).diff(origin, "minutes").minutes;
      const end = wallClock(date, to! <= from! ? to! + 24 * 60 : to!, input.site.timeZone).diff(origin, "minutes").minutes;
      for (const interval of grid.intervals) {
        if (interval.startMinute >= grid.horizonMinutes && !onDuty(interval)) continue;
        if (interval.startMinute >= start && interval.startMinute < end) line[interval.index] = Math.max(line[interval.index]!, f.count);
      }
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

  it("places hundreds of floors at once, each interval taking the highest floor whose window holds it", () => {
    // Many floors at once (audit-input: 20,000 of them took 87 s, each interval scanned for each floor and
    // day); the time for 20,000 is a figure of `npm run bench:demand`, not a test.
    const floors = Array.from({ length: 400 }, (_, i) => ({
      area: i % 3 === 0 ? "iv-room" : "central",
      roleFamily: i % 2 === 0 ? ("technician" as const) : ("pharmacist" as const),
      count: 1 + (i % 4),
      from: hhmm((i * 7) % 24),
      to: hhmm((i * 5 + 3) % 24),
      weekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => (i + d) % 4 !== 0),
    }));
    const input = world({ floors });
    const demand = deriveDemand(input, buildTimeGrid(input));
    const expected = floorsByHand(input);
    expect([...expected.keys()].sort()).toEqual(["central/pharmacist", "central/technician", "iv-room/pharmacist", "iv-room/technician"]);
    for (const [key, line] of expected) {
      expect(demand.series.find((s) => `${s.area}/${s.roleFamily}` === key)!.floor, key).toEqual(line);
    }
    // Not a comparison of empty lines: the highest count placed shows.
    expect(Math.max(...expected.get("central/pharmacist")!)).toBe(4);
  });
});
