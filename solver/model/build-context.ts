/**
 * The model builder's shared state: one binary x[staff, shift] per person and shift instance they may
 * work, labor cost and overtime, and helpers the rules' `build` halves use to add rows and tagged
 * penalties. Built from the input, grid and demand alone; the rules add the rest.
 */
import type { Demand, Level, PlanningInput, RuleId, ShiftInstance, ShiftTemplate, StaffMember, Subjects, TimeGrid } from "../../models/index.js";
import { ModelBuilder, type Term } from "./linear-model.js";

export interface ShiftVar {
  shift: ShiftInstance;
  column: number;
}

export interface StaffVars {
  member: StaffMember;
  level: Level;
  skills: Set<string>;
  /** History shifts before the horizon, in start order. */
  history: ShiftInstance[];
  /** Shift key → column of x[staff, shift]. */
  x: Map<string, number>;
  /** Horizon day → the person's shift variables starting that day. */
  byDay: ShiftVar[][];
}

/**
 * A penalty, tagged with the rule and subjects it prices: `weight` per unit of `column`, or a constant
 * `weight` when `column` is undefined (a request that no column can grant).
 */
export interface PenaltyTag {
  rule: RuleId;
  column: number | undefined;
  weight: number;
  subjects: Subjects;
}

export interface BuildContext {
  input: PlanningInput;
  grid: TimeGrid;
  demand: Demand;
  builder: ModelBuilder;
  staff: StaffVars[];
  templates: Map<string, ShiftTemplate>;
  dayCount: number;
  /** Whether every schedule the model admits has at most one shift a day (`shift.one-per-day` hard). */
  oneShiftADay: boolean;
  penalties: PenaltyTag[];
  /** Terms of the labor cost in dollars (regular, differentials, overtime premium). */
  laborCost: Term[];
  /** Terms of overtime hours. */
  overtimeHours: Term[];
  /** Terms of agency/PRN paid hours. */
  agencyHours: Term[];
}

function penaltyName(rule: RuleId, subjects: Subjects): string {
  return `${rule}[${Object.values(subjects).join(",")}]`;
}

/** A continuous penalty column ≥ 0 priced at `weight` per unit, tagged with its rule. */
export function penaltyColumn(ctx: BuildContext, rule: RuleId, subjects: Subjects, weight: number, upper = Infinity): number {
  const column = ctx.builder.addColumn({ name: penaltyName(rule, subjects), lower: 0, upper, cost: weight });
  ctx.penalties.push({ rule, column, weight, subjects });
  return column;
}

/** A binary penalty column priced at `weight`, tagged with its rule. */
export function penaltyBinary(ctx: BuildContext, rule: RuleId, subjects: Subjects, weight: number): number {
  const column = ctx.builder.addColumn({ name: penaltyName(rule, subjects), lower: 0, upper: 1, cost: weight, integer: true });
  ctx.penalties.push({ rule, column, weight, subjects });
  return column;
}

/** Prices an existing column (an x, say) at `weight` more per unit for a rule. */
export function penalizeColumn(ctx: BuildContext, rule: RuleId, subjects: Subjects, column: number, weight: number): void {
  ctx.builder.addCost(column, weight);
  ctx.penalties.push({ rule, column, weight, subjects });
}

/**
 * The soft half of a rule that decides a shift alone (its hard half is `forbids`): each column of a shift
 * the person may not work by `breaks` costs `rule.weight`, one unit per shift. Nothing when the rule is hard.
 */
export function penalizeEachBreak(ctx: BuildContext, rule: { id: RuleId; hard: boolean; weight: number }, breaks: (person: StaffVars, shift: ShiftInstance) => boolean): void {
  if (rule.hard) return;
  for (const person of ctx.staff) {
    for (const { shift, column } of person.byDay.flat()) {
      if (breaks(person, shift)) penalizeColumn(ctx, rule.id, { staff: person.member.id, date: shift.date, template: shift.template }, column, rule.weight);
    }
  }
}

/** A penalty no decision can avoid (a request for a shift the person may not work). */
export function penaltyConstant(ctx: BuildContext, rule: RuleId, subjects: Subjects, weight: number): void {
  ctx.builder.addOffset(weight);
  ctx.penalties.push({ rule, column: undefined, weight, subjects });
}

/** Σ x over the shifts a person starts on a day (0 or 1 under one shift a day). */
export function workedTerms(person: StaffVars, day: number, include: (s: ShiftInstance) => boolean = () => true): Term[] {
  return (person.byDay[day] ?? []).filter((v) => include(v.shift)).map((v) => ({ column: v.column, coefficient: 1 }));
}

/** Whether the person worked a day before the horizon (history), per `include`. */
export function workedInHistory(person: StaffVars, day: number, include: (s: ShiftInstance) => boolean = () => true): boolean {
  return person.history.some((h) => h.day === day && include(h));
}

export function terms(columns: Iterable<number>, coefficient = 1): Term[] {
  return [...columns].map((column) => ({ column, coefficient }));
}
