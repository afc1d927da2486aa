/**
 * The labor rules, in the order of `RULE_IDS` (which keeps related soft rules beside their hard
 * counterparts rather than strictly hard first). `index.ts` merges this list into `RULES`.
 */
import type { RuleDefinition } from "./types.js";
import { noOverlap } from "./no-overlap.js";
import { eligibility } from "./eligibility.js";
import { approvedLeave } from "./approved-leave.js";
import { forbiddenSuccession } from "./forbidden-succession.js";
import { maxConsecutiveDays } from "./max-consecutive-days.js";
import { minConsecutiveDays } from "./min-consecutive-days.js";
import { minConsecutiveDaysOff } from "./min-consecutive-days-off.js";
import { maxConsecutiveNights } from "./max-consecutive-nights.js";
import { maxWeekends } from "./max-weekends.js";
import { completeWeekends } from "./complete-weekends.js";
import { maxShiftsPerTemplate } from "./max-shifts-per-template.js";

export const LABOR_RULES: RuleDefinition<any>[] = [
  noOverlap, // hard: never on two shifts at once (minutes of overlap, history included)
  eligibility, // hard: role family and every required skill
  approvedLeave, // hard: no shift starting on a date of approved leave
  forbiddenSuccession, // hard: template X on day d never followed by one of X.forbiddenNext on d + 1
  maxConsecutiveDays, // hard: at most 5 working days in a row (contract overrides)
  minConsecutiveDays, // soft: working stretches of at least 2 days, edges exempt
  minConsecutiveDaysOff, // soft: breaks of at least 2 days off between working days, edges exempt
  maxConsecutiveNights, // hard: at most 3 nights in a row (contract overrides)
  maxWeekends, // soft: at most 2 weekends worked in any 4 (contract overrides the maximum)
  completeWeekends, // soft: both days of a weekend or neither
  maxShiftsPerTemplate, // hard: contract caps per template over the horizon (0 forbids)
];
