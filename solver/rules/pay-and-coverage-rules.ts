/**
 * Pay, hours, budget, coverage, request and fairness rules, in the order the registry lists them
 * (merged into `index.ts` once the parallel labor rules are in).
 */
import type { RuleDefinition } from "./types.js";
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

export const PAY_AND_COVERAGE_RULES: RuleDefinition<any>[] = [
  // Soft: paid hours per pay period within 80 h × FTE −8/+12 (prorated to the horizon), or the contract's.
  payPeriodHours,
  // Hard: a contract's min/max paid minutes over the whole horizon (Curtois–Qu total minutes).
  horizonMinutes,
  // Hard: at most 60 paid hours per workweek (or the contract's), history in the week included.
  maxHoursPerWeek,
  // Soft: labor dollars, overtime hours and agency/PRN hours within the budget caps.
  budgetCap,
  // Soft (never hard): staff-hours below the minimum staffing floors, per area × family × date.
  floorShortfall,
  // Soft (never hard): staff-hours of forecast work uncovered beyond the floor.
  intervalShortfall,
  // Soft: staff-hours on duty beyond demand, a tie-breaker next to cost.
  intervalOverstaffing,
  // Soft: people short on a slot-demand line, at the line's own weight.
  slotUnder,
  // Soft: people over a slot-demand line, at the line's own weight.
  slotOver,
  // Soft: "I want to work this shift that day", at the request's weight.
  shiftOnRequests,
  // Soft: "I don't want this shift that day", at the request's weight.
  shiftOffRequests,
  // Soft: "I want this day off", at the request's weight.
  dayOffRequests,
  // Soft: spread of weekends worked within a level.
  weekendFairness,
  // Soft: spread of night shifts within a level.
  nightFairness,
];
