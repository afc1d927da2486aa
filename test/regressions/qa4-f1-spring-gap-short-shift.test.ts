/**
 * QA pass 4, F1: a shift starting in the spring-forward gap moves forward by the gap, but its end stays at
 * its wall-clock end, so one no longer than the gap ended before (or as) it started: paid 0, a negative
 * overlap, a slot counted as filled, an .ics whose DTSTART and DTEND ical-generator swapped. Such a shift
 * does not run that date, as on a weekday it does not run. The test world is America/Chicago: the clocks
 * go from 02:00 CST to 03:00 CDT on Sunday 2026-03-08.
 */
import { describe, expect, it } from "vitest";
import { formatProblem, springGapWords, type PlanningInputFile } from "../../models/index.js";
import { parseInput, parseScheduleFor, prepare } from "../../src/pipeline.js";
import { parseOpenShift } from "../../src/repair/candidates.js";
import { buildTimeGrid } from "../../src/time/grid.js";
import { expectModelAgreesWithChecker, solveDirect } from "../fixtures/solve.js";
import { a, BASE, world } from "../fixtures/world.js";

const GAP_DAY = "2026-03-08";
const check = { area: "central", roleFamily: "pharmacist" as const, requiredSkills: ["verify"] };
const templates = [
  ...BASE.shiftTemplates!,
  { ...check, id: "Q", name: "Check", start: "02:30", lengthMinutes: 45 }, // 03:30–03:15 on the 8th
  { ...check, id: "H", name: "Hand-over", start: "02:30", lengthMinutes: 60 }, // 03:30–03:30
  { ...check, id: "G", name: "Gap check", start: "02:10", lengthMinutes: 30 }, // wholly in the gap: 03:10–03:40
];
const gapWorld = (overrides: Partial<PlanningInputFile> = {}) => world({ shiftTemplates: templates, ...overrides });
const problems = (overrides: Partial<PlanningInputFile>): string[] => {
  const parsed = parseInput({ ...BASE, shiftTemplates: templates, ...overrides });
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
};
const WORDS = "is 2026-03-08, when Q does not run: the clocks of America/Chicago go forward 1 h at 02:00 that day, so its 02:30 start moves to 03:30 and it would end at 03:15, before it starts";

describe("a shift the spring-forward gap leaves no time does not run that date", () => {
  it("lays out no shift of a template whose start the gap moves to or past its end, and keeps the others", () => {
    const grid = buildTimeGrid(gapWorld());
    const keys = new Set(grid.shifts.map((s) => s.key));
    expect(["Q", "H"].flatMap((t) => ["2026-03-07", GAP_DAY, "2026-03-09"].map((d) => keys.has(`${t}@${d}`)))).toEqual([true, false, true, true, false, true]);
    const g = grid.shifts.find((s) => s.key === `G@${GAP_DAY}`)!;
    expect(g.endMinute - g.startMinute).toBe(30);
    expect(grid.shifts.every((s) => s.endMinute > s.startMinute)).toBe(true);
    // History naming it is refused (below); one in a site stored before that is not laid out either.
    const stored = gapWorld({ horizon: { start: "2026-03-09", end: "2026-03-15" } });
    stored.staff[0]!.history = [{ template: "Q", date: GAP_DAY }, { template: "Q", date: "2026-03-07" }];
    expect(buildTimeGrid(stored).history["A"]!.map((s) => s.key)).toEqual(["Q@2026-03-07"]);
  });

  it("refuses a slot line, a shift-on request, a history shift, an assignment and an open shift on it, naming the field, date and clock change", () => {
    const ann = (extra: object) => ({ staff: [{ ...BASE.staff![0]!, ...extra }, ...BASE.staff!.slice(1)] });
    expect(problems({ slotDemand: [{ template: "Q", date: GAP_DAY, required: 1 }] })).toEqual([`slotDemand[0].date: ${WORDS}: nobody could fill the line (got "${GAP_DAY}")`]);
    expect(problems(ann({ requests: [{ kind: "shift-on", template: "Q", date: GAP_DAY, weight: 1 }] }))).toEqual([`staff[0].requests[0].date: ${WORDS}: the request could never be granted (got "${GAP_DAY}")`]);
    expect(problems({ horizon: { start: "2026-03-09", end: "2026-03-15" }, ...ann({ history: [{ template: "Q", date: GAP_DAY }] }) })).toEqual([`staff[0].history[0].date: ${WORDS}: nobody worked it (got "${GAP_DAY}")`]);
    const lock = parseScheduleFor(gapWorld(), { assignments: [{ ...a("A", GAP_DAY, "Q"), locked: true }] });
    expect(lock.ok ? [] : lock.problems.map(formatProblem)).toEqual([`assignments[0].date: ${WORDS} (got "${GAP_DAY}")`]);
    const open = parseOpenShift(prepare(gapWorld()), { date: GAP_DAY, shift: "H" });
    expect(open.ok ? [] : open.problems.map(formatProblem)).toEqual([`date: ${WORDS.replaceAll("Q", "H").replace("03:15, before", "03:30, as")} (got "${GAP_DAY}")`]);
  });

  it("finds the gap where the clocks skip midnight (Santiago) or go forward 30 minutes (Lord Howe Island)", () => {
    const check = (start: string, lengthMinutes: number, date: string, zone: string) => springGapWords({ id: "T", start, lengthMinutes }, date, zone);
    expect(check("00:30", 30, "2026-09-06", "America/Santiago")).toBe("is 2026-09-06, when T does not run: the clocks of America/Santiago go forward 1 h at 00:00 that day, so its 00:30 start moves to 01:30 and it would end at 01:00, before it starts");
    expect(check("02:15", 15, "2026-10-04", "Australia/Lord_Howe")).toBe("is 2026-10-04, when T does not run: the clocks of Australia/Lord_Howe go forward 30 min at 02:00 that day, so its 02:15 start moves to 02:45 and it would end at 02:30, before it starts");
    expect([check("00:30", 90, "2026-09-06", "America/Santiago"), check("02:15", 15, "2026-10-03", "Australia/Lord_Howe")]).toEqual([undefined, undefined]);
  });

  it("solves with the checker's total as the objective and nobody on it", async () => {
    const input = gapWorld({
      horizon: { start: "2026-03-07", end: "2026-03-09" },
      slotDemand: ["2026-03-07", "2026-03-09"].map((date) => ({ template: "Q", date, required: 1 })),
      floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "03:00", to: "04:00" }],
    });
    const solved = await solveDirect(input);
    expectModelAgreesWithChecker(solved);
    expect(solved.schedule.assignments.filter((x) => x.template === "Q").map((x) => x.date).sort()).toEqual(["2026-03-07", "2026-03-09"]);
    expect(solved.schedule.assignments.some((x) => x.date === GAP_DAY && ["Q", "H"].includes(x.template))).toBe(false);
  });
});
