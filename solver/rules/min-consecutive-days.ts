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
 * - A stretch that starts in history is judged whole; one wholly in history is never judged.
 * The violation's date is the stretch's first day in the horizon.
 */
import { dateOf, runsOf, workedLine } from "../check/context.js";
import type { RuleDefinition } from "./types.js";

export const minConsecutiveDays: RuleDefinition<{ minDays: number; exemptEdges: boolean }> = {
  id: "days.min-consecutive",
  title: "Minimum consecutive working days",
  policy: "Working days come in stretches of at least 2 (or the person's contract minimum).",
  hardByDefault: false,
  unit: "day",
  weightKey: "ruleViolationUnit",
  defaults: { minDays: 2, exemptEdges: true },
  check(ctx, rule) {
    const lastDay = ctx.dayCount - 1;
    return ctx.staff.flatMap((view) => {
      const min = view.member.contract.minConsecutiveDays ?? rule.params.minDays;
      const { first, worked } = workedLine(ctx, view);
      const historyKnown = first < 0;
      return runsOf(worked, first)
        .filter((run) => run.to >= 0 && run.length < min)
        .filter((run) => run.to !== lastDay)
        .filter((run) => !(rule.params.exemptEdges && run.from === 0 && !historyKnown))
        .map((run) => {
          const amount = min - run.length;
          const span = run.length === 1 ? `on ${dateOf(ctx, run.from)}` : `from ${dateOf(ctx, run.from)}${run.from < 0 ? " (history)" : ""} to ${dateOf(ctx, run.to)}`;
          return {
            subjects: { staff: view.member.id, date: dateOf(ctx, Math.max(run.from, 0)) },
            amount,
            message: `${view.member.name} works only ${run.length} day${run.length === 1 ? "" : "s"} in a row ${span} (at least ${min} wanted): ${amount} day${amount === 1 ? "" : "s"} short`,
          };
        });
    });
  },
};
