import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import type { CurtoisInstance } from "../../../bench/curtois/instance.js";
import { parseCurtoisInstance } from "../../../bench/curtois/parse-instance.js";
import type { RosterAssignment } from "../../../bench/curtois/parse-roster.js";
import { MUTATIONS, PUBLISHED, mutate, published, tinyText } from "./fixtures.js";

describe("evaluateRoster on the published rosters", () => {
  it("has all 12 published rosters to score", () => {
    expect(PUBLISHED).toHaveLength(12);
  });

  it.each(PUBLISHED.map((c) => [c.instance, c.penalty, c] as const))("scores instance %i's roster %i, the penalty in its file name, with no hard violation", (_, penalty, c) => {
    const e = evaluateRoster(c.data, c.roster);
    expect(e.hardViolations).toEqual([]);
    expect(e.penalty).toBe(penalty);
    expect(e.breakdown.onRequests + e.breakdown.offRequests + e.breakdown.coverUnder + e.breakdown.coverOver).toBe(penalty);
  });

  it("splits instance 1's 607 into its parts", () => {
    const c = published(1);
    expect(evaluateRoster(c.data, c.roster).breakdown).toEqual({ onRequests: 3, offRequests: 3, coverUnder: 600, coverOver: 1 });
  });
});

describe("evaluateRoster flags each hard rule on a mutated published roster", () => {
  it.each(MUTATIONS.map((m) => [m.rule, m.instance, m] as const))("%s (instance %i)", (rule, _, m) => {
    const c = published(m.instance);
    expect(evaluateRoster(c.data, c.roster).hardViolations).toEqual([]);
    expect(evaluateRoster(c.data, { assignments: mutate(c.roster, m) }).hardViolations, m.story).toEqual([{ rule, employee: m.employee, detail: m.detail }]);
  });

  it("flags an assignment to a shift the instance does not have, ids being case-sensitive", () => {
    const c = published(1);
    const e = evaluateRoster(c.data, { assignments: [...c.roster.assignments.filter((a) => !(a.employee === "A" && a.day === 1)), { employee: "A", day: 1, shift: "d" }] });
    expect(e.hardViolations).toContainEqual({ rule: "unknown-reference", employee: "A", detail: "shift d (day 1) is not in the instance" });
  });
});

describe("evaluateRoster's reading of the README at the edges (tiny instance)", () => {
  const parsed = parseCurtoisInstance(tinyText());
  if (!parsed.ok) throw new Error("tiny instance does not parse");
  /** The tiny instance without B's days off, A's shift cap or totals getting in the way. */
  const tiny: CurtoisInstance = {
    ...parsed.value,
    daysOff: [],
    staff: parsed.value.staff.map((s) => ({ ...s, minTotalMinutes: 0, maxTotalMinutes: 10_000, maxShifts: {}, maxWeekends: 7 })),
  };
  const rulesOf = (assignments: RosterAssignment[]): string[] => evaluateRoster(tiny, { assignments }).hardViolations.map((v) => `${v.rule} ${v.employee}`);
  const A = (...days: number[]): RosterAssignment[] => days.map((day) => ({ employee: "A", day, shift: "D" }));

  it("does not judge a single working day touching day 0 or the last day (rule 6)", () => {
    expect(rulesOf(A(0, 3, 4))).toEqual([]);
    expect(rulesOf(A(2, 3, 6))).toEqual([]);
    expect(rulesOf(A(3))).toEqual(["min-consecutive-shifts A"]);
  });

  it("does not judge a single day off touching day 0 or the last day (rule 7)", () => {
    expect(rulesOf(A(1, 2, 3, 4, 5))).toEqual([]);
    expect(rulesOf(A(0, 1, 3, 4))).toEqual(["min-consecutive-days-off A"]);
  });

  it("counts days outside the horizon as off for the longest run (rule 5)", () => {
    expect(rulesOf(A(2, 3, 4, 5, 6))).toEqual([]);
    expect(rulesOf(A(1, 2, 3, 4, 5, 6))).toEqual(["max-consecutive-shifts A"]);
  });

  it("counts a weekend worked on either day (rule 8)", () => {
    const oneWeekend = { ...tiny, staff: tiny.staff.map((s) => ({ ...s, maxWeekends: 0 })) };
    expect(evaluateRoster(oneWeekend, { assignments: A(4, 5) }).hardViolations.map((v) => v.detail)).toEqual(["works 1 weekend (days 5–6), at most 0"]);
    expect(evaluateRoster(oneWeekend, { assignments: A(6) }).hardViolations.map((v) => v.detail)).toEqual(["works 1 weekend (days 5–6), at most 0"]);
    expect(evaluateRoster(oneWeekend, { assignments: A(1, 2, 3, 4) }).hardViolations).toEqual([]);
  });

  it("forbids d then D on the next day but not D then d (rule 2)", () => {
    const d = (day: number, shift: string): RosterAssignment => ({ employee: "A", day, shift });
    expect(rulesOf([d(2, "d"), d(3, "D")])).toEqual(["forbidden-succession A"]);
    expect(rulesOf([d(2, "D"), d(3, "d")])).toEqual([]);
  });

  it("prices requests by their weight and cover per person short or over", () => {
    // A asked for d on day 0 (3); B asked not to work D on day 4 (2). Cover: D and d on day 0, D on day 4.
    const e = evaluateRoster(tiny, {
      assignments: [
        { employee: "A", day: 0, shift: "D" },
        { employee: "B", day: 0, shift: "D" },
        { employee: "B", day: 4, shift: "D" },
      ],
    });
    expect(e.breakdown).toEqual({ onRequests: 3, offRequests: 2, coverUnder: 100, coverOver: 1 });
    expect(e.penalty).toBe(106);
  });
});
