/**
 * Ranking candidates for one open shift, on the small test world (Mon 2026-03-02 to Sun 2026-03-08,
 * America/Chicago; workweeks start on Sunday): Ann (A, pharmacist, $60, weekly40), Ben (B, pharmacist,
 * 8/80), Cat (C, technician II) and Dan (D, technician I). Every figure below is reasoned out by hand.
 */
import { describe, expect, it } from "vitest";
import type { Assignment, PlanningInput, PlanningInputFile } from "../../../models/index.js";
import { explain, prepare } from "../../../src/pipeline.js";
import { parseOpenShift, rankCandidates, type CandidateRanking } from "../../../src/repair/candidates.js";
import { onLeave, smallWorld } from "../../fixtures/small-world.js";
import { addTemplates, patchStaff } from "../../fixtures/patch.js";
import { a, withRule } from "../../fixtures/world.js";

/** A week of the test world with the 12-h templates; the isolated-day rules off unless a test wants them. */
function week(options: { minConsecutive?: boolean; overrides?: Partial<PlanningInputFile> } = {}): PlanningInput {
  let input = smallWorld(7, options.overrides ?? {}, { twelves: true });
  if (!options.minConsecutive) {
    input = withRule(input, "days.min-consecutive", { enabled: false });
    input = withRule(input, "days-off.min-consecutive", { enabled: false });
  }
  // Ben's rate above Ann's: Ann is the cheaper pharmacist by the hour, so overtime alone can put her second.
  return patchStaff(input, "B", { hourlyRate: 62 });
}

function rank(input: PlanningInput, assignments: Assignment[], date: string, shift: string): CandidateRanking {
  const prepared = prepare(input);
  const open = parseOpenShift(prepared, { date, shift });
  if (!open.ok) throw new Error(JSON.stringify(open.problems));
  return rankCandidates(prepared, { assignments }, open.value);
}

const ids = (list: readonly { staff: string }[]): string[] => list.map((x) => x.staff);
const THURSDAY = "2026-03-05";

