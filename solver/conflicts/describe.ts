/**
 * Conflicts in words: each side of a conflict as the rule reads for that person (their leave dates, their
 * contract's figures, the site's limits), so a manager sees what to change, not what an imaginary
 * schedule would break. Input: the planning input, the person and the sides found; output: a Conflict.
 */
import { addDays, daysBetween, employedOn, employmentWords, type Assignment, type Conflict, type PlanningInput, type RuleId, type StaffMember } from "../../models/index.js";
import { RULES } from "../rules/index.js";
import { horizonBand } from "../rules/horizon-minutes.js";
import { resolveRule } from "../rules/resolve.js";
import type { ConflictPart } from "./find.js";

export function describeConflict(input: PlanningInput, member: StaffMember | undefined, parts: readonly ConflictPart[], proven: boolean, locked: readonly Assignment[]): Conflict {
  const rules = RULES.map((r) => r.id).filter((id) => parts.includes(id));
  const hasLocks = parts.includes("locked");
  const pins = member ? locked.filter((a) => a.staff === member.id) : [...locked];
  const history = member && parts.includes("history") ? [describeHistory(member)] : [];
  const sides = [...rules.map((id) => describeRule(input, member, id)), ...(hasLocks ? [describeLocks(pins)] : []), ...history];
  // The rules that shape every roster (one shift a day, eligibility, rest) are named as the ground the
  // conflict stands on, after the sides a manager would change (leave, contracts, limits, locks), when
  // there are two of those; one alone is named beside them.
  const ground = rules.filter((id) => GROUND.includes(id));
  const main = [...rules.filter((id) => !GROUND.includes(id)).map((id) => describeRule(input, member, id)), ...(hasLocks ? [describeLocks(pins)] : []), ...history];
  const [named, given] = main.length > 1 ? [main, ground.map((id) => describeRule(input, member, id))] : [sides, []];
  const verb = named.length === 1 ? "cannot hold" : named.length === 2 ? "cannot both hold" : "cannot all hold";
  const who = member ? member.name : "Across the department";
  const message = `${who}: ${list(named)} ${verb}${given.length > 0 ? `, given ${list(given)}` : ""}`;
  return { rules, locked: hasLocks, history: history.length > 0, subjects: member ? { staff: member.id } : {}, sides, message, proven };
}

/** What opens a list of conflicts, as `rxroster solve` prints it. */
export const CONFLICTS_HEADER = "The hard rules cannot all hold. Conflicts (the rules of each set cannot all hold, though any one fewer could):";
/** An infeasible solve whose conflict search named nothing in the time it had. */
export const NO_CONFLICT_NAMED = "The hard rules cannot all hold; no conflict could be named within the time limit";
/** A search the time limit ended before every person was checked or every set proven. */
export const CONFLICTS_MAY_BE_MORE = "The time limit ended the search before every person was checked or every set proven: there may be more.";

/**
 * One conflict on one line, as `rxroster solve` prints it and the FTE report quotes it: the message, the
 * rule ids in brackets, and a set the time limit left unproven marked so.
 */
export function conflictLine(c: Conflict): string {
  const ids = [...c.rules, ...(c.locked ? ["locked"] : []), ...(c.history ? ["history"] : [])].join(", ");
  return `${c.message} [${ids}]${c.proven ? "" : " (best found within the time limit, not proven minimal)"}`;
}

/**
 * Rules that make a roster a roster: a conflict names them after the rules a manager sets per person, and
 * the search relaxes them first (in this order), so they are named only when a conflict needs them.
 */
export const GROUND: readonly RuleId[] = ["shift.eligibility", "shift.no-overlap", "rest.min-between-shifts", "shift.forbidden-succession", "shift.one-per-day"];

