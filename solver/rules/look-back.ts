/**
 * How far back before the horizon the rules and the pay model read a person's history, for one input.
 * Input: a PlanningInput. Output: a number of days, at most MAX_HORIZON_DAYS (the furthest back the input
 * format admits history).
 *
 * Used where history is derived rather than written (the API fills `staff[].history` from published
 * versions): every history day costs a shift instance in the site's zone, so a year of a department's
 * shifts (15,000 for the demo's 56 staff) made preparing its month take 18 s instead of 2 s. A shift
 * further back than this changes no finding, no penalty and no price.
 */
import { MAX_HORIZON_DAYS, type PlanningInput, type StaffMember } from "../../models/index.js";
import { resolveRule } from "./resolve.js";
import { minRest } from "./min-rest.js";
import { maxConsecutiveDays } from "./max-consecutive-days.js";
import { maxConsecutiveNights } from "./max-consecutive-nights.js";
import { minConsecutiveDays } from "./min-consecutive-days.js";
import { minConsecutiveDaysOff } from "./min-consecutive-days-off.js";
import { maxWeekends } from "./max-weekends.js";

const MINUTES_PER_DAY = 24 * 60;

/**
 * The pay period and workweek holding the horizon's first day start at most 13 days before it: the
 * pay-period band, 8/80 and weekly overtime, the budget's overtime hours and `hours.max-per-week` count
 * their history hours. `shift.forbidden-succession` and `weekends.complete` read the day before it only.
 */
const PAY_PERIOD_LOOK_BACK_DAYS = 13;

/**
 * `rest.min-between-shifts` and `shift.no-overlap`: a history shift matters when it ends less than the
 * minimum rest before the horizon starts. It starts before the end of its date and lasts at most its
 * template's length, an hour more or less across a clock change either way (hence the two hours).
 */
function restLookBackDays(input: PlanningInput): number {
  const longest = Math.max(0, ...input.shiftTemplates.map((t) => t.lengthMinutes));
  const rest = resolveRule(minRest, input).params.minRestMinutes;
  return 1 + Math.ceil((longest + rest + 120) / MINUTES_PER_DAY);
}

/**
 * Runs: a run of at most `max` days (or nights) is judged over windows of max + 1 days ending in the
 * horizon, so `max` days back; a short run (or break) of under `min` days is known short from the day
 * before it, `min` days back (one ending the day before the horizon, which its first day completes,
 * included). Each rule's site value, or any person's contract value where larger.
 */
function runLookBackDays(input: PlanningInput): number {
  const largest = (site: number, contract: (m: StaffMember) => number | undefined): number =>
    Math.max(site, ...input.staff.map((m) => contract(m) ?? 0));
  return Math.max(
    largest(resolveRule(maxConsecutiveDays, input).params.maxDays, (m) => m.contract.maxConsecutiveDays),
    largest(resolveRule(maxConsecutiveNights, input).params.maxNights, (m) => m.contract.maxConsecutiveNights),
    largest(resolveRule(minConsecutiveDays, input).params.minDays, (m) => m.contract.minConsecutiveDays),
    largest(resolveRule(minConsecutiveDaysOff, input).params.minDays, (m) => m.contract.minConsecutiveDaysOff),
  );
}

/**
 * `weekends.max-per-window`: a window of `windowWeekends` weekends ending at the horizon's first weekend
 * begins `windowWeekends` − 1 weekends before it, on a Saturday 7 × (windowWeekends − 1) days before that
 * weekend's, which is at most the day before the horizon (a horizon starting on a Sunday). No window
 * reaches back when the whole horizon is one (`windowWeekends` 0).
 */
function weekendLookBackDays(input: PlanningInput): number {
  const { windowWeekends } = resolveRule(maxWeekends, input).params;
  return windowWeekends > 0 ? 7 * (windowWeekends - 1) + 1 : 0;
}

/** Days before `horizon.start` whose shifts any rule or price of this input reads (22 with the defaults). */
export function historyLookBackDays(input: PlanningInput): number {
  return Math.min(MAX_HORIZON_DAYS, Math.max(PAY_PERIOD_LOOK_BACK_DAYS, restLookBackDays(input), runLookBackDays(input), weekendLookBackDays(input)));
}
