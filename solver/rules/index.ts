/**
 * The rule registry: the table of contents of every labor, coverage, preference and fairness rule,
 * hard rules first, then soft ones. Each line is one file in this folder; each file states its rule, its
 * policy and why its default weight is what it is.
 */
import { MAX_HORIZON_DAYS, type PlanningInput, type Problem } from "../../models/index.js";
import type { ParamValue, RuleDefinition } from "./types.js";
import { oneShiftPerDay } from "./one-shift-per-day.js";
import { noOverlap } from "./no-overlap.js";
import { eligibility } from "./eligibility.js";
import { approvedLeave } from "./approved-leave.js";
import { employmentDates } from "./employment-dates.js";
import { minRest } from "./min-rest.js";
import { forbiddenSuccession } from "./forbidden-succession.js";
import { maxConsecutiveDays } from "./max-consecutive-days.js";
import { maxConsecutiveNights } from "./max-consecutive-nights.js";
import { maxShiftsPerTemplate } from "./max-shifts-per-template.js";
import { horizonMinutes } from "./horizon-minutes.js";
import { maxHoursPerWeek } from "./max-hours-per-week.js";
import { minConsecutiveDays } from "./min-consecutive-days.js";
import { minConsecutiveDaysOff } from "./min-consecutive-days-off.js";
import { maxWeekends } from "./max-weekends.js";
import { completeWeekends } from "./complete-weekends.js";
import { payPeriodHours } from "./pay-period-hours.js";
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
import { repairChanges } from "./repair-changes.js";

export const RULES: readonly RuleDefinition<any>[] = [
  oneShiftPerDay, // a person starts at most one shift a day
  noOverlap, // a person's shifts never overlap in time, history included
  eligibility, // the person has the template's role family and every required skill
  approvedLeave, // no shift on a day of approved leave
  employmentDates, // no shift before a person's first or after their last day of employment
  minRest, // rest between shifts of at least 10 h, history included
  forbiddenSuccession, // a template's forbidden next-day templates
  maxConsecutiveDays, // runs of working days at most 5 long
  maxConsecutiveNights, // runs of nights at most 3 long
  maxShiftsPerTemplate, // shifts of one template per horizon (contract caps; 0 forbids)
  horizonMinutes, // contract minutes over the horizon
  maxHoursPerWeek, // hours per workweek at most 60, history included
  minConsecutiveDays, // soft: no isolated working days
  minConsecutiveDaysOff, // soft: no isolated days off
  maxWeekends, // soft: at most 2 weekends worked in any 4
  completeWeekends, // soft: both days of a weekend or neither
  payPeriodHours, // soft: hours per pay period near 80 h × FTE
  budgetCap, // soft: labor dollars, overtime and agency hours under the caps
  floorShortfall, // soft (always): staff-hours below a minimum staffing floor
  intervalShortfall, // soft (always): staff-hours of forecast work not covered
  intervalOverstaffing, // soft: staff-hours on duty beyond demand
  slotUnder, // soft: people short on a slot-demand line
  slotOver, // soft: people over a slot-demand line
  shiftOnRequests, // soft: requested shifts not granted
  shiftOffRequests, // soft: shifts worked against a request
  dayOffRequests, // soft: days worked against a day-off request
  weekendFairness, // soft: spread of weekends worked within a level
  nightFairness, // soft: spread of nights worked within a level
  repairChanges, // soft (always): shifts given or taken against a reference schedule
];

/**
 * Largest rule parameter: the minutes in the longest horizon. Every parameter counts minutes, hours, days,
 * nights or weekends within one, so none means anything above it, and the penalties it scales stay finite.
 */
export const MAX_RULE_PARAM = MAX_HORIZON_DAYS * 24 * 60;

export function ruleById(id: string): RuleDefinition<any> | undefined {
  return RULES.find((r) => r.id === id);
}

/** Problems with `rules.<id>`: unknown parameter names, values of the wrong type or range, a rule that is never hard set hard. */
export function checkRuleParams(input: PlanningInput): Problem[] {
  const problems: Problem[] = [];
  for (const [id, setting] of Object.entries(input.rules)) {
    const rule = ruleById(id);
    if (!rule || !setting) continue;
    if (setting.hard === true && rule.alwaysSoft) problems.push({ path: `rules.${id}.hard`, message: `cannot be true: ${rule.alwaysSoft}`, value: true });
    const defaults = rule.defaults as Record<string, ParamValue>;
    for (const [name, value] of Object.entries(setting.params)) {
      const path = `rules.${id}.params.${name}`;
      if (!(name in defaults)) {
        const known = Object.keys(defaults);
        problems.push({ path, message: known.length ? `unknown parameter (known: ${known.join(", ")})` : "this rule takes no parameters", value });
      } else if (typeof value !== typeof defaults[name]) {
        problems.push({ path, message: `must be a ${typeof defaults[name]}`, value });
      } else if (typeof value === "number" && (!Number.isFinite(value) || value < 0)) {
        problems.push({ path, message: "must be a number of at least 0", value });
      } else if (typeof value === "number" && value > MAX_RULE_PARAM) {
        problems.push({ path, message: `must be at most ${MAX_RULE_PARAM.toLocaleString("en-US")} (the minutes in ${MAX_HORIZON_DAYS} days: no rule counts further)`, value });
      } else if (typeof value === "number" && rule.whole?.includes(name) && !Number.isInteger(value)) {
        problems.push({ path, message: "must be a whole number", value });
      }
    }
  }
  return problems;
}