/** One side: the rule as it reads for this person (or for the department when `member` is undefined). */
export function describeRule(input: PlanningInput, member: StaffMember | undefined, id: RuleId): string {
  const definition = RULES.find((r) => r.id === id)!;
  const params = resolveRule(definition, input).params as Record<string, number | boolean | string>;
  const contract = member?.contract;
  // A contract's own figure says so; else the site's (or the rule's default).
  const limit = (value: number | undefined, site: number, what: (n: number) => string): string => (value === undefined ? what(site) : `${what(value)} (contract)`);
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  switch (id) {
    case "leave.approved": {
      const ranges = (member?.leave ?? []).filter((l) => l.start <= input.horizon.end && l.end >= input.horizon.start);
      const clip = (l: { start: string; end: string }): string => `${l.start < input.horizon.start ? input.horizon.start : l.start} to ${l.end > input.horizon.end ? input.horizon.end : l.end}`;
      return ranges.length === 0 ? "approved leave" : `approved leave ${list(ranges.map((l) => `(${l.reason}) ${clip(l)}`))}`;
    }
    case "employment.dates":
      return member ? employmentWords(member) : definition.title.toLowerCase();
    case "hours.horizon-band": {
      const min = contract?.minMinutesPerHorizon;
      const max = contract?.maxMinutesPerHorizon;
      const words =
        min !== undefined && max !== undefined
          ? `contract band of ${minutes(min)} to ${minutes(max)} paid minutes over the horizon`
          : min !== undefined
            ? `contract minimum of ${minutes(min)} paid minutes over the horizon`
            : max !== undefined
              ? `contract maximum of ${minutes(max)} paid minutes over the horizon`
              : undefined;
      return words === undefined ? definition.title.toLowerCase() : words + (member ? proratedWords(input, member) : "");
    }
    case "hours.max-per-week":
      return limit(contract?.maxHoursPerWeek, params.maxHours as number, (n) => `at most ${minutes(n)} h in a workweek`);
    case "days.max-consecutive":
      return limit(contract?.maxConsecutiveDays, params.maxDays as number, (n) => `at most ${plural(n, "working day", "working days")} in a row`);
    case "nights.max-consecutive":
      return limit(contract?.maxConsecutiveNights, params.maxNights as number, (n) => (n === 0 ? "no nights" : `at most ${plural(n, "night", "nights")} in a row`));
    case "rest.min-between-shifts":
      return `at least ${minutes((params.minRestMinutes as number) / 60)} h rest between shifts`;
    case "shift.one-per-day":
      return "at most one shift a day";
    case "shift.no-overlap":
      return "no overlapping shifts";
    case "shift.eligibility": {
      const level = member ? input.levels.find((l) => l.id === member.level) : undefined;
      return level ? `only shifts a ${level.name} with their skills may work` : "only eligible staff on each shift";
    }
    case "shifts.max-per-template": {
      const caps = Object.entries(contract?.maxShiftsPerTemplate ?? {}).map(([template, n]) => `${template} at most ${n}`);
      return caps.length > 0 ? `contract caps on shifts per template (${caps.join(", ")})` : definition.title.toLowerCase();
    }
    default:
      return definition.title.toLowerCase();
  }
}

/**
 * ", prorated to … for the N days employed" when the person is employed for part of the horizon only: the
 * rule holds them to that share of the band (`horizonBand`), and the contract's own figure alone misleads.
 */
function proratedWords(input: PlanningInput, member: StaffMember): string {
  const days = Array.from({ length: daysBetween(input.horizon.start, input.horizon.end) + 1 }, (_, i) => ({ date: addDays(input.horizon.start, i) }));
  const band = horizonBand(member, days);
  const contract = member.contract;
  if (band.min === contract.minMinutesPerHorizon && band.max === contract.maxMinutesPerHorizon) return "";
  const employed = days.filter((d) => employedOn(member, d.date)).length;
  const figure = band.min !== undefined && band.max !== undefined ? `${minutes(band.min)} to ${minutes(band.max)}` : minutes((band.min ?? band.max)!);
  return `, prorated to ${figure} for the ${employed} of ${days.length} days employed`;
}

function describeHistory(member: StaffMember): string {
  const shown = member.history.slice(-3).map((h) => `${h.template} on ${h.date}`);
  return `the ${member.history.length} shift${member.history.length === 1 ? "" : "s"} worked before the horizon (${member.history.length > 3 ? "…, " : ""}${shown.join(", ")})`;
}

function describeLocks(pins: readonly Assignment[]): string {
  // No lock of theirs: the side is a repair's window, whose other dates are kept as the schedule had them.
  if (pins.length === 0) return "the dates outside the repair's window (kept as they were)";
  const shown = pins.slice(0, 3).map((a) => `${a.template} on ${a.date}`);
  return `the ${pins.length} locked assignment${pins.length === 1 ? "" : "s"} (${shown.join(", ")}${pins.length > 3 ? ", …" : ""})`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function minutes(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}
