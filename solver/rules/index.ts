/**
 * The rule registry: the table of contents of every labor, coverage, preference and fairness rule,
 * hard rules first. Each line is one file in this folder; each file states its rule, policy and weight.
 */
import type { PlanningInput, Problem } from "../../models/index.js";
import type { ParamValue, RuleDefinition } from "./types.js";
import { oneShiftPerDay } from "./one-shift-per-day.js";
import { noOverlap } from "./no-overlap.js";
import { eligibility } from "./eligibility.js";
import { approvedLeave } from "./approved-leave.js";
import { minRest } from "./min-rest.js";
import { forbiddenSuccession } from "./forbidden-succession.js";
import { maxConsecutiveDays } from "./max-consecutive-days.js";
import { minConsecutiveDays } from "./min-consecutive-days.js";
import { minConsecutiveDaysOff } from "./min-consecutive-days-off.js";
import { maxConsecutiveNights } from "./max-consecutive-nights.js";
import { maxWeekends } from "./max-weekends.js";
import { completeWeekends } from "./complete-weekends.js";
import { maxShiftsPerTemplate } from "./max-shifts-per-template.js";
import { payPeriodHours } from "./pay-period-hours.js";
import { horizonMinutes } from "./horizon-minutes.js";
import { maxHoursPerWeek } from "./max-hours-per-week.js";
import { budgetCap } from "./budget-cap.js";
import { floorShortfall } from "./floor-shortfall.js";
import { intervalShortfall } from "./interval-shortfall.js";
import { intervalOverstaffing } from "./interval-overstaffing.js";
import { slotUnder } from "./slot-under.js";
import { slotOver } from "./slot-over.js";
import { shiftOnRequests } from "./shift-on-requests.js";
import { shiftOffRequests } from "./shift-off-requests.js";
import { dayOffRequests } from "./day-off-requests.js";
import { weekendFairness } from "./weekend-fairness.js";
import { nightFairness } from "./night-fairness.js";

export const RULES: readonly RuleDefinition<any>[] = [
  oneShiftPerDay, // a person starts at most one shift a day
  noOverlap, // a person's shifts never overlap in time, history included
  eligibility, // the person has the template's role family and every required skill
  approvedLeave, // no shift on a day of approved leave
  minRest, // rest between shifts of at least 10 h
  forbiddenSuccession, // a template's forbidden next-day templates
  maxConsecutiveDays, // runs of working days at most N long
  minConsecutiveDays, // no isolated working days
  minConsecutiveDaysOff, // no isolated days off
  maxConsecutiveNights, // runs of nights at most N long
  maxWeekends, // weekends worked per window
  completeWeekends, // both days of a weekend or neither
  maxShiftsPerTemplate, // shifts of one template per horizon
  payPeriodHours, // hours per pay period near FTE × 80
  horizonMinutes, // contract minutes over the horizon
  maxHoursPerWeek, // hours per workweek at most N
  budgetCap, // labor dollars, overtime and agency hours under the caps
  floorShortfall, // staff-hours below a minimum staffing floor
  intervalShortfall, // staff-hours of forecast work not covered
  intervalOverstaffing, // staff-hours on duty beyond demand
  slotUnder, // people short on a slot-demand line
  slotOver, // people over a slot-demand line
  shiftOnRequests, // requested shifts not granted
  shiftOffRequests, // shifts worked against a request
  dayOffRequests, // days worked against a day-off request
  weekendFairness, // spread of weekends worked within a level
  nightFairness, // spread of nights worked within a level
];

export function ruleById(id: string): RuleDefinition<any> | undefined {
  return RULES.find((r) => r.id === id);
}

/** Problems with `rules.<id>.params`: unknown names or values of the wrong type. */
export function checkRuleParams(input: PlanningInput): Problem[] {
  const problems: Problem[] = [];
  for (const [id, setting] of Object.entries(input.rules)) {
    const rule = ruleById(id);
    if (!rule || !setting) continue;
    const defaults = rule.defaults as Record<string, ParamValue>;
    for (const [name, value] of Object.entries(setting.params)) {
      const path = `rules.${id}.params.${name}`;
      if (!(name in defaults)) {
        const known = Object.keys(defaults);
        problems.push({ path, message: known.length ? `unknown parameter (known: ${known.join(", ")})` : "this rule takes no parameters", value });
      } else if (typeof value !== typeof defaults[name]) {
        problems.push({ path, message: `must be a ${typeof defaults[name]}`, value });
      }
    }
  }
  return problems;
}
