/**
 * Build the schedule MIP: variables x[staff, shift] for every shift a person may work (hard rules that
 * decide a shift alone remove the column), labor cost and overtime, then each enabled rule's rows and
 * penalties, then the manager's locked assignments.
 */
import { skillsOf, type Assignment, type Demand, type PlanningInput, type Problem, type TimeGrid } from "../../models/index.js";
import { RULES } from "../rules/index.js";
import { oneShiftPerDay } from "../rules/one-shift-per-day.js";
import { resolveRule } from "../rules/resolve.js";
import type { ResolvedRule, RuleDefinition } from "../rules/types.js";
import type { BuildContext, StaffVars } from "./build-context.js";
import { buildLaborCost } from "./labor-cost.js";
import { ModelBuilder, type LinearModel } from "./linear-model.js";

/** Dates on which only locked assignments are worked: before `before`, after `after` (either may be absent). */
export interface FrozenDates {
  before?: string;
  after?: string;
}

export const isFrozen = (frozen: FrozenDates, date: string): boolean => (frozen.before !== undefined && date < frozen.before) || (frozen.after !== undefined && date > frozen.after);

export interface BuiltModel {
  model: LinearModel;
  ctx: BuildContext;
  /** Locked assignments the hard rules forbid: the model cannot hold them. */
  lockProblems: Problem[];
}

/** Whether every schedule the model admits has at most one shift a day (`shift.one-per-day` hard). */
function atMostOneShiftADay(input: PlanningInput): boolean {
  const rule = resolveRule(oneShiftPerDay, input);
  return rule.enabled && rule.hard;
}

function enabledRules(input: PlanningInput): { definition: RuleDefinition<any>; rule: ResolvedRule<any> }[] {
  return RULES.map((definition) => ({ definition, rule: resolveRule(definition, input) })).filter(({ rule }) => rule.enabled);
}

/**
 * `locked`: assignments fixed at 1. `frozen`: dates before `before` and after `after` on which the schedule
 * is what the locks say and nothing more (a repair after a call-out changes only the days it may): every
 * other column of those dates is fixed at 0.
 */
export function buildModel(input: PlanningInput, grid: TimeGrid, demand: Demand, locked: readonly Assignment[] = [], frozen?: FrozenDates): BuiltModel {
  const builder = new ModelBuilder();
  const levels = new Map(input.levels.map((l) => [l.id, l]));
  const dayCount = grid.days.length;
  const staff: StaffVars[] = input.staff.map((member) => {
    const level = levels.get(member.level)!;
    return {
      member,
      level,
      skills: skillsOf(level, member),
      history: grid.history[member.id] ?? [],
      x: new Map(),
      byDay: Array.from({ length: dayCount }, () => []),
    };
  });
  const ctx: BuildContext = {
    input,
    grid,
    demand,
    builder,
    staff,
    templates: new Map(input.shiftTemplates.map((t) => [t.id, t])),
    dayCount,
    oneShiftADay: atMostOneShiftADay(input),
    penalties: [],
    laborCost: [],
    overtimeHours: [],
    agencyHours: [],
  };
  const rules = enabledRules(input);
  const hardFilters = rules.filter(({ definition, rule }) => rule.hard && definition.forbids);
  for (const person of staff) {
    for (const shift of grid.shifts) {
      if (hardFilters.some(({ definition, rule }) => definition.forbids!(ctx, person, shift, rule))) continue;
      const column = builder.addBinary(`x[${person.member.id},${shift.key}]`);
      person.x.set(shift.key, column);
      person.byDay[shift.day]!.push({ shift, column });
    }
  }
  const oneADay = rules.find(({ definition }) => definition.id === "shift.one-per-day");
  buildLaborCost(ctx, oneADay !== undefined && oneADay.rule.hard);
  for (const { definition, rule } of rules) {
    definition.build(ctx, rule);
  }
  if (frozen) {
    for (const person of staff) for (const shifts of person.byDay) for (const { shift, column } of shifts) if (isFrozen(frozen, shift.date)) builder.fixColumn(column, 0);
  }
  const lockProblems: Problem[] = [];
  const byId = new Map(staff.map((p) => [p.member.id, p]));
  const shifts = new Map(grid.shifts.map((s) => [s.key, s]));
  locked.forEach((a, i) => {
    const person = byId.get(a.staff);
    const column = person?.x.get(`${a.template}@${a.date}`);
    if (column !== undefined) {
      builder.fixColumn(column, 1);
      return;
    }
    // The rule that removed the column, when the shift and the person exist at all.
    const shift = shifts.get(`${a.template}@${a.date}`);
    const why = person && shift ? hardFilters.find(({ definition, rule }) => definition.forbids!(ctx, person, shift, rule))?.rule.id : undefined;
    const reason = why === undefined ? "no such shift for them in the horizon" : `the hard rule ${why} forbids it`;
    lockProblems.push({ path: `locked[${i}]`, message: `${a.staff} may not work ${a.template} on ${a.date}: ${reason}`, value: a.template });
  });
  return { model: builder.build(), ctx, lockProblems };
}
