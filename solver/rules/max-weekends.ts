/**
 * Maximum weekends worked: in any `windowWeekends` consecutive weekends a person works at most
 * `maxWeekends` of them (defaults 2 in 4; a person's `contract.maxWeekends` overrides the maximum).
 * Policy: "every other weekend off" is the usual promise of hospital pharmacy rosters. Soft by default,
 * so a short-staffed weekend can still be covered at a price, of one rule-violation unit per weekend over.
 *
 * A weekend is the grid's Saturday–Sunday pair; it is worked when either day holds a shift. A Saturday
 * just before the horizon counts from history; a Sunday just after it is unknown and counts as off.
 * Windows (`windowWeekends` 0 makes the whole horizon one window, history or not):
 * - For a person with history, every run of `windowWeekends` consecutive weekends whose last weekend
 *   touches the horizon, so the windows that begin before the horizon are judged too, and the promise
 *   holds from one period to the next (DESIGN §2). A weekend before the horizon is worked when the
 *   person's history holds a shift on it; one the history does not reach counts as off. A window that
 *   runs past the horizon's end is left to the next period, which judges it whole.
 * - For a person without history (none is given, or none at all, as in the Curtois–Qu instances),
 *   nothing before the horizon is known: every run of that many consecutive horizon weekends (sliding,
 *   so one weekend may sit in several windows over the limit), or a single window of all of them when
 *   the horizon holds fewer.
 * Amount per window = worked − max. A window that history alone puts over the limit is charged all the
 * same: the previous period broke the rule in it already.
 * The period is the window's first weekend, by its first date in the horizon (the Sunday when the
 * Saturday lies before the horizon), or its Saturday when the whole weekend lies before the horizon.
 * Look-back (`look-back.ts`): the Saturday `windowWeekends` − 1 weekends before the horizon's first.
 */
import { MAX_HORIZON_DAYS, addDays, type TimeGrid } from "../../models/index.js";
import { penaltyColumn, penaltyConstant, workedInHistory } from "../model/build-context.js";
import { weekendIndicators, type WeekendWorked } from "../model/weekends.js";
import type { Term } from "../model/linear-model.js";
import type { RuleDefinition } from "./types.js";

/** A weekend a window counts, by the day indices of its Saturday and Sunday (negative before the horizon). */
interface WindowWeekend {
  saturday: number;
  sunday: number;
  /** Its index in `grid.weekends`; undefined for a weekend wholly before the horizon. */
  inGrid: number | undefined;
}

/** A window of weekends: the weekends in it that can hold a shift, and how many it spans. */
interface WeekendWindow {
  /** Its first weekend, which names it (beyond the reach of any history when it lies that far back). */
  first: WindowWeekend;
  weekends: WindowWeekend[];
  size: number;
}

/** Weekends before the horizon that history can hold (it reaches back MAX_HORIZON_DAYS days at most). */
const REACHABLE_WEEKENDS = Math.ceil(MAX_HORIZON_DAYS / 7) + 1;

/** A person's windows as the file header defines them; the check and the model both judge these. */
function weekendWindows(grid: TimeGrid, size: number, history: boolean): WeekendWindow[] {
  const inHorizon = grid.weekends.map((w, i): WindowWeekend => ({ saturday: w.saturday, sunday: w.sunday, inGrid: i }));
  const count = inHorizon.length;
  if (count === 0) return [];
  if (size <= 0 || (!history && count <= size)) return [{ first: inHorizon[0]!, weekends: inHorizon, size: count }];
  if (!history) return Array.from({ length: count - size + 1 }, (_, i) => ({ first: inHorizon[i]!, weekends: inHorizon.slice(i, i + size), size }));
  const before = (back: number): WindowWeekend => {
    const saturday = inHorizon[0]!.saturday - 7 * back;
    return { saturday, sunday: saturday + 1, inGrid: undefined };
  };
  // The window ending at horizon weekend i begins size − 1 weekends before it; `known` holds the
  // weekends history can reach, then the horizon's (horizon weekend i at reach + i).
  const reach = Math.min(size - 1, REACHABLE_WEEKENDS);
  const known = [...Array.from({ length: reach }, (_, k) => before(reach - k)), ...inHorizon];
  return inHorizon.map((_, i) => ({
    first: i >= size - 1 ? inHorizon[i - size + 1]! : before(size - 1 - i),
    weekends: known.slice(Math.max(0, reach + i - size + 1), reach + i + 1),
    size,
  }));
}

/** A weekend's date in messages and subjects: its first date in the horizon, else its Saturday's. */
function weekendDate(grid: TimeGrid, w: WindowWeekend): string {
  if (w.saturday >= 0) return grid.days[w.saturday]!.date;
  if (w.sunday >= 0) return grid.days[w.sunday]!.date;
  return addDays(grid.days[0]!.date, w.saturday);
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
    return ctx.staff.flatMap((view) => {
      const max = view.member.contract.maxWeekends ?? rule.params.maxWeekends;
      const label = (w: WindowWeekend): string => weekendDate(ctx.grid, w);
      const workedOn = (day: number): boolean =>
        day >= 0 ? (view.byDay[day]?.length ?? 0) > 0 : view.history.some((h) => h.day === day);
      return weekendWindows(ctx.grid, rule.params.windowWeekends, view.history.length > 0).flatMap(({ first, weekends, size }) => {
        const inWindow = weekends.filter((w) => workedOn(w.saturday) || workedOn(w.sunday));
        const amount = inWindow.length - max;
        if (amount <= 0) return [];
        return [
          {
            subjects: { staff: view.member.id, period: label(first) },
            amount,
            message: `${view.member.name} works ${inWindow.length} of ${size} weekend${size === 1 ? "" : "s"} from ${label(first)} (${inWindow.map(label).join(", ")}; at most ${max}): ${amount} weekend${amount === 1 ? "" : "s"} over`,
          },
        ];
      });
    });
  },
  // Per window Σ v ≤ max − weekends already worked in history; soft, a priced slack per window (= worked −
  // max). Hard, a window history alone puts over the limit gets its row all the same (empty, if need be):
  // no schedule passes the check, so the model is infeasible and the optimizer names the conflict.
  build(ctx, rule) {
    const worked = weekendIndicators(ctx);
    ctx.staff.forEach((person, i) => {
      const max = person.member.contract.maxWeekends ?? rule.params.maxWeekends;
      const workedOn = (w: WindowWeekend): WeekendWorked =>
        w.inGrid !== undefined ? worked[i]![w.inGrid]! : { constant: workedInHistory(person, w.saturday) || workedInHistory(person, w.sunday) ? 1 : 0 };
      for (const { first, weekends } of weekendWindows(ctx.grid, rule.params.windowWeekends, person.history.length > 0)) {
        const window = weekends.map(workedOn);
        const terms: Term[] = window.flatMap((v) => ("column" in v ? [{ column: v.column, coefficient: 1 }] : []));
        const already = window.reduce((sum, v) => sum + ("constant" in v ? v.constant : 0), 0);
        if (terms.length + already <= max) continue;
        const subjects = { staff: person.member.id, period: weekendDate(ctx.grid, first) };
        const name = `${rule.id}[${person.member.id},${subjects.period}]`;
        if (rule.hard) {
          ctx.builder.addRow(name, terms, -Infinity, max - already);
        } else if (terms.length === 0) {
          penaltyConstant(ctx, rule.id, subjects, (already - max) * rule.weight);
        } else {
          terms.push({ column: penaltyColumn(ctx, rule.id, subjects, rule.weight), coefficient: -1 });
          ctx.builder.addRow(name, terms, -Infinity, max - already);
        }
      }
    });
  },
};
