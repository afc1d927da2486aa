/**
 * A built model as the roster column generation's problem, when its rules are all ones a roster of days
 * holds alone (`roster-rules.ts`): one shift a day, successions, caps per template, a band of minutes, runs
 * of days and of days off (edges exempt), weekends over the horizon, and costs per shift and slot lines.
 * Input: the model the search solves (its x columns say who may work what, their costs what each shift
 * costs the person: requests, leave and wages alike; its offset the constant part). Output: the people's
 * `RosterRules` and the cover lines, in the model's staff and template order, or undefined for a model
 * with anything else (history, interval demand, a soft run rule, pay, fairness, rest…): the search alone
 * solves those, as before.
 */
import { minuteOfDayOf, type PlanningInput, type RuleId, type TimeGrid } from "../../models/index.js";
import type { BuiltModel } from "../model/build.js";
import { RULES } from "../rules/index.js";
import { horizonBand } from "../rules/horizon-minutes.js";
import { resolveRule } from "../rules/resolve.js";
import type { ResolvedRule } from "../rules/types.js";
import type { RosterProblem } from "./generate.js";
import type { CoverLine } from "./master.js";
import type { RosterRules } from "./roster-rules.js";

/** A cost that keeps a roster off an option the model has no column for (the person may not work it). */
const UNAVAILABLE = 1e9;

/** Rules that price or forbid one shift at a time (on its x column, or by leaving it out), any way set. */
const PER_SHIFT: readonly RuleId[] = ["shift.eligibility", "leave.approved", "employment.dates", "repair.changes"];
/** Rules the roster holds, hard; the condition each must meet besides. */
const HARD_ROSTER: Partial<Record<RuleId, (rule: ResolvedRule, grid: TimeGrid) => boolean>> = {
  "shift.forbidden-succession": () => true,
  "shifts.max-per-template": () => true,
  "hours.horizon-band": () => true,
  "days.max-consecutive": () => true,
  "days.min-consecutive": (rule) => rule.params.exemptEdges === true,
  "days-off.min-consecutive": (rule) => rule.params.exemptEdges === true,
  "weekends.max-per-window": (rule, grid) => rule.params.windowWeekends === 0 || (rule.params.windowWeekends as number) >= grid.weekends.length,
};
/** Soft rules whose price sits on x columns (a request's weight) or on slot slacks. */
const SOFT_PRICED: readonly RuleId[] = ["requests.shift-on", "requests.shift-off", "requests.day-off", "coverage.slot-under", "coverage.slot-over"];
/** Rules of interval demand: nothing to do where the input has none. */
const INTERVAL_DEMAND: readonly RuleId[] = ["coverage.floor-shortfall", "coverage.interval-shortfall", "coverage.interval-overstaffing"];

/** Whether every enabled rule is one the roster holds as the model does. */
function rulesUnderstood(input: PlanningInput, built: BuiltModel): boolean {
  const { grid, demand } = built.ctx;
  return RULES.every((definition) => {
    const rule = resolveRule(definition, input);
    const id = definition.id;
    if (id === "shift.one-per-day") return rule.enabled && rule.hard;
    if (!rule.enabled || PER_SHIFT.includes(id)) return true;
    if (id === "shift.no-overlap") return input.shiftTemplates.every((a) => input.shiftTemplates.every((b) => minuteOfDayOf(a.start) + a.lengthMinutes <= 1440 + minuteOfDayOf(b.start)));
    if (INTERVAL_DEMAND.includes(id)) return demand.series.length === 0;
    if (SOFT_PRICED.includes(id)) return !rule.hard;
    const holds = HARD_ROSTER[id];
    return holds !== undefined && rule.hard && holds(rule, grid);
  });
}

/** Whether the only costs besides x columns are the slot lines' slacks (no labor rows, no soft rule's slack). */
function costsPerShift(built: BuiltModel): boolean {
  const x = new Set(built.ctx.staff.flatMap((p) => [...p.x.values()]));
  const slack = new Set(built.ctx.penalties.filter((t) => t.column !== undefined && (t.rule === "coverage.slot-under" || t.rule === "coverage.slot-over")).map((t) => t.column!));
  const cost = built.model.colCost;
  for (let j = 0; j < cost.length; j++) if (cost[j] !== 0 && !x.has(j) && !slack.has(j)) return false;
  return true;
}

