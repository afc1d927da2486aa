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
import type { RuleId } from "../../models/index.js";
import { dateOf, runsOf, workedLine } from "../check/context.js";
import { penaltyColumn, penaltyConstant, workedInHistory, type BuildContext, type StaffVars } from "../model/build-context.js";
import type { Term } from "../model/linear-model.js";
import { workedDay } from "./max-consecutive-days.js";
import type { RuleDefinition } from "./types.js";

export interface ShortRunOptions {
  /** True for runs of working days, false for runs of days off. */
  working: boolean;
  minOf: (person: StaffVars) => number;
  /** Whether a run starting on the person's first known day (the line's start) goes unjudged. */
  exemptLineStart: (person: StaffVars) => boolean;
}

/**
 * The model of a minimum run (working days here, days off in `min-consecutive-days-off.ts`). For each
 * short run the check could find — k < min days of one value from day `from`, ending in the horizon or on
 * the day before it, with the day before (unless the run starts the person's known line) and the day after
 * (a horizon day) of the other value — one row over the days' worked indicators w (`workedDay`):
 * Σ_{days to work} w − Σ_{days off} w ≤ |days to work| − 1. Hard, the row forbids the pattern; soft, a
 * slack priced (min − k) × weight pays for it, and is 1 exactly when the pattern holds. History days are
 * constants: a pattern they contradict gets no row.
 */
export function buildShortRuns(ctx: BuildContext, rule: { id: RuleId; hard: boolean; weight: number }, options: ShortRunOptions): void {
  const lastDay = ctx.dayCount - 1;
  for (const person of ctx.staff) {
    const min = options.minOf(person);
    const first = Math.min(0, ...person.history.map((h) => h.day));
    for (let k = 1; k < min; k++) {
      for (let from = Math.max(first, -k); from + k <= lastDay; from++) {
        if (from === first && options.exemptLineStart(person)) continue;
        const pattern: { day: number; worked: boolean }[] = [];
        if (from > first) pattern.push({ day: from - 1, worked: !options.working });
        for (let day = from; day < from + k; day++) pattern.push({ day, worked: options.working });
        pattern.push({ day: from + k, worked: !options.working });

        const terms: Term[] = [];
        let daysToWork = 0;
        let possible = true;
        for (const { day, worked } of pattern) {
          if (day < 0) {
            possible &&= workedInHistory(person, day) === worked;
            continue;
          }
          const dayTerms = workedDay(ctx, person, day);
          if (worked && dayTerms.length === 0) possible = false;
          if (worked) daysToWork++;
          terms.push(...dayTerms.map((t) => ({ column: t.column, coefficient: worked ? 1 : -1 })));
        }
        if (!possible) continue;
        const subjects = { staff: person.member.id, date: ctx.grid.days[Math.max(from, 0)]!.date };
        const weight = (min - k) * rule.weight;
        if (terms.length === 0 && !rule.hard) {
          // Nothing the horizon decides: a working run in history whose day after (day 0) has no column
          // to work, so it ends there whatever the schedule. Hard, it gets its row all the same (empty,
          // ≤ −1): the model is infeasible, as the check finds every schedule in breach.
          penaltyConstant(ctx, rule.id, subjects, weight);
          continue;
        }
        if (!rule.hard) terms.push({ column: penaltyColumn(ctx, rule.id, subjects, weight), coefficient: -1 });
        ctx.builder.addRow(`${rule.id}[${person.member.id},${from},${k}]`, terms, -Infinity, daysToWork - 1);
      }
    }
  }
}

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
