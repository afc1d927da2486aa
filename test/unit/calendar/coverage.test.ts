/**
 * A version speaks for the dates it covers: its horizon, or the wider `covers` a publish that withdrew the
 * dates a shortened horizon cut off was recorded with. The feed and the assignments API layer versions
 * the same way, and `datesLeftBehind` asks only about a shortened period, never a moved one. (Audit
 * finding F3, scratch/audit-calendar/REPORT.md.)
 */
import { describe, expect, it } from "vitest";
import type { PlanningInput } from "../../../models/index.js";
import { datesLeftBehind } from "../../../src/calendar/coverage.js";
import { buildCalendarEvents, type PublishedVersion } from "../../../src/calendar/events.js";
import { publishedAssignments } from "../../../src/calendar/layers.js";
import { a } from "../../fixtures/world.js";
import { calendarWorld } from "./world.js";

const site = calendarWorld();
const over = (start: string, end: string): PlanningInput => ({ ...site, horizon: { start, end } });

/** v1 plans 03-09..03-15 with shifts on 03-10 and 03-13; v2, over the horizon cut to 03-09..03-11, keeps 03-10 only. */
const v1: PublishedVersion = { version: 1, publishedAt: "2026-03-01T12:00:00Z", input: over("2026-03-09", "2026-03-15"), schedule: { assignments: [a("A", "2026-03-10", "D8"), a("A", "2026-03-13", "D8"), a("B", "2026-03-13", "E8")] } };
const v2 = (covers?: { start: string; end: string }): PublishedVersion => ({
  version: 2, publishedAt: "2026-03-02T12:00:00Z", input: over("2026-03-09", "2026-03-11"), schedule: { assignments: [a("A", "2026-03-10", "D8")] },
  ...(covers ? { covers } : {}),
});

const dates = (versions: PublishedVersion[]): string[] => publishedAssignments(versions).map((x) => `${x.staff} ${x.date}`);
function feedDates(versions: PublishedVersion[]): string[] {
  const built = buildCalendarEvents(site, versions, { kind: "department" });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  expect(built.skipped).toEqual([]);
  return built.value.events.map((e) => `${e.staff.id} ${e.date}`);
}

describe("a version's coverage", () => {
  it("takes an earlier version's shifts on dates its horizon no longer holds out of the assignments and every feed alike only when it covers those dates", () => {
    // Covering only its horizon (published with droppedDates=keep), the earlier shifts stay.
    expect(dates([v1, v2()])).toEqual(["A 2026-03-10", "A 2026-03-13", "B 2026-03-13"]);
    expect(feedDates([v1, v2()])).toEqual(["A 2026-03-10", "A 2026-03-13", "B 2026-03-13"]);
    const withdrawn = [v1, v2({ start: "2026-03-09", end: "2026-03-15" })];
    expect(dates(withdrawn)).toEqual(["A 2026-03-10"]);
    expect(feedDates(withdrawn)).toEqual(["A 2026-03-10"]);
  });

  it("still lets a later version over other dates keep the withdrawn version's period as it left it", () => {
    const next: PublishedVersion = { version: 3, publishedAt: "2026-03-03T12:00:00Z", input: over("2026-03-16", "2026-03-22"), schedule: { assignments: [a("B", "2026-03-17", "D8")] } };
    expect(dates([v1, v2({ start: "2026-03-09", end: "2026-03-15" }), next])).toEqual(["A 2026-03-10", "B 2026-03-17"]);
  });
});

