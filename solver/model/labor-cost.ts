/**
 * Labor cost in the model, priced exactly as the checker's `check/pay.ts` prices a schedule: base rate ×
 * paid hours and differentials on each x column, and overtime hours as continuous columns at the 0.5 ×
 * base-rate premium — per workweek under `weekly40`; under `8/80` the daily excess rides on the x column
 * (one shift a day) and the period excess of straight-time hours gets a column per pay period.
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

export function buildLaborCost(ctx: BuildContext): void {
  const laborWeight = ctx.input.weights.laborDollar;
  for (const person of ctx.staff) {
    const agency = person.member.employment !== "staff";
    const eightEighty = person.member.overtimeRule === "8/80";
    const premium = OVERTIME_PREMIUM * person.member.hourlyRate;
    for (const day of person.byDay) {
      for (const { shift, column } of day) {
        let dollars = shiftDollars(ctx, person, shift);
        if (eightEighty) {
          const dailyOvertime = Math.max(0, shift.paidMinutes / 60 - 8);
          if (dailyOvertime > 0) ctx.overtimeHours.push({ column, coefficient: dailyOvertime });
          dollars += premium * dailyOvertime;
        }
        ctx.builder.addCost(column, dollars * laborWeight);
        ctx.laborCost.push({ column, coefficient: dollars });
        if (agency) ctx.agencyHours.push({ column, coefficient: shift.paidMinutes / 60 });
      }
    }
    const field = eightEighty ? "payPeriod" : "week";
    const spans = eightEighty ? ctx.grid.payPeriods : ctx.grid.workweeks;
    const limit = eightEighty ? 80 : 40;
    const hoursOf = (s: ShiftInstance): number => (eightEighty ? Math.min(8, s.paidMinutes / 60) : s.paidMinutes / 60);
    for (const span of spans) {
      const hours: Term[] = [];
      for (const day of person.byDay) for (const { shift, column } of day) if (dayField(ctx, shift.day, field) === span.index) hours.push({ column, coefficient: hoursOf(shift) });
      const history = person.history.filter((h) => dayField(ctx, h.day, field) === span.index).reduce((sum, h) => sum + hoursOf(h), 0);
      spanOvertime(ctx, person, `overtime[${person.member.id},${span.firstDate}]`, hours, history, limit);
    }
  }
}
