/**
 * Complete weekends: a person works both days of a weekend or neither. Policy: a weekend with one day
 * worked is a weekend lost without the other day giving real rest, so rosters give whole weekends on or
 * off (Curtois–Qu's "complete weekends"). Soft by default — a wish that gives way to coverage — priced at
 * one rule-violation unit per split weekend.
 *
 * Only weekends whose two days are both known are judged: a Sunday after the horizon is unknown, and a
 * Saturday before it is known only for a person whose history is given (days in their history span
 * without a shift are off). The violation's date is the day worked; its period the weekend's first date
 * in the horizon.
 */
import { dateOf } from "../check/context.js";
import { penaltyColumn, penaltyConstant, workedInHistory } from "../model/build-context.js";
import type { Term } from "../model/linear-model.js";
import { workedDay } from "../model/days.js";
import type { RuleDefinition } from "./types.js";

export const completeWeekends: RuleDefinition = {
  id: "weekends.complete",
  title: "Whole weekends on or off",
  policy: "A staff member works both days of a weekend or neither.",
  hardByDefault: false,
  unit: "weekend",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    return ctx.staff.flatMap((view) => {
      const known = (day: number): boolean => (day >= 0 ? day < ctx.dayCount : view.history.length > 0);
      const workedOn = (day: number): boolean =>
        day >= 0 ? (view.byDay[day]?.length ?? 0) > 0 : view.history.some((h) => h.day === day);
      return ctx.grid.weekends.flatMap((w) => {
        if (!known(w.saturday) || !known(w.sunday)) return [];
        const saturday = workedOn(w.saturday);
        if (saturday === workedOn(w.sunday)) return [];
        const [on, off] = saturday ? [w.saturday, w.sunday] : [w.sunday, w.saturday];
        const [onName, offName] = saturday ? ["Saturday", "Sunday"] : ["Sunday", "Saturday"];
        return [
          {
            subjects: { staff: view.member.id, date: dateOf(ctx, on), period: dateOf(ctx, Math.max(w.saturday, 0)) },
            amount: 1,
            message: `${view.member.name} works ${onName} ${dateOf(ctx, on)}${on < 0 ? " (history)" : ""} but not ${offName} ${dateOf(ctx, off)}: half a weekend`,
          },
        ];
      });
    });
  },
  // On the days' worked indicators w (`workedDay`; a Saturday in history is a constant): hard,
  // w_sat = w_sun; soft, a slack y ≥ |w_sat − w_sun| priced per weekend. Only weekends the check judges
  // (both days known) get rows.
  build(ctx, rule) {
    for (const person of ctx.staff) {
      for (const w of ctx.grid.weekends) {
        if (w.sunday >= ctx.dayCount || (w.saturday < 0 && person.history.length === 0)) continue;
        // saturday − sunday = Σ terms + offset
        const terms: Term[] = [
          ...(w.saturday >= 0 ? workedDay(ctx, person, w.saturday) : []),
          ...workedDay(ctx, person, w.sunday).map((t) => ({ column: t.column, coefficient: -1 })),
        ];
        const offset = w.saturday < 0 && workedInHistory(person, w.saturday) ? 1 : 0;
        const subjects = { staff: person.member.id, period: ctx.grid.days[Math.max(w.saturday, 0)]!.date };
        const name = `${rule.id}[${person.member.id},${subjects.period}]`;
        if (terms.length === 0 && offset === 0) continue;
        if (rule.hard) {
          // Empty when history's Saturday meets a Sunday with no column: split whatever happens, and the
          // model says so by being infeasible.
          ctx.builder.addRow(name, terms, -offset, -offset);
          continue;
        }
        if (terms.length === 0) {
          penaltyConstant(ctx, rule.id, subjects, rule.weight);
          continue;
        }
        const split = penaltyColumn(ctx, rule.id, subjects, rule.weight);
        ctx.builder.addRow(`${name}+`, [...terms, { column: split, coefficient: -1 }], -Infinity, -offset);
        ctx.builder.addRow(`${name}-`, [...terms, { column: split, coefficient: 1 }], -offset, Infinity);
      }
    }
  },
};
