/**
 * The time grid in zones whose clocks change at unusual times: at midnight (America/Havana and
 * Atlantic/Azores repeat it, Santiago, Beirut and Cairo skip it), by 30 minutes (Lord Howe), at odd
 * offsets (Chatham, Kathmandu), in the southern hemisphere, or never (UTC, Etc/GMT+5). Judged with Intl
 * alone, not luxon. Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTimeGrid } from "../../src/time/grid.js";
import { minuteToInstant } from "../../src/time/local.js";
import { BASE, world } from "../fixtures/world.js";

const RUNS = 80;

const ZONES = [
  "America/Havana", "Atlantic/Azores", "America/Santiago", "Asia/Beirut", "Africa/Cairo", "Australia/Lord_Howe",
  "Pacific/Chatham", "Asia/Kathmandu", "Australia/Sydney", "Pacific/Auckland", "America/Chicago", "Etc/GMT+5", "UTC",
];
/** Dates of the 2026 clock changes of the zones above. */
const CHANGES = ["2026-03-08", "2026-03-29", "2026-04-04", "2026-04-05", "2026-04-24", "2026-09-06", "2026-09-27", "2026-10-04", "2026-10-24", "2026-10-25", "2026-10-29", "2026-11-01"];

const localDate = (zone: string, at: Date): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("time grid across unusual clock changes", () => {
  it("gives each day exactly the instants whose local date it is, its first midnight to the next day's", () => {
    const arb = fc.record({
      zone: fc.constantFrom(...ZONES),
      change: fc.constantFrom(...CHANGES),
      before: fc.integer({ min: 0, max: 3 }),
      days: fc.integer({ min: 1, max: 7 }),
    });
    fc.assert(
      fc.property(arb, ({ zone, change, before, days }) => {
        const start = addDays(change, -before);
        const intervalMinutes = zone === "Australia/Lord_Howe" ? 30 : 60;
        const grid = buildTimeGrid(world({ site: { ...BASE.site, timeZone: zone }, horizon: { start, end: addDays(start, days - 1) }, intervalMinutes }));
        for (const day of grid.days) {
          const first = minuteToInstant(grid, day.startMinute);
          const last = minuteToInstant(grid, day.endMinute - 1);
          const before = minuteToInstant(grid, day.startMinute - 1);
          expect([localDate(zone, before), localDate(zone, first), localDate(zone, last)]).toEqual([addDays(day.date, -1), day.date, day.date]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
