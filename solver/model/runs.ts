/**
 * The models of runs of days, shared by the rules that bound them: a maximum run (working days, nights)
 * as sliding windows, and a minimum run (working days, days off) as one row per short pattern the check
 * could find. History days enter as constants.
 */
import type { RuleId, ShiftInstance } from "../../models/index.js";
import { penaltyColumn, penaltyConstant, workedInHistory, type BuildContext, type StaffVars } from "./build-context.js";
import { countsAs, workedDay, type DayKind } from "./days.js";
import type { Term } from "./linear-model.js";

/**
 * The model of a maximum run (working days for `max-consecutive-days.ts`, nights for `max-consecutive-nights.ts`): for every window of
 * max + 1 days ending in the horizon, Σ worked ≤ max, history days as constants on the right-hand side;
 * soft, a priced slack per window, which is 1 exactly when the window is fully worked — the check's unit.
 * Windows that cannot be fully worked (a history day off, a horizon day with no column) get no row.
 */
export function buildMaxRun(ctx: BuildContext, rule: { id: RuleId; hard: boolean; weight: number }, maxOf: (person: StaffVars) => number, kind: DayKind): void {
  for (const person of ctx.staff) {
    const max = maxOf(person);
    for (let last = 0; last < ctx.dayCount; last++) {
      const terms: Term[] = [];
      let worked = 0;
      let possible = true;
      for (let day = last - max; day <= last && possible; day++) {
        if (day < 0) {
          if (workedInHistory(person, day, countsAs[kind])) worked++;
          else possible = false;
        } else {
          const dayTerms = workedDay(ctx, person, day, kind);
          if (dayTerms.length === 0) possible = false;
          terms.push(...dayTerms);
        }
      }
      if (!possible) continue;
      if (!rule.hard) terms.push({ column: penaltyColumn(ctx, rule.id, { staff: person.member.id, date: ctx.grid.days[last]!.date }, rule.weight), coefficient: -1 });
      ctx.builder.addRow(`${rule.id}[${person.member.id},${last}]`, terms, -Infinity, max - worked);
    }
  }
}

/** Hard: a shift the history alone makes one too many (day 0 after max worked history days; any with max 0). */
export function historyFillsRun(person: StaffVars, shift: ShiftInstance, max: number, kind: DayKind): boolean {
  if (!countsAs[kind](shift) || (max > 0 && shift.day !== 0)) return false;
  for (let day = shift.day - max; day < shift.day; day++) if (!workedInHistory(person, day, countsAs[kind])) return false;
  return true;
}

export interface ShortRunOptions {
  /** True for runs of working days, false for runs of days off. */
  working: boolean;
  minOf: (person: StaffVars) => number;
  /** Whether a run starting on the person's first known day (the line's start) goes unjudged. */
  exemptLineStart: (person: StaffVars) => boolean;
}

/**
 * The model of a minimum run (working days for `min-consecutive-days.ts`, days off for `min-consecutive-days-off.ts`). For each
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
