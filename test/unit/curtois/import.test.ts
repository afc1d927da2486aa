/**
 * The imported benchmark runs through the project's own pipeline and checker and must agree with the
 * independent evaluator: the published rosters are feasible at their stated penalty, each mutation breaks
 * the project rule mapped from the benchmark rule it breaks, and random edits are judged alike.
 * Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import { BENCHMARK_RULES, HORIZON_START, dateOfDay, dayOfDate, importInstance, toRosterAssignments, toSchedule } from "../../../bench/curtois/import.js";
import { parseCurtoisInstance } from "../../../bench/curtois/parse-instance.js";
import type { RosterAssignment } from "../../../bench/curtois/parse-roster.js";
import type { PlanningInput } from "../../../models/index.js";
import { explain, parseScheduleFor, prepare, type Prepared } from "../../../src/pipeline.js";
import { MUTATIONS, PUBLISHED, mutate, published } from "./fixtures.js";

const RUNS = 40;

function imported(instance: number): PlanningInput {
  const parsed = importInstance(published(instance).data, { name: `Curtois–Qu instance ${instance}` });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return parsed.value;
}

const preparedCache = new Map<number, Prepared>();
function prepared(instance: number): Prepared {
  let p = preparedCache.get(instance);
  if (!p) preparedCache.set(instance, (p = prepare(imported(instance))));
  return p;
}

/** Hard violations as "rule employee", the evaluator's mapped to project rule ids, sorted. */
function evaluatorHard(instance: number, assignments: RosterAssignment[]): string[] {
  return evaluateRoster(published(instance).data, { assignments })
    .hardViolations.map((v) => `${v.rule === "unknown-reference" ? v.rule : BENCHMARK_RULES[v.rule]} ${v.employee}`)
    .sort();
}

/**
 * The project's hard violations in the same form. Two shifts on one date both start at 00:00 here, so
 * `shift.no-overlap` always joins `shift.one-per-day` (rule 1); it is dropped for the comparison.
 */
function projectHard(instance: number, assignments: RosterAssignment[]): string[] {
  return explain(prepared(instance), toSchedule({ assignments }))
    .violations.filter((v) => v.hard && v.rule !== "shift.no-overlap")
    .map((v) => `${v.rule} ${v.subjects.staff}`)
    .sort();
}