describe("rankCandidates", () => {
  it("ranks one who would pass 40 h in the workweek below one who would not, by the overtime premium", () => {
    // Ann works 3 × 12 h (Mon–Wed): a Thursday D8 (8 h paid) takes her to 44 h, 4 h over 40 at half her $60 again.
    const ann = ["2026-03-02", "2026-03-03", "2026-03-04"].map((d) => a("A", d, "P12"));
    const r = rank(week(), ann, THURSDAY, "D8");
    expect(ids(r.candidates)).toEqual(["B", "A"]);
    const [ben, annC] = r.candidates;
    expect(annC).toMatchObject({ overtimeHoursAdded: 4, laborDollarsChange: 8 * 60 + 4 * 30 });
    expect(ben).toMatchObject({ overtimeHoursAdded: 0, laborDollarsChange: 8 * 62 });
    // The rest of the total (8 staff-hours on duty beyond a demand of none) is the same for both.
    expect(annC!.totalChange - ben!.totalChange).toBeCloseTo(600 - 496, 6);
    // The technicians may not take a pharmacist's shift.
    expect(r.excluded.map((e) => [e.staff, e.rule])).toEqual([["C", "shift.eligibility"], ["D", "shift.eligibility"]]);
  });

  it("excludes a person on approved leave with the leave rule's id and the checker's message", () => {
    const r = rank(onLeave(week(), "B"), [], THURSDAY, "D8");
    expect(ids(r.candidates)).toEqual(["A"]);
    const ben = r.excluded.find((e) => e.staff === "B");
    expect(ben).toMatchObject({ rule: "leave.approved", alsoBreaks: [] });
    expect(ben!.message).toContain("approved leave");
  });

  it("leaves out who already works the shift, and excludes who works another shift that day", () => {
    // Ben is on the D8 already; Ann works the evening, which the D8 overlaps by 30 minutes.
    const r = rank(week(), [a("B", THURSDAY, "D8"), a("A", THURSDAY, "E8")], THURSDAY, "D8");
    expect(r.alreadyOn).toEqual(["B"]);
    expect(ids(r.candidates)).toEqual([]);
    expect(r.excluded.map((e) => e.staff)).toEqual(["A", "C", "D"]);
    expect(r.excluded[0]).toMatchObject({ rule: "shift.one-per-day", alsoBreaks: ["shift.no-overlap"] });
  });

  it("excludes one whose night ends as the shift starts (rest) and one on a sixth day in a row (max consecutive days)", () => {
    const friday = "2026-03-06";
    const annNight = a("A", THURSDAY, "N8"); // 23:00 Thursday to 07:00 Friday: no rest before a 07:00 start
    const benWeek = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
    const input = patchStaff(week(), "B", { history: [{ date: benWeek[0]!, template: "D8" }] });
    const r = rank(input, [annNight, ...benWeek.slice(1).map((d) => a("B", d, "D8"))], friday, "D8");
    expect(ids(r.candidates)).toEqual([]);
    expect(r.excluded.find((e) => e.staff === "A")).toMatchObject({ rule: "rest.min-between-shifts" });
    expect(r.excluded.find((e) => e.staff === "B")).toMatchObject({ rule: "days.max-consecutive" });
  });

  it("excludes one whose shift lengthens a run of working days already too long", () => {
    // Ben works Monday to Saturday, six days, one over the limit of 5; a Sunday makes it two over.
    const benDays = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07"];
    const r = rank(week(), benDays.map((d) => a("B", d, "D8")), "2026-03-08", "D8");
    expect(ids(r.candidates)).toEqual(["A"]);
    expect(r.excluded.find((e) => e.staff === "B")).toMatchObject({ rule: "days.max-consecutive" });
  });

  it("does not exclude one whose shift only mends a hard rule the schedule already breaks (a contract minimum)", () => {
    // Ann's contract asks 16 h over the week; without shifts she is 960 minutes short, with the D8 480.
    const input = patchStaff(week(), "A", { contract: { minMinutesPerHorizon: 960 } });
    expect(explain(prepare(input), { assignments: [] }).feasible).toBe(false);
    const r = rank(input, [], THURSDAY, "D8");
    expect(ids(r.candidates)).toEqual(["A", "B"]);
  });

  it("takes the call-out (on the shift, on approved leave that date) off it first, so each candidate is judged as their cover", () => {
    // Ann is still on Thursday's D8 in the schedule, and on sick leave that day in the input.
    const floors = [{ area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00" }];
    const input = patchStaff(week({ overrides: { floors } }), "A", { leave: [{ start: THURSDAY, end: THURSDAY, reason: "sick" }] });
    const r = rank(input, [a("A", THURSDAY, "D8")], THURSDAY, "D8");
    expect(r.calledOut).toEqual(["A"]);
    expect(r.alreadyOn).toEqual([]);
    expect(ids(r.candidates)).toEqual(["B"]);
    // Ben covers the floor's 8 h that Ann's call-out left open, as the checker counts it without her shift.
    expect(r.candidates[0]).toMatchObject({ coverageGainedStaffHours: 8 });
    const prepared = prepare(input);
    const change = explain(prepared, { assignments: [a("B", THURSDAY, "D8")] }).total - explain(prepared, { assignments: [] }).total;
    expect(r.candidates[0]!.totalChange).toBeCloseTo(change, 6);
    // Named once, as the call-out: not again among those who may not take the shift (QA 3, judgement call 5).
    expect(r.excluded.find((e) => e.staff === "A")).toBeUndefined();
  });

  it("does not exclude one whose shift lengthens too short a run from its start (a minimum of consecutive days made hard)", () => {
    // At least 3 days in a row, hard: Ben's lone Wednesday is 2 days short; a Tuesday makes Tuesday–Wednesday, 1 short.
    const input = withRule(week({ minConsecutive: true }), "days.min-consecutive", { hard: true, params: { minDays: 3 } });
    const r = rank(input, [a("B", "2026-03-04", "D8")], "2026-03-03", "D8");
    expect(ids(r.candidates)).toEqual(["B"]);
    // Ann's Tuesday alone would be a new run 2 days short.
    expect(r.excluded.find((e) => e.staff === "A")).toMatchObject({ rule: "days.min-consecutive" });
  });

  it("names the soft rules a shift breaks and mends, and the coverage it gains", () => {
    // A floor of one pharmacist 07:00–15:00: the D8 (07:00–15:30) covers its 8 staff-hours on Thursday.
    // Ben's Wednesday D8 is an isolated working day; a Thursday one mends it, and would be Ann's only day.
    const floors = [{ area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00" }];
    const input = patchStaff(week({ minConsecutive: true, overrides: { floors } }), "B", { hourlyRate: 58 });
    const r = rank(input, [a("B", "2026-03-04", "D8")], THURSDAY, "D8");
    expect(ids(r.candidates)).toEqual(["B", "A"]);
    const [ben, ann] = r.candidates;
    for (const c of [ben!, ann!]) {
      expect(c.coverageGainedStaffHours).toBe(8);
      expect(c.rules).toContainEqual({ rule: "coverage.floor-shortfall", penaltyChange: -8 * 1000, violationsChange: -1 });
    }
    expect(ben!.rules).toContainEqual({ rule: "days.min-consecutive", penaltyChange: -100, violationsChange: -1 });
    expect(ann!.rules).toContainEqual({ rule: "days.min-consecutive", penaltyChange: 100, violationsChange: 1 });
  });

  it("agrees with the checker: each candidate's change is the total with the shift minus without", () => {
    const input = week({ minConsecutive: true });
    const assignments = [a("A", "2026-03-02", "P12"), a("C", "2026-03-03", "IV10"), a("D", "2026-03-04", "T12")];
    const prepared = prepare(input);
    const r = rank(input, assignments, THURSDAY, "T12");
    const before = explain(prepared, { assignments });
    expect(ids(r.candidates)).toEqual(["D", "C"]);
    for (const c of r.candidates) {
      const after = explain(prepared, { assignments: [...assignments, a(c.staff, THURSDAY, "T12")] });
      expect(c.totalChange).toBeCloseTo(after.total - before.total, 6);
      expect(after.feasible).toBe(true);
    }
  });
});

describe("parseOpenShift", () => {
  const prepared = prepare(addTemplates(week(), { id: "WKD", name: "Weekday", area: "central", start: "09:00", lengthMinutes: 480, roleFamily: "pharmacist", weekdays: [1, 2, 3, 4, 5] }));
  const problems = (date?: string, shift?: string) => {
    const parsed = parseOpenShift(prepared, { date, shift });
    return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("accepts a template on a date it runs", () => {
    expect(parseOpenShift(prepared, { date: THURSDAY, shift: "WKD" })).toEqual({ ok: true, value: { date: THURSDAY, template: "WKD" } });
  });

  it("names each bad field once: missing, malformed, outside the horizon, unknown, not run that weekday", () => {
    expect(problems()).toEqual(["date: required: the date the open shift starts on, YYYY-MM-DD", "shift: required: the open shift's template id"]);
    expect(problems("2026-3-5", "D8")).toEqual(["date: must be a date YYYY-MM-DD"]);
    expect(problems("2026-03-09", "D8")).toEqual(["date: must be within the horizon 2026-03-02…2026-03-08"]);
    expect(problems(THURSDAY, "XX")[0]).toMatch(/^shift: unknown shift template id \(known: D8, E8, N8, IV10, T12, TN12, P12, C12, WKD\)$/);
    expect(problems("2026-03-07", "WKD")).toEqual(["date: is a Saturday, when WKD does not run (it runs on Monday, Tuesday, Wednesday, Thursday, Friday)"]);
  });
});
