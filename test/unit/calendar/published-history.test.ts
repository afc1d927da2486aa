/**
 * `withPublishedHistory`: the shifts published before the horizon become the input's history — each
 * date's from the latest version covering it, as far back as the rules read (`historyLookBackDays`), for
 * people still on staff and templates the input still has; a date the stored history names stays as
 * recorded. (QA 3, finding F1.)
 */
import { describe, expect, it } from "vitest";
import type { PlanningInput } from "../../../models/index.js";
import { withPublishedHistory, withScheduleHistory } from "../../../src/calendar/published-history.js";
import type { PublishedVersion } from "../../../src/calendar/events.js";
import { historyLookBackDays } from "../../../solver/rules/look-back.js";
import { a, withRule } from "../../fixtures/world.js";
import { smallWorld } from "../../fixtures/small-world.js";

/** The next period: 03-16..03-18. */
const next: PlanningInput = smallWorld(3, {}, { from: "2026-03-16" });
const version = (n: number, start: string, end: string, assignments: ReturnType<typeof a>[]): PublishedVersion => ({
  version: n, publishedAt: `2026-03-0${n}T12:00:00Z`, covers: { start, end }, schedule: { assignments },
});
const historyOf = (input: PlanningInput, id: string): string[] => input.staff.find((s) => s.id === id)!.history.map((h) => `${h.template}@${h.date}`).sort();

describe("withPublishedHistory", () => {
  it("takes each date's shifts from the latest version covering it, before the horizon only", () => {
    const v1 = version(1, "2026-03-02", "2026-03-15", [a("A", "2026-03-14", "D8"), a("A", "2026-03-15", "N8")]);
    const v2 = version(2, "2026-03-15", "2026-03-17", [a("A", "2026-03-15", "E8"), a("A", "2026-03-16", "D8")]);
    expect(historyOf(withPublishedHistory(next, [v2, v1]).input, "A")).toEqual(["D8@2026-03-14", "E8@2026-03-15"]);
  });

  it("reaches back as far as the rules read (22 days with the defaults, for four weekends; further for a longer run limit) and to the start of the last run of working days before", () => {
    // Ann: 02-18, 02-20 and 02-24. With the defaults the rules read from 02-22 (the Saturday three weekends
    // before the horizon's first could be that far back), and before that her last run (02-20).
    const v1 = version(1, "2026-02-01", "2026-03-15", [a("A", "2026-02-18", "D8"), a("A", "2026-02-20", "D8"), a("A", "2026-02-24", "D8")]);
    expect(historyLookBackDays(next)).toBe(22);
    expect(historyOf(withPublishedHistory(next, [v1]).input, "A")).toEqual(["D8@2026-02-20", "D8@2026-02-24"]);
    const longRuns = withRule(next, "days.max-consecutive", { params: { maxDays: 26 } });
    expect(historyOf(withPublishedHistory(longRuns, [v1]).input, "A")).toEqual(["D8@2026-02-18", "D8@2026-02-20", "D8@2026-02-24"]);
    // Windows of two weekends read 8 days back; the pay period's 13 days are then the furthest.
    const twoWeekends = withRule(next, "weekends.max-per-window", { params: { windowWeekends: 2 } });
    expect(historyLookBackDays(twoWeekends)).toBe(13);
    expect(historyOf(withPublishedHistory(twoWeekends, [v1]).input, "A")).toEqual(["D8@2026-02-24"]);
    // Ben worked none of the days the rules read: his last run (02-20, 02-21) says when his break began.
    const ben = version(2, "2026-02-01", "2026-03-02", [a("B", "2026-02-10", "D8"), a("B", "2026-02-20", "D8"), a("B", "2026-02-21", "E8")]);
    expect(historyOf(withPublishedHistory(next, [v1, ben]).input, "B")).toEqual(["D8@2026-02-20", "E8@2026-02-21"]);
  });

  it("keeps the stored history's date as recorded, and leaves out leavers and templates no longer in the input", () => {
    const recorded = { ...next, staff: next.staff.map((s) => (s.id === "A" ? { ...s, history: [{ date: "2026-03-15", template: "D8" }] } : s)) };
    const withoutN8 = { ...recorded, shiftTemplates: recorded.shiftTemplates.filter((t) => t.id !== "N8") };
    const v1 = version(1, "2026-03-02", "2026-03-15", [a("A", "2026-03-15", "N8"), a("B", "2026-03-15", "N8"), a("B", "2026-03-14", "E8"), a("Z", "2026-03-15", "D8")]);
    const derived = withPublishedHistory(withoutN8, [v1]);
    expect(historyOf(derived.input, "A")).toEqual(["D8@2026-03-15"]);
    expect(historyOf(derived.input, "B")).toEqual(["E8@2026-03-14"]);
    expect(derived.omitted).toEqual(["published shift B N8@2026-03-15 is not counted as history: shift template N8 is no longer in the site's input"]);
    expect(withoutN8.staff.find((s) => s.id === "B")!.history).toEqual([]);
  });
});

describe("withScheduleHistory", () => {
  it("layers plain schedules in the order given, a later one's shifts replacing an earlier one's on the dates it covers, and keeps the source of each shift left out", () => {
    const withoutN8 = { ...next, shiftTemplates: next.shiftTemplates.filter((t) => t.id !== "N8") };
    const march = { file: "march.json", covers: { start: "2026-03-02", end: "2026-03-15" }, assignments: [a("A", "2026-03-14", "D8"), a("A", "2026-03-15", "D8"), a("B", "2026-03-15", "N8")] };
    // Redone after a swap: covers 03-15 alone, so 03-14 stays march.json's.
    const swap = { file: "swap.json", covers: { start: "2026-03-15", end: "2026-03-15" }, assignments: [a("A", "2026-03-15", "E8"), a("B", "2026-03-15", "N8")] };
    const derived = withScheduleHistory(withoutN8, [march, swap]);
    expect(historyOf(derived.input, "A")).toEqual(["D8@2026-03-14", "E8@2026-03-15"]);
    expect(derived.omitted).toEqual([{ assignment: a("B", "2026-03-15", "N8"), source: swap }]);
    // The other way round, march.json covers 03-15 last.
    expect(historyOf(withScheduleHistory(withoutN8, [swap, march]).input, "A")).toEqual(["D8@2026-03-14", "D8@2026-03-15"]);
  });
});
