/**
 * Minimum consecutive working days: a stretch of working days is at least `minDays` long (default 2; a
 * person's `contract.minConsecutiveDays` overrides it). Policy: isolated single days split days off into
 * fragments and cost a commute for one shift; staff prefer their work in blocks. Soft by default — it is
 * a quality-of-life preference that must give way to coverage — priced at one rule-violation unit per
 * missing day (amount = min − length).
 *
 * Edges (a stretch cut off by the horizon may be longer than it looks):
 * - A stretch reaching the last horizon day is never judged: it may go on next period.
 * - With `exemptEdges` (default true) a stretch starting on day 0 is not judged either, unless the
 *   person's history is given, which shows the day before was off. With `exemptEdges` false it is judged,
 *   as if the day before the horizon were off.
 * - A stretch that starts in history is judged whole. One wholly in history is judged only when it ends
 *   the day before the horizon: the horizon's first day off completes it, so it is this period's to
 *   charge (the previous one left it unjudged, reaching its last day), and working that day avoids it.
 *   One that ended earlier was the previous period's to judge.
 * - "History" is the person's own: the known line starts at their earliest history day. A person with
 *   no history entries, even where the site gives others', is judged as if none were given (nothing is
 *   known before the horizon).
 * The violation's date is the stretch's first day in the horizon, or the horizon's first day for one
 * wholly in history.
 */
import { dateOf, runsOf, workedLine } from "../check/context.js";
import { buildShortRuns } from "../model/runs.js";
import type { RuleDefinition } from "./types.js";

export const minConsecutiveDays: RuleDefinition<{ minDays: number; exemptEdges: boolean }> = {
  id: "days.min-consecutive",
  title: "Minimum consecutive working days",
  policy: "Working days come in stretches of at least 2 (or the person's contract minimum).",
  hardByDefault: false,
  unit: "day",
  weightKey: "ruleViolationUnit",
  defaults: { minDays: 2, exemptEdges: true },
  whole: ["minDays"],
  check(ctx, rule) {
    const lastDay = ctx.dayCount - 1;
    return ctx.staff.flatMap((view) => {
      const min = view.member.contract.minConsecutiveDays ?? rule.params.minDays;
      const { first, worked } = workedLine(ctx, view);
      const historyKnown = first < 0;
      return runsOf(worked, first)
        .filter((run) => run.to >= -1 && run.length < min)
        .filter((run) => run.to !== lastDay)
        .filter((run) => !(rule.params.exemptEdges && run.from === 0 && !historyKnown))
        .map((run) => {
          const amount = min - run.length;
          // A stretch wholly in history says so once, after its dates.
          const dates = run.length === 1 ? `on ${dateOf(ctx, run.from)}` : `from ${dateOf(ctx, run.from)}${run.from < 0 && run.to >= 0 ? " (history)" : ""} to ${dateOf(ctx, run.to)}`;
          const span = `${dates}${run.to < 0 ? " (history)" : ""}`;
          return {
            subjects: { staff: view.member.id, date: dateOf(ctx, Math.max(run.from, 0)) },
            amount,
            message: `${view.member.name} works only ${run.length} day${run.length === 1 ? "" : "s"} in a row ${span} (at least ${min} wanted): ${amount} day${amount === 1 ? "" : "s"} short`,
          };
        });
    });
  },
  build(ctx, rule) {
    buildShortRuns(ctx, rule, {
      working: true,
      minOf: (person) => person.member.contract.minConsecutiveDays ?? rule.params.minDays,
      exemptLineStart: (person) => rule.params.exemptEdges && person.history.length === 0,
    });
  },
};
