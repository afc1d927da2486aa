/**
 * Helpers shared by the coverage rules, not rules themselves. The three interval rules (floor shortfall,
 * demand shortfall, overstaffing) each take one part of every interval's gap (`intervalGaps`), summed in
 * staff-hours per area × role family × local date, with a message naming the worst stretch of the day.
 * The two slot rules count the people on each slot line's shift instance.
 */
import { clockText, type GridDay, type Interval, type SlotRequirement } from "../../models/index.js";
import type { CheckContext } from "../check/context.js";
import { countsForCover, coverageOf, intervalGaps } from "../check/coverage.js";
import type { Finding } from "./types.js";

export type GapPart = "floorShort" | "demandShort" | "over";

const MAX_SPANS_NAMED = 3;

/**
 * A grid minute as the clock shows it that day, "HH:mm": the time elapsed since local midnight, moved by
 * the day's clock change once it has come (the grid says where; the solver knows no time zones).
 */
function timeOfDay(day: GridDay, minute: number): string {
  const elapsed = minute - day.startMinute;
  const change = day.clockChange;
  const after = change !== undefined && elapsed >= change.atMinute;
  const clock = after ? elapsed + change.byMinutes : elapsed;
  // Where the clocks go back, the times between the new clock and the old show twice: say which.
  if (change && change.byMinutes < 0 && clock >= change.atMinute + change.byMinutes && clock < change.atMinute) {
    return `${clockText(clock)} (${after ? "second" : "first"})`;
  }
  return clockText(clock);
}

/** On a day the clocks change, when and which way, so that a clock time the day shows twice reads right. */
function clockNote(day: GridDay): string {
  const change = day.clockChange;
  if (!change) return "";
  const by = Math.abs(change.byMinutes);
  const step = by % 60 === 0 ? `${by / 60} h` : `${by} min`;
  return ` (clock times; the clocks go ${change.byMinutes > 0 ? "forward" : "back"} ${step} at ${clockText(change.atMinute)} that day)`;
}

/** Contiguous runs of intervals whose gap equals the day's worst, as "07:00–09:00". */
function worstSpans(day: GridDay, intervals: { interval: Interval; gap: number }[], worst: number): string {
  const spans: { from: number; to: number }[] = [];
  for (const { interval, gap } of intervals) {
    if (gap !== worst) continue;
    const last = spans[spans.length - 1];
    if (last && last.to === interval.startMinute) last.to = interval.endMinute;
    else spans.push({ from: interval.startMinute, to: interval.endMinute });
  }
  const named = spans.slice(0, MAX_SPANS_NAMED).map((s) => `${timeOfDay(day, s.from)}–${timeOfDay(day, s.to)}`);
  if (spans.length > MAX_SPANS_NAMED) named.push(`and ${spans.length - MAX_SPANS_NAMED} more`);
  return `${named.join(", ")}${clockNote(day)}`;
}

/**
 * One finding per area × role family × date with a non-zero `part`: amount = Σ part × interval hours.
 * `describe` words the finding from its figures.
 */
export function coverageFindingsByDay(
  ctx: CheckContext,
  part: GapPart,
  describe: (figures: { area: string; roleFamily: string; date: string; staffHours: number; worst: number; when: string }) => string,
): Finding[] {
  const areaNames = new Map(ctx.input.areas.map((a) => [a.id, a.name]));
  // The checker's own reading of which day an interval starts in, the day after the horizon for the hours
  // its last night reaches past the end (the model builder has its own).
  const days = [...ctx.grid.days, ctx.grid.dayAfter];
  const dayOf = ctx.grid.intervals.map((interval) => days.find((d) => interval.startMinute >= d.startMinute && interval.startMinute < d.endMinute) ?? days[days.length - 1]!);
  const findings: Finding[] = [];
  for (const line of coverageOf(ctx)) {
    const { series } = line;
    const byDay = new Map<GridDay, { interval: Interval; gap: number }[]>();
    ctx.grid.intervals.forEach((interval, i) => {
      const gap = intervalGaps(line, i)[part];
      const day = dayOf[i]!;
      const list = byDay.get(day) ?? [];
      list.push({ interval, gap });
      byDay.set(day, list);
    });
    for (const [day, intervals] of byDay) {
      const staffHours = intervals.reduce((h, { interval, gap }) => h + (gap * (interval.endMinute - interval.startMinute)) / 60, 0);
      if (staffHours <= 0) continue;
      const worst = Math.max(...intervals.map((x) => x.gap));
      findings.push({
        subjects: { area: series.area, roleFamily: series.roleFamily, date: day.date },
        amount: staffHours,
        message: describe({
          area: areaNames.get(series.area) ?? series.area,
          roleFamily: series.roleFamily,
          date: day.date,
          staffHours,
          worst,
          when: worstSpans(day, intervals, worst),
        }),
      });
    }
  }
  return findings;
}

/** Each slot line with the number of distinct people assigned to its shift instance. */
export function slotHeadcounts(ctx: CheckContext): { slot: SlotRequirement; people: number }[] {
  const people = new Map<string, Set<string>>();
  for (const view of ctx.staff) {
    for (const shift of view.shifts.filter((s) => countsForCover(ctx, view, s))) {
      const set = people.get(shift.key) ?? new Set<string>();
      set.add(view.member.id);
      people.set(shift.key, set);
    }
  }
  return ctx.demand.slots.map((slot) => ({ slot, people: people.get(slot.shift)?.size ?? 0 }));
}