describe("datesLeftBehind", () => {
  it("names each date a shortened horizon cuts off that has published shifts, with how many", () => {
    expect(datesLeftBehind([v1], { start: "2026-03-09", end: "2026-03-11" })).toEqual({
      version: 1, covered: { start: "2026-03-09", end: "2026-03-15" }, dates: [{ date: "2026-03-13", shifts: 2 }], withdraw: { start: "2026-03-09", end: "2026-03-15" },
    });
  });

  it("asks about dates cut off at the start as at the end", () => {
    expect(datesLeftBehind([v1], { start: "2026-03-11", end: "2026-03-15" })?.dates).toEqual([{ date: "2026-03-10", shifts: 1 }]);
  });

  it("reads a version's recorded coverage before its horizon", () => {
    const latest = v2({ start: "2026-03-09", end: "2026-03-15" });
    expect(datesLeftBehind([latest], { start: "2026-03-09", end: "2026-03-09" })?.dates).toEqual([{ date: "2026-03-10", shifts: 1 }]);
  });

  it("asks nothing when the horizon lies elsewhere or reaches past the latest coverage (next week, a rolling window)", () => {
    expect(datesLeftBehind([v1], { start: "2026-03-16", end: "2026-03-22" })).toBeNull();
    expect(datesLeftBehind([v1], { start: "2026-03-02", end: "2026-03-08" })).toBeNull();
    expect(datesLeftBehind([v1], { start: "2026-03-12", end: "2026-03-18" })).toBeNull();
    expect(datesLeftBehind([v1], { start: "2026-03-02", end: "2026-03-11" })).toBeNull();
  });

  it("asks nothing when the dates cut off hold no shift, before any publish, or of a version with no known horizon", () => {
    expect(datesLeftBehind([v1], { start: "2026-03-09", end: "2026-03-13" })).toBeNull();
    expect(datesLeftBehind([], { start: "2026-03-09", end: "2026-03-11" })).toBeNull();
    const { input: _input, ...unknownHorizon } = v1;
    expect(datesLeftBehind([unknownHorizon], { start: "2026-03-09", end: "2026-03-11" })).toBeNull();
  });

  it("asks about a period shortened after a later one was published (March cut short once April is out), its dates as later versions left them", () => {
    const april: PublishedVersion = { version: 2, publishedAt: "2026-03-02T12:00:00Z", input: over("2026-03-16", "2026-03-22"), schedule: { assignments: [a("B", "2026-03-17", "D8")] } };
    // v1's 03-13 is still v1's: april covers other dates, so withdrawing v1's whole coverage takes nothing of april's.
    expect(datesLeftBehind([v1, april], { start: "2026-03-09", end: "2026-03-11" })).toEqual({
      version: 1, covered: { start: "2026-03-09", end: "2026-03-15" }, dates: [{ date: "2026-03-13", shifts: 2 }], withdraw: { start: "2026-03-09", end: "2026-03-15" },
    });
  });

  it("leaves out dates a later version covers, and withdraws only as far as the dates cut off when a later version covers part of the period", () => {
    // A later version over 03-14..03-15 alone: v1's 03-13 is left behind, its 03-14..15 are the later version's.
    const tail: PublishedVersion = { version: 2, publishedAt: "2026-03-02T12:00:00Z", input: over("2026-03-14", "2026-03-15"), schedule: { assignments: [] } };
    const v1Wide: PublishedVersion = { ...v1, schedule: { assignments: [...v1.schedule.assignments, a("A", "2026-03-15", "D8")] } };
    expect(datesLeftBehind([v1Wide, tail], { start: "2026-03-09", end: "2026-03-11" })).toEqual({
      version: 1, covered: { start: "2026-03-09", end: "2026-03-15" }, dates: [{ date: "2026-03-13", shifts: 2 }], withdraw: { start: "2026-03-09", end: "2026-03-13" },
    });
    // A later version over 03-12 alone, between the horizon and v1's 03-13: no one range withdraws 03-13 and spares it.
    const middle: PublishedVersion = { version: 2, publishedAt: "2026-03-02T12:00:00Z", input: over("2026-03-12", "2026-03-12"), schedule: { assignments: [a("B", "2026-03-12", "D8")] } };
    expect(datesLeftBehind([v1, middle], { start: "2026-03-09", end: "2026-03-11" })).toEqual({
      version: 1, covered: { start: "2026-03-09", end: "2026-03-15" }, dates: [{ date: "2026-03-13", shifts: 2 }], between: { version: 2, date: "2026-03-12" },
    });
    // A later version with no known horizon speaks for every date: nothing is v1's any more.
    const { input: _input, ...legacy } = middle;
    expect(datesLeftBehind([v1, legacy], { start: "2026-03-09", end: "2026-03-11" })).toBeNull();
  });
});
