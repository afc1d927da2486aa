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

/** A penalty column or coefficient, tagged with the rule and subjects it prices. */
export interface PenaltyTag {
  rule: RuleId;
  column: number;
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
  penalties: PenaltyTag[];
  /** Terms of the labor cost in dollars (regular, differentials, overtime premium). */
  laborCost: Term[];
  /** Terms of overtime hours. */
  overtimeHours: Term[];
  /** Terms of agency/PRN paid hours. */
  agencyHours: Term[];
}

/** A continuous penalty column ≥ 0 priced at `weight` per unit, tagged with its rule. */
export function penaltyColumn(ctx: BuildContext, rule: RuleId, subjects: Subjects, weight: number, upper = Infinity): number {
  const name = `${rule}[${Object.values(subjects).join(",")}]`;
  const column = ctx.builder.addColumn({ name, lower: 0, upper, cost: weight });
  ctx.penalties.push({ rule, column, subjects });
  return column;
}

/** A binary penalty column priced at `weight`, tagged with its rule. */
export function penaltyBinary(ctx: BuildContext, rule: RuleId, subjects: Subjects, weight: number): number {
  const name = `${rule}[${Object.values(subjects).join(",")}]`;
  const column = ctx.builder.addColumn({ name, lower: 0, upper: 1, cost: weight, integer: true });
  ctx.penalties.push({ rule, column, subjects });
  return column;
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
