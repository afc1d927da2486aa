/**
 * Minimum consecutive days off: a break between two working days is at least `minDays` days long
 * (default 2; a person's `contract.minConsecutiveDaysOff` overrides it). Policy: a single day off between
 * shifts is not enough to recover, and staff count on a real weekend's worth of rest. Soft by default —
 * it is a quality-of-life standard that must give way to coverage — priced at one rule-violation unit
 * per missing day (amount = min − length).
 *
 * The known line is the person's history (from their earliest history day; days there without a shift
 * are off) plus the horizon. Edges:
 * - A break reaching the last horizon day is never judged: it may go on next period.
 * - With `exemptEdges` (default true, the Curtois–Qu benchmark's reading) a break reaching the start of
 *   the known line is not judged either: no worked day is known before it. That happens only to a
 *   person without history whose horizon starts with days off.
 * - With `exemptEdges` false such a leading break is judged, as if the person had worked the day before
 *   the horizon (a short break at the start of a period then counts like any other).
 * - A break that starts in history is judged whole. One wholly in history is judged only when it ends the
 *   day before the horizon: the horizon's first working day completes it (a single day off on 31 December
 *   between December's work and a shift on 1 January), so it is this period's to charge (the previous
 *   one left it unjudged, reaching its last day), and keeping that day off avoids it. One that ended
 *   earlier was the previous period's to judge.
 * - "History" is the person's own: a person with no history entries, even where the site gives others',
 *   is judged as if none were given (nothing is known before the horizon; `exemptEdges` decides).
 * The violation's date is the break's first day in the horizon, or the horizon's first day for one
 * wholly in history.
 */
import { dateOf, runsOf, workedLine } from "../check/context.js";
import { buildShortRuns } from "../model/runs.js";
import type { RuleDefinition } from "./types.js";

export const minConsecutiveDaysOff: RuleDefinition<{ minDays: number; exemptEdges: boolean }> = {
  id: "days-off.min-consecutive",
  title: "Minimum consecutive days off",
  policy: "Days off between working days come in breaks of at least 2 (or the person's contract minimum).",
  hardByDefault: false,
  unit: "day",
  weightKey: "ruleViolationUnit",
  defaults: { minDays: 2, exemptEdges: true },
  whole: ["minDays"],
  check(ctx, rule) {
    const lastDay = ctx.dayCount - 1;
    return ctx.staff.flatMap((view) => {
      const min = view.member.contract.minConsecutiveDaysOff ?? rule.params.minDays;
      const { first, worked } = workedLine(ctx, view);
      return runsOf(worked, first, false)
        .filter((run) => run.to >= -1 && run.length < min)
        .filter((run) => run.to !== lastDay)
        .filter((run) => !(rule.params.exemptEdges && run.from === first))
        .map((run) => {
          const amount = min - run.length;
          const dates = run.length === 1 ? dateOf(ctx, run.from) : `${dateOf(ctx, run.from)}${run.from < 0 && run.to >= 0 ? " (history)" : ""} to ${dateOf(ctx, run.to)}`;
          const span = `(${dates}${run.to < 0 ? ", history" : ""})`;
          return {
            subjects: { staff: view.member.id, date: dateOf(ctx, Math.max(run.from, 0)) },
            amount,
            message: `${view.member.name} has only ${run.length} day${run.length === 1 ? "" : "s"} off ${span} between working days (at least ${min} wanted): ${amount} day${amount === 1 ? "" : "s"} short`,
          };
        });
    });
  },
  // The patterns of `days.min-consecutive` with the values swapped: a worked day, k < min days off, a
  // worked day in the horizon.
  build(ctx, rule) {
    buildShortRuns(ctx, rule, {
      working: false,
      minOf: (person) => person.member.contract.minConsecutiveDaysOff ?? rule.params.minDays,
      exemptLineStart: () => rule.params.exemptEdges,
    });
  },
};
