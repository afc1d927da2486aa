/**
 * Maximum weekends worked: in any `windowWeekends` consecutive weekends a person works at most
 * `maxWeekends` of them (defaults 2 in 4; a person's `contract.maxWeekends` overrides the maximum).
 * Policy: "every other weekend off" is the usual promise of hospital pharmacy rosters. Soft by default,
 * so a short-staffed weekend can still be covered at a price, of one rule-violation unit per weekend over.
 *
 * A weekend is the grid's Saturday–Sunday pair; it is worked when either day holds a shift. A Saturday
 * just before the horizon counts from history; a Sunday just after it is unknown and counts as off.
 * Windows: `windowWeekends` 0 makes the whole horizon one window; otherwise every run of that many
 * consecutive weekends (sliding, so one weekend may sit in several windows over the limit), or a single
 * window of all of them when the horizon holds fewer. Amount per window = worked − max.
 * The period is the window's first weekend, by its first date in the horizon (the Sunday when the
 * Saturday lies before the horizon).
 */
import { dateOf } from "../check/context.js";
import type { RuleDefinition } from "./types.js";

export const maxWeekends: RuleDefinition<{ maxWeekends: number; windowWeekends: number }> = {
  id: "weekends.max-per-window",
  title: "Maximum weekends worked",
  policy: "At most 2 weekends worked in any 4 consecutive weekends (or the person's contract limit).",
  hardByDefault: false,
  unit: "weekend",
  weightKey: "ruleViolationUnit",
  defaults: { maxWeekends: 2, windowWeekends: 4 },
  check(ctx, rule) {
    const weekends = ctx.grid.weekends;
    const size = rule.params.windowWeekends;
    const windows: { from: number; to: number }[] = [];
    if (weekends.length > 0 && (size <= 0 || weekends.length <= size)) windows.push({ from: 0, to: weekends.length - 1 });
    else for (let i = 0; i + size <= weekends.length; i++) windows.push({ from: i, to: i + size - 1 });
    const label = (w: (typeof weekends)[number]): string => dateOf(ctx, w.saturday >= 0 ? w.saturday : w.sunday);

    return ctx.staff.flatMap((view) => {
      const max = view.member.contract.maxWeekends ?? rule.params.maxWeekends;
      const workedOn = (day: number): boolean =>
        day >= 0 ? (view.byDay[day]?.length ?? 0) > 0 : view.history.some((h) => h.day === day);
      const worked = weekends.map((w) => workedOn(w.saturday) || workedOn(w.sunday));
      return windows.flatMap(({ from, to }) => {
        const inWindow = weekends.slice(from, to + 1).filter((_, i) => worked[from + i]);
        const amount = inWindow.length - max;
        if (amount <= 0) return [];
        const count = to - from + 1;
        return [
          {
            subjects: { staff: view.member.id, period: label(weekends[from]!) },
            amount,
            message: `${view.member.name} works ${inWindow.length} of ${count} weekend${count === 1 ? "" : "s"} from ${label(weekends[from]!)} (${inWindow.map(label).join(", ")}; at most ${max}): ${amount} weekend${amount === 1 ? "" : "s"} over`,
          },
        ];
      });
    });
  },
};
