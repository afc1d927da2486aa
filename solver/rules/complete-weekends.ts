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
};
