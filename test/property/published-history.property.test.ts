/**
 * History derived from published versions reaches back far enough: on small random worlds, the checker's
 * explanation of four days with the input's history cut to what `withPublishedHistory` takes from a version
 * holding 50 days of shifts equals the explanation with all 50 days as history — every violation's rule,
 * message and amount, and the total — under random rule settings (run limits, rest, weekend windows,
 * exemptEdges, hard or soft), from a Saturday or a Sunday (a weekend cut by the start reaches back
 * furthest). Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assignment, PlanningInput, RuleId } from "../../models/index.js";
import { explain, prepare } from "../../src/pipeline.js";
import { withPublishedHistory } from "../../src/calendar/published-history.js";
import { addDays } from "../../src/time/grid.js";
import { smallWorld } from "../fixtures/small-world.js";
import { withRule } from "../fixtures/world.js";

const RUNS = 25;
const HISTORY_DAYS = 50;
/**
 * A Saturday 13 days into its pay period (anchor 03-01): its pay period began 13 days before it, its
 * workweek 6. A Sunday: a weekend cut by the start, so the windows of weekends reach back a day further.
 */
const STARTS = ["2026-03-28", "2026-03-22"];
const DAYS = 4;
/** Templates each person may work (role family and skills of the test world). */
const TEMPLATES: Record<string, string[]> = { A: ["D8", "E8", "N8"], B: ["D8", "E8", "N8"], C: ["IV10", "T12", "TN12"], D: ["T12", "TN12"] };
const STAFF = Object.keys(TEMPLATES);

/** A day's shift of one person: none, or one of their templates. */
const dayArb = (id: string) => fc.option(fc.constantFrom(...TEMPLATES[id]!), { nil: undefined, freq: 2 });
const linesArb = (days: number) => fc.tuple(...STAFF.map((id) => fc.array(dayArb(id), { minLength: days, maxLength: days })));
/** Runs of 1–25 working days between breaks of 1–25 days (and 0–20 off at the end), so runs and breaks cross the look-back's start. */
const runLineArb = (id: string, days: number) =>
  fc
    .tuple(fc.array(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), fc.constantFrom(...TEMPLATES[id]!)), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 20 }))
    .map(([runs, tail]) => {
      const line = [...runs.flatMap(([off, on, template]) => [...Array<undefined>(off).fill(undefined), ...Array<string>(on).fill(template)]), ...Array<undefined>(tail).fill(undefined)];
      return [...Array<undefined>(Math.max(0, days - line.length)).fill(undefined), ...line].slice(-days);
    });
const historyArb = (days: number) => fc.tuple(...STAFF.map((id) => fc.oneof(runLineArb(id, days), fc.array(dayArb(id), { minLength: days, maxLength: days }))));

function assignmentsOf(lines: (string | undefined)[][], firstDate: string): Assignment[] {
  return lines.flatMap((line, s) => line.flatMap((template, d) => (template ? [{ staff: STAFF[s]!, date: addDays(firstDate, d), template, locked: false }] : [])));
}

type Settings = {
  start: string;
  maxDays: number;
  maxNights: number;
  minDays: number;
  minDaysOff: number;
  minRestMinutes: number;
  maxWeekends: number;
  windowWeekends: number;
  exemptEdges: boolean;
  hard: boolean;
};
const settingsArb: fc.Arbitrary<Settings> = fc.record({
  start: fc.constantFrom(...STARTS),
  maxDays: fc.integer({ min: 2, max: 20 }),
  maxNights: fc.integer({ min: 1, max: 6 }),
  minDays: fc.integer({ min: 1, max: 4 }),
  minDaysOff: fc.integer({ min: 1, max: 4 }),
  minRestMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
  maxWeekends: fc.integer({ min: 0, max: 3 }),
  windowWeekends: fc.integer({ min: 0, max: 7 }),
  exemptEdges: fc.boolean(),
  hard: fc.boolean(),
});

function configured(settings: Settings): PlanningInput {
  const rules: [RuleId, Record<string, number | boolean>][] = [
    ["days.max-consecutive", { maxDays: settings.maxDays }],
    ["nights.max-consecutive", { maxNights: settings.maxNights }],
    ["days.min-consecutive", { minDays: settings.minDays, exemptEdges: settings.exemptEdges }],
    ["days-off.min-consecutive", { minDays: settings.minDaysOff, exemptEdges: settings.exemptEdges }],
    ["rest.min-between-shifts", { minRestMinutes: settings.minRestMinutes }],
    ["weekends.max-per-window", { maxWeekends: settings.maxWeekends, windowWeekends: settings.windowWeekends }],
  ];
  let input = smallWorld(DAYS, {}, { from: settings.start, payBand: true });
  for (const [rule, params] of rules) input = withRule(input, rule, /^(days|nights|weekends)/.test(rule) ? { params, hard: settings.hard } : { params });
  return input;
}

const summary = (input: PlanningInput, assignments: Assignment[]) => {
  const e = explain(prepare(input), { assignments });
  return { total: e.total, violations: e.violations.map((v) => `${v.rule} ${v.amount} ${v.message}`).sort() };
};

describe("history from published versions", () => {
  it("explains four days as the whole of the published history would", () => {
    fc.assert(
      fc.property(settingsArb, historyArb(HISTORY_DAYS), linesArb(DAYS), (settings, past, week) => {
        const input = configured(settings);
        const start = settings.start;
        const published = assignmentsOf(past, addDays(start, -HISTORY_DAYS));
        const whole = { ...input, staff: input.staff.map((s) => ({ ...s, history: published.filter((a) => a.staff === s.id).map(({ date, template }) => ({ date, template })) })) };
        const version = { version: 1, publishedAt: "2026-03-01T00:00:00Z", covers: { start: addDays(start, -HISTORY_DAYS), end: addDays(start, -1) }, schedule: { assignments: published } };
        const derived = withPublishedHistory(input, [version]).input;
        const schedule = assignmentsOf(week, start);
        const expected = summary(whole, schedule);
        const got = summary(derived, schedule);
        expect(got.violations).toEqual(expected.violations);
        expect(got.total).toBeCloseTo(expected.total, 6);
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  });
});
