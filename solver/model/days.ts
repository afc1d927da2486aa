/**
 * Whether a person works a day, as the model's rules of days and runs ask it (runs of working days, of
 * nights, of days off; complete weekends): the shifts that make a day count, and terms worth exactly 0 or
 * 1 at any integer x.
 */
import type { ShiftInstance } from "../../models/index.js";
import { workedTerms, type BuildContext, type StaffVars } from "./build-context.js";
import type { Term } from "./linear-model.js";

/** Which shifts make a day count: any shift, or a night. */
export type DayKind = "any" | "night";
export const countsAs: Record<DayKind, (shift: ShiftInstance) => boolean> = { any: () => true, night: (shift) => shift.night };

const dayIndicators = new WeakMap<BuildContext, Map<string, Term[]>>();

/**
 * Whether a person works a horizon day (shifts of `kind`), as terms worth exactly 0 or 1 at any integer
 * x: Σ x when the model admits one shift a day or the day has a single column; otherwise an OR column w
 * (w ≥ each x, w ≤ Σ x), made once per context, person, day and kind — two shifts on a day are still one
 * day worked, as the check counts days. No terms: the person cannot work that day.
 */
export function workedDay(ctx: BuildContext, person: StaffVars, day: number, kind: DayKind = "any"): Term[] {
  const terms = workedTerms(person, day, countsAs[kind]);
  if (terms.length < 2 || ctx.oneShiftADay) return terms;
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
