/**
 * Hours, overtime and labor cost per person, from the decoded schedule alone.
 * A shift's hours belong to the date it starts on (and so to that date's workweek and pay period).
 *
 * Overtime, never both rules for one person:
 * - `weekly40` (FLSA): hours over 40 in a workweek.
 * - `8/80` (FLSA §7(j)): hours over 8 in a day, plus hours over 80 in the 14-day pay period not already
 *   counted as daily overtime.
 * History shifts before the horizon count toward the week or period they fall in, but overtime already
 * earned by history alone is not charged again; a week's or period's line shows their paid hours apart
 * (`historyHours`), so its overtime can be read from its lines.
 * Cost: base rate × paid hours, differentials per paid hour, and a 0.5 × base rate premium per overtime hour.
 */
import type { StaffHours } from "../../models/index.js";
import type { CheckContext, StaffView } from "./context.js";

export const OVERTIME_PREMIUM = 0.5;

/** Week or pay period of a day index; history days are always in the grid's prior days. */
function spanOf(ctx: CheckContext, day: number, field: "week" | "payPeriod"): number {
  const d = day >= 0 ? ctx.grid.days[day] : ctx.grid.priorDays.find((p) => p.index === day);
  if (!d) throw new Error(`day ${day} is outside the time grid`);
  return d[field];
}

function sumBy<K>(items: { key: K; minutes: number }[]): Map<K, number> {
  const out = new Map<K, number>();
  for (const { key, minutes } of items) out.set(key, (out.get(key) ?? 0) + minutes);
  return out;
}

/** Overtime hours in the horizon for one person. */
export function overtimeHours(ctx: CheckContext, view: StaffView): number {
  const over = (total: number, prior: number, limit: number): number => Math.max(0, total - limit) - Math.max(0, prior - limit);
  if (view.member.overtimeRule === "weekly40") {
    const all = sumBy([...view.history, ...view.shifts].map((s) => ({ key: spanOf(ctx, s.day, "week"), minutes: s.paidMinutes })));
    const prior = sumBy(view.history.map((s) => ({ key: spanOf(ctx, s.day, "week"), minutes: s.paidMinutes })));
    let ot = 0;
    for (const [week, minutes] of all) ot += over(minutes / 60, (prior.get(week) ?? 0) / 60, 40);
    return ot;
  }
  const daily = (shifts: typeof view.shifts): Map<number, number> => sumBy(shifts.map((s) => ({ key: s.day, minutes: s.paidMinutes })));
  let ot = 0;
  for (const minutes of daily(view.shifts).values()) ot += Math.max(0, minutes / 60 - 8);
  const straight = (shifts: typeof view.shifts): Map<number, number> => {
    const perPeriod = new Map<number, number>();
    for (const [day, minutes] of daily(shifts)) {
      const period = spanOf(ctx, day, "payPeriod");
      perPeriod.set(period, (perPeriod.get(period) ?? 0) + Math.min(8, minutes / 60));
    }
    return perPeriod;
  };
  const all = straight([...view.history, ...view.shifts]);
  const prior = straight(view.history);
  for (const [period, h] of all) ot += over(h, prior.get(period) ?? 0, 80);
  return ot;
}

export function staffHours(ctx: CheckContext, view: StaffView): StaffHours {
  const rate = view.member.hourlyRate;
  const template = (id: string) => ctx.templates.get(id)!;
  let paidMinutes = 0;
  let differentialDollars = 0;
  for (const s of view.shifts) {
    paidMinutes += s.paidMinutes;
    for (const diff of template(s.template).differentials) {
      const applies = (diff.kind === "night" && s.night) || (diff.kind === "weekend" && s.weekend) || (diff.kind === "holiday" && s.holiday);
      if (applies) differentialDollars += (diff.dollarsPerHour * s.paidMinutes) / 60;
    }
  }
  const hoursIn = (shifts: typeof view.shifts, field: "week" | "payPeriod", index: number): number =>
    shifts.filter((s) => spanOf(ctx, s.day, field) === index).reduce((h, s) => h + s.paidMinutes / 60, 0);
  // History hours apart: overtime counts them, the hours the horizon's shifts pay do not.
  const perSpan = (field: "week" | "payPeriod", spans: typeof ctx.grid.workweeks) =>
    spans.map((span) => ({ firstDate: span.firstDate, hours: hoursIn(view.shifts, field, span.index), historyHours: hoursIn(view.history, field, span.index) }));
  const ot = overtimeHours(ctx, view);
  const weekendsWorked = ctx.grid.weekends.filter((w) => (view.byDay[w.saturday]?.length ?? 0) + (view.byDay[w.sunday]?.length ?? 0) > 0).length;
  return {
    staff: view.member.id,
    shifts: view.shifts.length,
    paidHours: paidMinutes / 60,
    nights: view.shifts.filter((s) => s.night).length,
    weekendsWorked,
    perWeek: perSpan("week", ctx.grid.workweeks),
    perPayPeriod: perSpan("payPeriod", ctx.grid.payPeriods),
    overtimeHours: ot,
    regularDollars: (rate * paidMinutes) / 60,
    differentialDollars,
    overtimePremiumDollars: OVERTIME_PREMIUM * rate * ot,
  };
}

const memo = new WeakMap<CheckContext, StaffHours[]>();

/** Hours and pay of every staff member (input order), computed once per context. */
export function payOf(ctx: CheckContext): StaffHours[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = ctx.staff.map((view) => staffHours(ctx, view))));
  return found;
}

/** Paid hours of everyone but regular staff: agency, PRN, and staff with FTE 0 (the input reads FTE 0 as PRN). */
export function agencyHours(ctx: CheckContext): number {
  const pay = payOf(ctx);
  return ctx.staff.reduce((h, view, i) => (view.member.employment === "staff" && view.member.fte > 0 ? h : h + pay[i]!.paidHours), 0);
}