describe("importInstance", () => {
  it("maps day 0 to Monday 2024-01-01 and back", () => {
    expect(new Date(`${HORIZON_START}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(dateOfDay(27)).toBe("2024-01-28");
    expect(dayOfDate("2024-01-28")).toBe(27);
  });

  it("gives a planning input the pipeline accepts for all 12 instances", () => {
    for (const { instance, data } of PUBLISHED) {
      const input = imported(instance);
      expect(input.staff).toHaveLength(data.staff.length);
      expect(input.horizon).toEqual({ start: HORIZON_START, end: dateOfDay(data.horizon - 1) });
      expect(input.slotDemand).toHaveLength(data.cover.length);
    }
  });

  it("refuses a horizon longer than a planning input holds in one problem, before any date is built", () => {
    // 300 000 000 days end past the last date a Date can show: this threw a RangeError.
    for (const horizon of [367, 300_000_000]) {
      expect(importInstance({ ...published(1).data, horizon })).toEqual({
        ok: false,
        problems: [{ path: "horizon", message: `SECTION_HORIZON must be at most 366 days (got ${horizon})`, value: horizon }],
      });
    }
  });

  it("turns one employee's line into a contract, leave and weighted requests", () => {
    // Instance 1, employee A: D=14, 4320/3360 minutes, runs 5/2, days off 2, one weekend; day 0 off;
    // shift-on requests for D on days 2 and 3 at weight 2.
    const a = imported(1).staff[0]!;
    expect(a).toMatchObject({
      id: "A",
      fte: 0,
      hourlyRate: 0,
      contract: {
        maxShiftsPerTemplate: { D: 14 },
        minMinutesPerHorizon: 3360,
        maxMinutesPerHorizon: 4320,
        maxConsecutiveDays: 5,
        minConsecutiveDays: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 1,
      },
      leave: [{ start: "2024-01-01", end: "2024-01-01" }],
      requests: [
        { kind: "shift-on", date: "2024-01-03", template: "D", weight: 2 },
        { kind: "shift-on", date: "2024-01-04", template: "D", weight: 2 },
      ],
    });
    expect(imported(3).shiftTemplates.find((t) => t.id === "L")).toMatchObject({ start: "00:00", lengthMinutes: 480, unpaidBreakMinutes: 0, forbiddenNext: ["E", "D"] });
  });
});

describe("the project's checker on the published rosters", () => {
  it.each(PUBLISHED.map((c) => [c.instance, c.penalty] as const))("finds instance %i's roster feasible at %i", (instance, penalty) => {
    const input = imported(instance);
    const schedule = parseScheduleFor(input, toSchedule(published(instance).roster));
    if (!schedule.ok) throw new Error(schedule.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    const e = explain(prepared(instance), schedule.value);
    expect(e.violations.filter((v) => v.hard)).toEqual([]);
    expect(e.feasible).toBe(true);
    expect(Math.abs(e.total - penalty)).toBeLessThan(1e-6);
  });

  it("reads a schedule back as the roster it came from", () => {
    const { roster } = published(5);
    const byEmployeeAndDay = (x: RosterAssignment, y: RosterAssignment): number => (x.employee < y.employee ? -1 : x.employee > y.employee ? 1 : x.day - y.day);
    expect(toRosterAssignments(toSchedule(roster))).toEqual([...roster.assignments].sort(byEmployeeAndDay));
  });
});

describe("the project's checker on mutated rosters", () => {
  it.each(MUTATIONS.map((m) => [BENCHMARK_RULES[m.rule], m.rule, m] as const))("flags %s where the benchmark breaks %s", (projectRule, _, m) => {
    const assignments = mutate(published(m.instance).roster, m);
    expect(projectHard(m.instance, assignments), m.story).toEqual([`${projectRule} ${m.employee}`]);
  });

  it("judges random edits of the published rosters as the evaluator does, hard rules and penalty", () => {
    const edit = fc.record({ employee: fc.nat(), day: fc.nat(), shift: fc.nat(), kind: fc.constantFrom("set", "clear", "add") });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PUBLISHED.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (which, edits) => {
        const { instance, data, roster } = PUBLISHED[which]!;
        let assignments = [...roster.assignments];
        for (const e of edits) {
          const employee = data.staff[e.employee % data.staff.length]!.id;
          const day = e.day % data.horizon;
          const shift = data.shifts[e.shift % data.shifts.length]!.id;
          if (e.kind !== "add") assignments = assignments.filter((a) => !(a.employee === employee && a.day === day));
          if (e.kind !== "clear" && !assignments.some((a) => a.employee === employee && a.day === day && a.shift === shift)) assignments.push({ employee, day, shift });
        }
        expect(projectHard(instance, assignments)).toEqual(evaluatorHard(instance, assignments));
        const total = explain(prepared(instance), toSchedule({ assignments })).total;
        expect(Math.abs(total - evaluateRoster(data, { assignments }).penalty)).toBeLessThan(1e-6);
      }),
      { numRuns: RUNS, seed: 20240101 },
    );
  });
});

describe("the project's checker at the horizon's edges", () => {
  // One person, 8 days (a weekend on days 5–6, day 7 a Monday), E and L with L→E forbidden, runs of work
  // and rest at least 2 inside the horizon, at most 3 days in a row, no weekend, day 3 off: every roster
  // of that person, so every short run touching day 0 or day 7 and every one a day in from them is met.
  const text = [
    "SECTION_HORIZON", "8", "",
    "SECTION_SHIFTS", "E,300,", "L,500,E", "",
    "SECTION_STAFF", "A,E=3|L=4,2400,600,3,2,2,0", "",
    "SECTION_DAYS_OFF", "A,3", "",
    "SECTION_SHIFT_ON_REQUESTS", "A,0,E,3", "A,7,L,2", "",
    "SECTION_SHIFT_OFF_REQUESTS", "A,4,L,5", "",
    "SECTION_COVER", "0,E,1,100,1", "7,L,0,10,7", "",
  ].join("\n");
  const data = parseCurtoisInstance(text);
  if (!data.ok) throw new Error(data.problems.map((p) => p.message).join("\n"));
  const input = importInstance(data.value);
  if (!input.ok) throw new Error(input.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const prep = prepare(input.value);

  it("judges all 3^8 rosters of one person as the evaluator does, hard rules and penalty", () => {
    let judged = 0;
    for (let code = 0; code < 3 ** 8; code++) {
      const assignments: RosterAssignment[] = [];
      for (let day = 0, rest = code; day < 8; day++, rest = Math.floor(rest / 3)) {
        if (rest % 3 > 0) assignments.push({ employee: "A", day, shift: rest % 3 === 1 ? "E" : "L" });
      }
      const evaluation = evaluateRoster(data.value, { assignments });
      const explained = explain(prep, toSchedule({ assignments }));
      const project = explained.violations.filter((v) => v.hard).map((v) => v.rule);
      const evaluator = evaluation.hardViolations.map((v) => (v.rule === "unknown-reference" ? v.rule : BENCHMARK_RULES[v.rule]));
      expect([...new Set(project)].sort(), JSON.stringify(assignments)).toEqual([...new Set(evaluator)].sort());
      expect(Math.abs(explained.total - evaluation.penalty), JSON.stringify(assignments)).toBeLessThan(1e-6);
      judged++;
    }
    expect(judged).toBe(6561);
  });
});
