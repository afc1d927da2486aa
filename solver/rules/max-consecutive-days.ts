/**
 * Maximum consecutive working days: nobody works more than `maxDays` days in a row (default 5; a person's
 * `contract.maxConsecutiveDays` overrides it), history before the horizon included.
 * Policy: a sixth straight day is where fatigue-related dispensing errors and burnout climb, and most
 * hospital agreements cap the stretch. Hard by default because a long stretch is a safety limit, not a
 * cost trade-off; made soft, each day over costs one rule-violation unit.
 *
 * Amount: for a run of L working days, L − max — the number of (max + 1)-day windows fully worked, which
 * is how the model prices it. Windows lying wholly in history are not counted (nothing can change them),
 * so a run already over the limit before the horizon is charged only for its horizon days. Only runs with
 * a day in the horizon are judged; days after the horizon count as off. The violation's date is the first
 * day over the limit (or day 0 when that lies in history): the day a manager would give off.
 */
import type { RuleId, ShiftInstance } from "../../models/index.js";
import { dateOf, runsOf, workedLine } from "../check/context.js";
import { penaltyColumn, workedInHistory, workedTerms, type BuildContext, type StaffVars } from "../model/build-context.js";
import type { Term } from "../model/linear-model.js";
import { oneShiftPerDay } from "./one-shift-per-day.js";
import { resolveRule } from "./resolve.js";
import type { RuleDefinition } from "./types.js";

/** Which shifts make a day count: any shift, or a night. */
export type DayKind = "any" | "night";
export const countsAs: Record<DayKind, (shift: ShiftInstance) => boolean> = { any: () => true, night: (shift) => shift.night };

/** Whether every schedule the model admits has at most one shift a day (`shift.one-per-day` hard). */
export function atMostOneShiftADay(ctx: BuildContext): boolean {
  const rule = resolveRule(oneShiftPerDay, ctx.input);
  return rule.enabled && rule.hard;
}

const dayIndicators = new WeakMap<BuildContext, Map<string, Term[]>>();

/**
 * Whether a person works a horizon day (shifts of `kind`), as terms worth exactly 0 or 1 at any integer
 * x: Σ x when the model admits one shift a day or the day has a single column; otherwise an OR column w
 * (w ≥ each x, w ≤ Σ x), made once per context, person, day and kind — two shifts on a day are still one
 * day worked, as the check counts days. No terms: the person cannot work that day.
 */
export function workedDay(ctx: BuildContext, person: StaffVars, day: number, kind: DayKind = "any"): Term[] {
  const terms = workedTerms(person, day, countsAs[kind]);
  if (terms.length < 2 || atMostOneShiftADay(ctx)) return terms;
  let memo = dayIndicators.get(ctx);
  if (!memo) dayIndicators.set(ctx, (memo = new Map()));
  const name = `worked-${kind}[${person.member.id},${ctx.grid.days[day]!.date}]`;
  let indicator = memo.get(name);
  if (!indicator) {
    const column = ctx.builder.addColumn({ name, lower: 0, upper: 1 });
    for (const t of terms) ctx.builder.addRow(`${name}≥${t.column}`, [{ column, coefficient: 1 }, { column: t.column, coefficient: -1 }], 0, Infinity);
    ctx.builder.addRow(`${name}≤Σ`, [{ column, coefficient: 1 }, ...terms.map((t) => ({ column: t.column, coefficient: -1 }))], -Infinity, 0);
    indicator = [{ column, coefficient: 1 }];
    memo.set(name, indicator);
  }
  return indicator;
}

/**
 * The model of a maximum run (days here, nights in `max-consecutive-nights.ts`): for every window of
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

export const maxConsecutiveDays: RuleDefinition<{ maxDays: number }> = {
  id: "days.max-consecutive",
  title: "Maximum consecutive working days",
  policy: "At most 5 working days in a row (or the person's contract limit).",
  hardByDefault: true,
  monotone: true,
  unit: "day",
  weightKey: "ruleViolationUnit",
  defaults: { maxDays: 5 },
  whole: ["maxDays"],
  check(ctx, rule) {
    return ctx.staff.flatMap((view) => {
      const max = view.member.contract.maxConsecutiveDays ?? rule.params.maxDays;
      const { first, worked } = workedLine(ctx, view);
      return runsOf(worked, first)
        .filter((run) => run.to >= 0 && run.length > max)
        .flatMap((run) => {
          const inHistory = Math.max(0, Math.min(run.to, -1) - run.from + 1);
          const amount = run.length - max - Math.max(0, inHistory - max);
          if (amount <= 0) return [];
          const from = dateOf(ctx, run.from);
          return [
            {
              subjects: { staff: view.member.id, date: dateOf(ctx, Math.max(run.from + max, 0)) },
              amount,
              message: `${view.member.name} works ${run.length} days in a row, ${from}${run.from < 0 ? " (history)" : ""} to ${dateOf(ctx, run.to)} (at most ${max}): ${amount} day${amount === 1 ? "" : "s"} over`,
            },
          ];
        });
    });
  },
  forbids(_ctx, person, shift, rule) {
    return historyFillsRun(person, shift, person.member.contract.maxConsecutiveDays ?? rule.params.maxDays, "any");
  },
  build(ctx, rule) {
    buildMaxRun(ctx, rule, (person) => person.member.contract.maxConsecutiveDays ?? rule.params.maxDays, "any");
  },
};
