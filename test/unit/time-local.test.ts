import { describe, expect, it } from "vitest";
import { buildTimeGrid } from "../../src/time/grid.js";
import { localTimes, minuteToInstant, minuteToLocalClock } from "../../src/time/local.js";
import { world } from "../fixtures/world.js";

describe("grid minutes as instants and wall-clock times", () => {
  const grid = buildTimeGrid(world()); // America/Chicago, 2026-03-02 … 03-15, spring change on 03-08
  const shift = (key: string) => grid.shifts.find((s) => s.key === key)!;

  it("turns a grid minute into the exact instant", () => {
    expect(minuteToInstant(grid, 0).toISOString()).toBe("2026-03-02T06:00:00.000Z");
    const night = shift("N8@2026-03-07");
    expect(minuteToInstant(grid, night.startMinute).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(minuteToInstant(grid, night.endMinute).toISOString()).toBe("2026-03-08T12:00:00.000Z");
  });

  it("agrees with the local ISO times for every shift", () => {
    for (const s of grid.shifts) {
      const local = localTimes(grid, s);
      expect(minuteToInstant(grid, s.startMinute).getTime()).toBe(Date.parse(local.start));
      expect(minuteToInstant(grid, s.endMinute).getTime()).toBe(Date.parse(local.end));
    }
  });

  it("shows the site's wall clock on both sides of the change", () => {
    const night = shift("N8@2026-03-07");
    expect([minuteToLocalClock(grid, night.startMinute), minuteToLocalClock(grid, night.endMinute)]).toEqual(["23:00", "07:00"]);
    expect(minuteToLocalClock(grid, shift("D8@2026-03-08").startMinute)).toBe("07:00");
    expect(minuteToLocalClock(grid, shift("D8@2026-03-08").endMinute)).toBe("15:30");
  });
});
