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
import { penaltyColumn, penaltyConstant, workedInHistory, type BuildContext } from "../model/build-context.js";
import type { Term } from "../model/linear-model.js";
import type { RuleDefinition } from "./types.js";

/** Whether a person works a weekend: a column valued exactly 0 or 1 at any integer x, or a constant. */
export type WeekendWorked = { column: number } | { constant: 0 | 1 };

const horizonIndicators = new WeakMap<BuildContext, WeekendWorked[][]>();

/**
 * Per person (in `ctx.staff` order) and grid weekend: worked or not. The column v is made once per
 * context and shared by every rule that asks: v ≥ x for each Saturday and Sunday shift and v ≤ Σ of them,
 * so v is exactly "any shift that weekend" (continuous in [0, 1], integral whenever x is). A weekend with
 * one shift column is that column; with none, the constant 0. With `history` (default true) a Saturday
 * before the horizon worked in history makes the weekend the constant 1, as `weekends.max-per-window`
 * counts it; `fairness.weekends` counts horizon days only and should pass `{ history: false }`.
 */
export function weekendIndicators(ctx: BuildContext, options: { history?: boolean } = {}): WeekendWorked[][] {
  let indicators = horizonIndicators.get(ctx);
  if (!indicators) {
    indicators = ctx.staff.map((person) =>
      ctx.grid.weekends.map((w): WeekendWorked => {
        const vars = [w.saturday, w.sunday].flatMap((day) => person.byDay[day] ?? []);
        if (vars.length === 0) return { constant: 0 };
        if (vars.length === 1) return { column: vars[0]!.column };
        const name = `weekend[${person.member.id},${ctx.grid.days[Math.max(w.saturday, 0)]!.date}]`;
        const column = ctx.builder.addColumn({ name, lower: 0, upper: 1 });
        for (const v of vars) ctx.builder.addRow(`${name}≥${v.shift.key}`, [{ column, coefficient: 1 }, { column: v.column, coefficient: -1 }], 0, Infinity);
        ctx.builder.addRow(`${name}≤Σ`, [{ column, coefficient: 1 }, ...vars.map((v) => ({ column: v.column, coefficient: -1 }))], -Infinity, 0);
        return { column };
      }),
    );
    horizonIndicators.set(ctx, indicators);
  }
  if (options.history === false) return indicators;
  return indicators.map((line, i) =>
    line.map((worked, w) => (workedInHistory(ctx.staff[i]!, ctx.grid.weekends[w]!.saturday) ? { constant: 1 } : worked)),
  );
}

/** Windows of consecutive weekends as the check defines them (indices into `grid.weekends`). */
function weekendWindows(count: number, size: number): { from: number; to: number }[] {
  if (count === 0) return [];
  if (size <= 0 || count <= size) return [{ from: 0, to: count - 1 }];
  return Array.from({ length: count - size + 1 }, (_, i) => ({ from: i, to: i + size - 1 }));
}

export const maxWeekends: RuleDefinition<{ maxWeekends: number; windowWeekends: number }> = {
  id: "weekends.max-per-window",
  title: "Maximum weekends worked",
  policy: "At most 2 weekends worked in any 4 consecutive weekends (or the person's contract limit).",
  hardByDefault: false,
  monotone: true,
  unit: "weekend",
  weightKey: "ruleViolationUnit",
  defaults: { maxWeekends: 2, windowWeekends: 4 },
  whole: ["maxWeekends", "windowWeekends"],
  check(ctx, rule) {
    const weekends = ctx.grid.weekends;
    const windows = weekendWindows(weekends.length, rule.params.windowWeekends);
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
  // Per window Σ v ≤ max − weekends already worked in history; soft, a priced slack per window (= worked −
  // max). Hard, a window history alone puts over the limit gets its row all the same (empty, if need be):
  // no schedule passes the check, so the model is infeasible and the optimizer names the conflict.
  build(ctx, rule) {
    const weekends = ctx.grid.weekends;
    const windows = weekendWindows(weekends.length, rule.params.windowWeekends);
    const worked = weekendIndicators(ctx);
    ctx.staff.forEach((person, i) => {
      const max = person.member.contract.maxWeekends ?? rule.params.maxWeekends;
      for (const { from, to } of windows) {
        const line = worked[i]!.slice(from, to + 1);
        const terms: Term[] = line.flatMap((v) => ("column" in v ? [{ column: v.column, coefficient: 1 }] : []));
        const already = line.reduce((sum, v) => sum + ("constant" in v ? v.constant : 0), 0);
        if (terms.length + already <= max) continue;
        const first = weekends[from]!;
        const subjects = { staff: person.member.id, period: ctx.grid.days[first.saturday >= 0 ? first.saturday : first.sunday]!.date };
        if (rule.hard) {
          ctx.builder.addRow(`${rule.id}[${person.member.id},${from}]`, terms, -Infinity, max - already);
        } else if (terms.length === 0) {
          penaltyConstant(ctx, rule.id, subjects, (already - max) * rule.weight);
        } else {
          terms.push({ column: penaltyColumn(ctx, rule.id, subjects, rule.weight), coefficient: -1 });
          ctx.builder.addRow(`${rule.id}[${person.member.id},${from}]`, terms, -Infinity, max - already);
        }
      }
    });
  },
};
