/**
 * Labor cost in the model, priced exactly as the checker's `check/pay.ts` prices a schedule: base rate ×
 * paid hours and differentials on each x column, and overtime hours as continuous columns at the 0.5 ×
 * base-rate premium — per workweek under `weekly40`; under `8/80` per day (see `buildLaborCost`) and per
 * pay period, over the straight-time hours.
 */
import type { ShiftInstance } from "../../models/index.js";
import { OVERTIME_PREMIUM } from "../check/pay.js";
import type { BuildContext, StaffVars } from "./build-context.js";
import type { Term } from "./linear-model.js";

export function shiftDollars(ctx: BuildContext, person: StaffVars, shift: ShiftInstance): number {
  const hours = shift.paidMinutes / 60;
  let dollars = person.member.hourlyRate * hours;
  for (const diff of ctx.templates.get(shift.template)!.differentials) {
    const applies = (diff.kind === "night" && shift.night) || (diff.kind === "weekend" && shift.weekend) || (diff.kind === "holiday" && shift.holiday);
    if (applies) dollars += diff.dollarsPerHour * hours;
  }
  return dollars;
}

function dayField(ctx: BuildContext, day: number, field: "week" | "payPeriod"): number {
  const d = day >= 0 ? ctx.grid.days[day] : ctx.grid.priorDays.find((p) => p.index === day);
  if (!d) throw new Error(`day ${day} is outside the time grid`);
  return d[field];
}

/** One overtime column per span: o ≥ Σ hours + history − limit − max(0, history − limit). */
function spanOvertime(ctx: BuildContext, person: StaffVars, name: string, hours: Term[], historyHours: number, limit: number): void {
  if (hours.length === 0) return;
  const premium = OVERTIME_PREMIUM * person.member.hourlyRate;
  const o = ctx.builder.addColumn({ name, lower: 0, cost: premium * ctx.input.weights.laborDollar });
  const rhs = limit + Math.max(0, historyHours - limit) - historyHours;
  ctx.builder.addRow(`${name}-def`, [...hours, { column: o, coefficient: -1 }], -Infinity, rhs);
  ctx.laborCost.push({ column: o, coefficient: premium });
  ctx.overtimeHours.push({ column: o, coefficient: 1 });
}

/**
 * Labor cost and overtime. Under `8/80` a day's straight-time hours are min(8, its paid hours): with one
 * shift a day (`oneShiftADay`: the rule is hard) that is a constant per x, and the daily excess rides on
 * x; otherwise a day where a person may work two shifts gets a column e ≥ Σ paid × x − 8 for its excess,
 * and its straight hours are Σ paid × x − e (exact at the optimum: e above the excess only moves hours
 * from the period's overtime to the day's, at the same premium).
 */
export function buildLaborCost(ctx: BuildContext, oneShiftADay: boolean): void {
  const laborWeight = ctx.input.weights.laborDollar;
  for (const person of ctx.staff) {
    // Hours toward the agency/PRN cap: everyone but regular staff (FTE 0 reads as PRN).
    const agency = !(person.member.employment === "staff" && person.member.fte > 0);
    const eightEighty = person.member.overtimeRule === "8/80";
    const premium = OVERTIME_PREMIUM * person.member.hourlyRate;
    const paid = (s: ShiftInstance): number => s.paidMinutes / 60;
    const price = (column: number, dollars: number): void => {
      ctx.builder.addCost(column, dollars * laborWeight);
      ctx.laborCost.push({ column, coefficient: dollars });
    };
    /** Hours toward the span's limit, per horizon day: paid hours (weekly40) or straight-time hours (8/80). */
    const spanHours: Term[][] = person.byDay.map(() => []);
    person.byDay.forEach((day, d) => {
      for (const { shift, column } of day) {
        price(column, shiftDollars(ctx, person, shift));
        if (agency) ctx.agencyHours.push({ column, coefficient: paid(shift) });
        if (!eightEighty) spanHours[d]!.push({ column, coefficient: paid(shift) });
      }
      if (!eightEighty || day.length === 0) return;
      if (day.length === 1 || oneShiftADay) {
        for (const { shift, column } of day) {
          const daily = Math.max(0, paid(shift) - 8);
          if (daily > 0) {
            price(column, premium * daily);
            ctx.overtimeHours.push({ column, coefficient: daily });
          }
          spanHours[d]!.push({ column, coefficient: Math.min(8, paid(shift)) });
        }
        return;
      }
      const name = `daily-overtime[${person.member.id},${ctx.grid.days[d]!.date}]`;
      const excess = ctx.builder.addColumn({ name, lower: 0 });
      price(excess, premium);
      ctx.overtimeHours.push({ column: excess, coefficient: 1 });
      const worked = day.map(({ shift, column }) => ({ column, coefficient: paid(shift) }));
      ctx.builder.addRow(`${name}-def`, [...worked, { column: excess, coefficient: -1 }], -Infinity, 8);
      spanHours[d]!.push(...worked, { column: excess, coefficient: -1 });
    });
    const field = eightEighty ? "payPeriod" : "week";
    const spans = eightEighty ? ctx.grid.payPeriods : ctx.grid.workweeks;
    const limit = eightEighty ? 80 : 40;
    // History the same way, per day: its own straight-time hours under 8/80.
    const historyByDay = new Map<number, number>();
    for (const h of person.history) historyByDay.set(h.day, (historyByDay.get(h.day) ?? 0) + paid(h));
    for (const span of spans) {
      const hours = spanHours.flatMap((terms, d) => (dayField(ctx, d, field) === span.index ? terms : []));
      let history = 0;
      for (const [day, h] of historyByDay) if (dayField(ctx, day, field) === span.index) history += eightEighty ? Math.min(8, h) : h;
      spanOvertime(ctx, person, `overtime[${person.member.id},${span.firstDate}]`, hours, history, limit);
    }
  }
}
