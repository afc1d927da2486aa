/**
 * Whether a person works each weekend of the grid, one indicator per person and weekend shared by every
 * rule that asks (weekends per window, weekend fairness).
 */
import { workedInHistory, type BuildContext } from "./build-context.js";

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