export function rosterProblemOf(input: PlanningInput, built: BuiltModel): RosterProblem | undefined {
  const { ctx, model } = built;
  const { grid } = ctx;
  const H = ctx.dayCount;
  const templates = input.shiftTemplates;
  const S = templates.length;
  const O = S + 1;
  if (S === 0 || H === 0 || Object.values(grid.history).some((h) => h.length > 0)) return undefined;
  if (grid.weekends.some((w) => w.saturday < 0 || w.sunday >= H)) return undefined;
  if (!rulesUnderstood(input, built) || !costsPerShift(built)) return undefined;
  const index = new Map(templates.map((t, i) => [t.id, i]));
  // One length per template: the band counts paid minutes, the roster a length per shift.
  const length = new Array<number | undefined>(S).fill(undefined);
  for (const shift of grid.shifts) {
    const s = index.get(shift.template)!;
    if (length[s] !== undefined && length[s] !== shift.paidMinutes) return undefined;
    length[s] = shift.paidMinutes;
  }
  const rule = (id: RuleId): ResolvedRule => resolveRule(RULES.find((r) => r.id === id)!, input);
  const on = (id: RuleId): ResolvedRule | undefined => {
    const resolved = rule(id);
    return resolved.enabled ? resolved : undefined;
  };
  const forbiddenNext = new Uint8Array(S * S);
  if (on("shift.forbidden-succession")) templates.forEach((t, a) => (t.forbiddenNext ?? []).forEach((next) => index.has(next) && (forbiddenNext[a * S + index.get(next)!] = 1)));
  const maxDays = on("days.max-consecutive");
  const minDays = on("days.min-consecutive");
  const minOff = on("days-off.min-consecutive");
  const weekends = on("weekends.max-per-window");
  const caps = on("shifts.max-per-template");
  const band = on("hours.horizon-band");

  const people = ctx.staff.map((person): RosterRules => {
    const contract = person.member.contract;
    const requestCost = new Float64Array(H * O);
    const dayOff = new Uint8Array(H);
    for (let d = 0; d < H; d++) {
      const vars = person.byDay[d]!;
      if (vars.length === 0) dayOff[d] = 1;
      for (let s = 0; s < S; s++) requestCost[d * O + s] = UNAVAILABLE;
      for (const v of vars) requestCost[d * O + index.get(v.shift.template)!] = model.colCost[v.column]!;
    }
    const { min, max } = band ? horizonBand(person.member, grid.days) : { min: undefined, max: undefined };
    return {
      days: H,
      shifts: S,
      lengthMinutes: length.map((l) => l ?? 0),
      forbiddenNext,
      maxPerShift: templates.map((t) => (caps ? (contract.maxShiftsPerTemplate?.[t.id] ?? Infinity) : Infinity)),
      minMinutes: min ?? 0,
      maxMinutes: max ?? Infinity,
      maxConsecutiveDays: maxDays ? (contract.maxConsecutiveDays ?? (maxDays.params.maxDays as number)) : H,
      minConsecutiveDays: minDays ? (contract.minConsecutiveDays ?? (minDays.params.minDays as number)) : 1,
      minConsecutiveDaysOff: minOff ? (contract.minConsecutiveDaysOff ?? (minOff.params.minDays as number)) : 1,
      maxWeekends: weekends ? (contract.maxWeekends ?? (weekends.params.maxWeekends as number)) : Infinity,
      dayOff,
      requestCost,
      firstWeekday: grid.days[0]!.weekday - 1,
    };
  });

  const under = rule("coverage.slot-under");
  const over = rule("coverage.slot-over");
  const dayOf = new Map(grid.days.map((d) => [d.date, d.index]));
  const seen = new Set<string>();
  const cover: CoverLine[] = [];
  for (const slot of ctx.demand.slots) {
    if (seen.has(slot.shift) || !index.has(slot.template) || !dayOf.has(slot.date)) return undefined;
    seen.add(slot.shift);
    cover.push({
      day: dayOf.get(slot.date)!,
      shift: index.get(slot.template)!,
      required: slot.required,
      underWeight: under.enabled ? (slot.underWeight ?? under.weight) : 0,
      overWeight: over.enabled ? (slot.overWeight ?? over.weight) : 0,
    });
  }
  return { days: H, shifts: S, people, cover };
}
