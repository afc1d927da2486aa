import { describe, expect, it } from "vitest";
import { wallClockOf } from "../../models/index.js";
import { buildTimeGrid, clockHours, timeGridKey } from "../../src/time/grid.js";
import { BASE, world } from "../fixtures/world.js";

const shift = (grid: ReturnType<typeof buildTimeGrid>, key: string) => {
  const found = grid.shifts.find((s) => s.key === key);
  if (!found) throw new Error(`no shift ${key}`);
  return found;
};

describe("time grid", () => {
  const grid = buildTimeGrid(world());

  it("numbers minutes from the first local midnight", () => {
    expect(grid.days[0]).toMatchObject({ date: "2026-03-02", weekday: 1, startMinute: 0, endMinute: 1440 });
    expect(shift(grid, "D8@2026-03-02")).toMatchObject({ startMinute: 420, endMinute: 930, paidMinutes: 480 });
  });

  it("makes the spring-forward day 23 hours long", () => {
    const day = grid.days.find((d) => d.date === "2026-03-08")!;
    expect(day.endMinute - day.startMinute).toBe(23 * 60);
    expect(grid.horizonMinutes).toBe(14 * 1440 - 60);
  });

  it("runs an overnight shift into the next day", () => {
    expect(shift(grid, "N8@2026-03-02")).toMatchObject({ startMinute: 1380, endMinute: 1860, night: true });
  });

  it("pays a night shift across the spring change 7 hours", () => {
    const night = shift(grid, "N8@2026-03-07");
    expect(night.endMinute - night.startMinute).toBe(7 * 60);
    expect(night.paidMinutes).toBe(7 * 60);
    const tech = shift(grid, "TN12@2026-03-07");
    expect(tech.endMinute - tech.startMinute).toBe(11 * 60);
    expect(tech.paidMinutes).toBe(10.5 * 60);
  });

  it("pays a night shift across the fall change 9 hours", () => {
    const fall = buildTimeGrid(world({ horizon: { start: "2026-10-26", end: "2026-11-08" } }));
    const night = shift(fall, "N8@2026-10-31");
    expect(night.endMinute - night.startMinute).toBe(9 * 60);
    expect(night.paidMinutes).toBe(9 * 60);
    const day = fall.days.find((d) => d.date === "2026-11-01")!;
    expect(day.endMinute - day.startMinute).toBe(25 * 60);
  });

  it("marks where the clocks change on a DST day, by minutes after local midnight, and nowhere else", () => {
    const changes = (g: ReturnType<typeof buildTimeGrid>) => g.days.filter((d) => d.clockChange).map((d) => [d.date, d.clockChange]);
    expect(changes(grid)).toEqual([["2026-03-08", { atMinute: 120, byMinutes: 60 }]]);
    expect(changes(buildTimeGrid(world({ horizon: { start: "2026-10-26", end: "2026-11-08" } })))).toEqual([["2026-11-01", { atMinute: 120, byMinutes: -60 }]]);
    // Lord Howe goes back half an hour, at 02:00 on 2026-04-05.
    const lordHowe = buildTimeGrid(world({ site: { ...BASE.site, timeZone: "Australia/Lord_Howe" }, horizon: { start: "2026-04-01", end: "2026-04-10" }, intervalMinutes: 30 }));
    expect(changes(lordHowe)).toEqual([["2026-04-05", { atMinute: 120, byMinutes: -30 }]]);
  });

  it("reads a wall-clock time the fall-back hour repeats as its first occurrence", () => {
    // Clocks go back at 02:00 CDT on 2026-11-01: 01:00–02:00 happens twice.
    const templates = [
      { ...BASE.shiftTemplates[0]!, id: "LATE", start: "17:30", lengthMinutes: 480, unpaidBreakMinutes: 0 }, // ends at 01:30
      { ...BASE.shiftTemplates[0]!, id: "EARLY", start: "01:30", lengthMinutes: 480, unpaidBreakMinutes: 0 }, // starts at 01:30
    ];
    const fall = buildTimeGrid(world({ horizon: { start: "2026-10-31", end: "2026-11-01" }, shiftTemplates: templates }));
    const midnight = fall.days.find((d) => d.date === "2026-11-01")!.startMinute;
    // Ends at the first 01:30 (CDT): 8 real hours, not 9.
    const late = shift(fall, "LATE@2026-10-31");
    expect(late.endMinute - late.startMinute).toBe(8 * 60);
    expect(late.endMinute - midnight).toBe(90);
    // Starts at the first 01:30, 90 real minutes after midnight, and ends at 09:30 CST: 9 real hours.
    const early = shift(fall, "EARLY@2026-11-01");
    expect(early.startMinute - midnight).toBe(90);
    expect(early.endMinute - early.startMinute).toBe(9 * 60);
  });

  it("starts a day whose midnight the clock repeats at its first midnight (Havana, 2026-11-01)", () => {
    // Cuba's clocks go back at 01:00 CDT to 00:00 CST: 00:00–01:00 happens twice, both on 11-01.
    const input = world({ site: { ...BASE.site, timeZone: "America/Havana" }, horizon: { start: "2026-10-31", end: "2026-11-01" } });
    const grid = buildTimeGrid(input);
    const [saturday, sunday] = grid.days;
    expect(saturday!.endMinute - saturday!.startMinute).toBe(24 * 60);
    expect(sunday!.endMinute - sunday!.startMinute).toBe(25 * 60);
    // A horizon from that date starts at its first 00:00 (04:00Z), so its first hour is in it.
    const fromSunday = buildTimeGrid(world({ ...input, horizon: { start: "2026-11-01", end: "2026-11-01" }, shiftTemplates: [{ ...BASE.shiftTemplates[2]!, id: "M0", start: "00:00" }] }));
    expect(fromSunday.horizonMinutes).toBe(25 * 60);
    expect(shift(fromSunday, "M0@2026-11-01")).toMatchObject({ startMinute: 0, endMinute: 9 * 60 });
  });

  it("reads a wall-clock time by the offsets of its own date, not today's (an hour off where a zone's rules have changed since)", () => {
    const utc = (date: string, minute: number, zone: string): string => wallClockOf(date, minute, zone).toUTC().toISO()!;
    // Scoresbysund was at UTC-1/UTC+0 in 2000 (UTC-2/-1 today): 23:00 before the fall-back at 01:00Z.
    expect(utc("2000-10-28", 23 * 60, "America/Scoresbysund")).toBe("2000-10-28T23:00:00.000Z");
    // Danmarkshavn was at UTC-3/-2 in 1995 (UTC+0 today): the midnight after the spring change.
    expect(utc("1995-03-26", 0, "America/Danmarkshavn")).toBe("1995-03-26T02:00:00.000Z");
    expect(utc("2000-11-04", 22 * 60, "America/Cambridge_Bay")).toBe("2000-11-05T03:00:00.000Z");
    // And as before where today's offset is the date's: New York's gap and repeated hour.
    expect(utc("2026-03-08", 150, "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(utc("2026-11-01", 90, "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
  });

  it("keys a grid by what it is built from: a request does not change it, a template's start does", () => {
    const input = world();
    const withRequest = world({ staff: input.staff.map((s, i) => (i === 0 ? { ...s, requests: [{ kind: "day-off" as const, date: "2026-03-03", weight: 1 }] } : s)) });
    expect(timeGridKey(withRequest)).toBe(timeGridKey(input));
    expect(buildTimeGrid(withRequest)).toEqual(buildTimeGrid(input));
    const changes = [
      world({ shiftTemplates: input.shiftTemplates.map((t, i) => (i === 0 ? { ...t, start: "08:00" } : t)) }),
      world({ horizon: { start: "2026-03-02", end: "2026-03-16" } }),
      world({ site: { ...input.site, holidays: [{ date: "2026-03-04", name: "Closed" }] } }),
      world({ staff: input.staff.map((s, i) => (i === 0 ? { ...s, history: [{ date: "2026-03-01", template: "D8" }] } : s)) }),
    ];
    for (const changed of changes) expect(timeGridKey(changed)).not.toBe(timeGridKey(input));
  });

  it("keeps day shifts on the DST day at their wall-clock hours", () => {
    const day = grid.days.find((d) => d.date === "2026-03-08")!;
    // 07:00 CDT is 6 real hours after midnight CST.
    expect(shift(grid, "D8@2026-03-08").startMinute - day.startMinute).toBe(6 * 60);
  });

  it("splits workweeks at the site's workweek start (Sunday)", () => {
    expect(grid.workweeks.map((w) => [w.firstDate, w.daysInHorizon])).toEqual([
      ["2026-03-02", 6],
      ["2026-03-08", 7],
      ["2026-03-15", 1],
    ]);
  });

  it("splits pay periods every 14 days from the anchor, each with its own start where it began before the horizon", () => {
    expect(grid.payPeriods.map((p) => [p.startDate, p.firstDate, p.daysInHorizon])).toEqual([
      ["2026-03-01", "2026-03-02", 13],
      ["2026-03-15", "2026-03-15", 1],
    ]);
  });

  it("lists the weekends of the horizon", () => {
    expect(grid.weekends).toEqual([
      { index: 0, saturday: 5, sunday: 6 },
      { index: 1, saturday: 12, sunday: 13 },
    ]);
  });

  it("places history shifts before the horizon on negative days", () => {
    const input = world({ staff: [{ ...BASE.staff[0]!, history: [{ date: "2026-02-28", template: "N8" }] }] });
    const g = buildTimeGrid(input);
    expect(g.history["A"]).toEqual([expect.objectContaining({ day: -2, startMinute: -2 * 1440 + 1380, endMinute: -1440 + 420 })]);
    expect(g.priorDays.map((d) => d.date)).toEqual(["2026-02-28", "2026-03-01"]);
  });

  it("runs a template only on its weekdays", () => {
    const input = world({ shiftTemplates: [{ ...BASE.shiftTemplates[0]!, weekdays: [1, 2, 3, 4, 5] }] });
    const g = buildTimeGrid(input);
    expect(g.shifts.map((s) => s.date)).not.toContain("2026-03-07");
    expect(g.shifts).toHaveLength(10);
  });
});

describe("a date's clock hours", () => {
  // The answers are kept by zone and date: a date asked for in one zone and then another is each zone's.
  it("are each zone's own, whichever zone asked first", () => {
    const hours = (zone: string) => clockHours("2026-03-08", zone).map((at) => at.toISO());
    expect(hours("America/Chicago")).toHaveLength(23);
    expect(hours("America/Chicago").slice(1, 3)).toEqual(["2026-03-08T01:00:00.000-06:00", "2026-03-08T03:00:00.000-05:00"]);
    expect(hours("Europe/London")).toHaveLength(24);
    expect(hours("Europe/London")[0]).toBe("2026-03-08T00:00:00.000+00:00");
    expect(hours("America/Chicago")).toHaveLength(23);
  });
});
