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
 * short run the check could find — k < min days of one value from day `from`, with the day before (unless
 * the run starts the person's known line) and the day after (a horizon day) of the other value — one row
 * over the days' worked indicators w (`workedDay`): Σ_{days to work} w − Σ_{days off} w ≤ |days to work| − 1.
 * Hard, the row forbids the pattern; soft, a slack priced (min − k) × weight pays for it, and is 1 exactly
 * when the pattern holds. History days are constants: a pattern they contradict gets no row.
 */
export function buildShortRuns(ctx: BuildContext, rule: { id: RuleId; hard: boolean; weight: number }, options: ShortRunOptions): void {
  const lastDay = ctx.dayCount - 1;
  for (const person of ctx.staff) {
    const min = options.minOf(person);
    const first = Math.min(0, ...person.history.map((h) => h.day));
    for (let k = 1; k < min; k++) {
      for (let from = Math.max(first, 1 - k); from + k <= lastDay; from++) {
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
          // History alone makes the short run (cannot happen while the day after it is a horizon day).
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
  build(ctx, rule) {
    buildShortRuns(ctx, rule, {
      working: true,
      minOf: (person) => person.member.contract.minConsecutiveDays ?? rule.params.minDays,
      exemptLineStart: (person) => rule.params.exemptEdges && person.history.length === 0,
    });
  },
};
