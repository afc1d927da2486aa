/**
 * The what-if's hypothetical hires as ordinary staff members: added to an input (`withHires`), and taken
 * out of a schedule (`withoutHire`), which turns a schedule for k hires into one for k − 1. Input: a
 * planning input or a schedule and the hire. Output: the same, with one hire more or fewer.
 */
import { PlanningInputSchema, type PlanningInput, type Schedule, type StaffMember } from "../../../models/index.js";
import { HOURS_PER_FTE_PERIOD, payPeriodsOf } from "./productivity.js";
import type { ResolvedHire } from "./settings.js";

export const HIRE_ID_PREFIX = "whatif-hire-";

/** A position's paid hours over a horizon of `payPeriods`: FTE × 80 h × pay periods. */
export const positionHours = (fte: number, payPeriods: number): number => fte * HOURS_PER_FTE_PERIOD * payPeriods;

/** A hire's base wages over the horizon: rate × the position's hours (what a labor-dollar cap measures, without benefits). */
export function hireWagesOverHorizon(input: PlanningInput, hire: ResolvedHire): number {
  return hire.hourlyRate * positionHours(hire.fte, payPeriodsOf(input));
}

/**
 * A hire's paid minutes over the horizon at most: the position's hours (FTE × 80 h × pay periods), which
 * its funding pays and its yearly cost prices. Without it a hire of any FTE worked as many hours as
 * uncovered work is worth (a 0.5-FTE hire 131 h in one pay period), and the saving was credited to a
 * position that would not work them.
 */
export function hireMinutesOverHorizon(input: PlanningInput, hire: ResolvedHire): number {
  return Math.floor(positionHours(hire.fte, payPeriodsOf(input)) * 60);
}

/**
 * The input with `count` hypothetical hires added as ordinary staff members, their positions funded and
 * their hours held to the position's by a contract maximum (hours.horizon-band, hard unless the site made it soft).
 */
export function withHires(input: PlanningInput, hire: ResolvedHire, count: number): PlanningInput {
  const family = input.levels.find((l) => l.id === hire.level)!.roleFamily;
  const forbidden = Object.fromEntries(input.shiftTemplates.filter((t) => t.roleFamily === family && !hire.templates.includes(t.id)).map((t) => [t.id, 0]));
  const hires: Partial<StaffMember>[] = Array.from({ length: count }, (_, i) => ({
    id: `${HIRE_ID_PREFIX}${i + 1}`,
    name: `Hypothetical hire ${i + 1}`,
    level: hire.level,
    fte: hire.fte,
    hourlyRate: hire.hourlyRate,
    overtimeRule: "weekly40",
    employment: "staff",
    contract: { maxShiftsPerTemplate: forbidden, maxMinutesPerHorizon: hireMinutesOverHorizon(input, hire) },
  }));
  const cap = input.budget.laborDollars;
  const budget = cap === undefined ? input.budget : { ...input.budget, laborDollars: cap + count * hireWagesOverHorizon(input, hire) };
  return PlanningInputSchema.parse({ ...input, budget, staff: [...input.staff, ...hires] });
}

/** `schedule` without hire `j`'s shifts, the hires after j renumbered down: a schedule for one hire fewer. */
export function withoutHire(schedule: Schedule, j: number): Schedule {
  const renumbered = (id: string): string => {
    const n = id.startsWith(HIRE_ID_PREFIX) ? Number(id.slice(HIRE_ID_PREFIX.length)) : 0;
    return n > j ? `${HIRE_ID_PREFIX}${n - 1}` : id;
  };
  const assignments = schedule.assignments.filter((x) => x.staff !== `${HIRE_ID_PREFIX}${j}`).map((x) => ({ ...x, staff: renumbered(x.staff) }));
  return { ...schedule, assignments };
}
