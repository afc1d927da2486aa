/**
 * The checker's view of one schedule: assignments resolved to shift instances per staff member, with
 * history, worked-day lines and coverage counts. Built once per check from the input, grid and demand
 * alone; every rule's `check` reads it.
 */
import { skillsOf } from "../../models/index.js";
import type {
  Demand,
  Level,
  PlanningInput,
  Schedule,
  ShiftInstance,
  ShiftTemplate,
  StaffMember,
  TimeGrid,
} from "../../models/index.js";

export interface StaffView {
  member: StaffMember;
  level: Level;
  /** Level skills plus the person's own. */
  skills: Set<string>;
  /** Horizon assignments as shift instances, in start order. */
  shifts: ShiftInstance[];
  /** History shifts before the horizon, in start order. */
  history: ShiftInstance[];
  /** Horizon day index → the shifts starting that day (more than one only in a broken schedule). */
  byDay: ShiftInstance[][];
}

export interface CheckContext {
  input: PlanningInput;
  grid: TimeGrid;
  demand: Demand;
  staff: StaffView[];
  templates: Map<string, ShiftTemplate>;
  /** Number of horizon days. */
  dayCount: number;
}

export function buildCheckContext(input: PlanningInput, grid: TimeGrid, demand: Demand, schedule: Schedule): CheckContext {
  const templates = new Map(input.shiftTemplates.map((t) => [t.id, t]));
  const levels = new Map(input.levels.map((l) => [l.id, l]));
  const instances = new Map(grid.shifts.map((s) => [s.key, s]));
  const dayCount = grid.days.length;
  const staff: StaffView[] = input.staff.map((member) => {
    const level = levels.get(member.level)!;
    return {
      member,
      level,
      skills: skillsOf(level, member),
      shifts: [],
      history: grid.history[member.id] ?? [],
      byDay: Array.from({ length: dayCount }, () => []),
    };
  });
  const byId = new Map(staff.map((s) => [s.member.id, s]));
  for (const a of schedule.assignments) {
    const view = byId.get(a.staff);
    const shift = instances.get(`${a.template}@${a.date}`);
    if (!view || !shift) throw new Error(`assignment ${a.staff} ${a.template}@${a.date} not validated against the input`);
    view.shifts.push(shift);
    view.byDay[shift.day]!.push(shift);
  }
  for (const view of staff) view.shifts.sort((x, y) => x.startMinute - y.startMinute || x.template.localeCompare(y.template));
  return { input, grid, demand, staff, templates, dayCount };
}

/**
 * Worked days from the earliest history day to the last horizon day: `worked[d - first]` for day index d.
 * Days before the horizon without a history shift count as off.
 */
export function workedLine(ctx: CheckContext, view: StaffView, isWork: (s: ShiftInstance) => boolean = () => true): { first: number; worked: boolean[] } {
  const first = Math.min(0, ...view.history.map((h) => h.day));
  const worked = new Array<boolean>(ctx.dayCount - first).fill(false);
  for (const s of [...view.history, ...view.shifts]) if (isWork(s)) worked[s.day - first] = true;
  return { first, worked };
}

export interface Run {
  /** First and last day index of the run (inclusive). */
  from: number;
  to: number;
  length: number;
}

/** Maximal runs of `true` in a day line, as day indices. */
export function runsOf(line: boolean[], first: number, value = true): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const on = i < line.length && line[i] === value;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      runs.push({ from: start + first, to: i - 1 + first, length: i - start });
      start = -1;
    }
  }
  return runs;
}

export function dateOf(ctx: CheckContext, day: number): string {
  const d = ctx.grid.days[day] ?? ctx.grid.priorDays.find((p) => p.index === day);
  return d ? d.date : `day ${day}`;
}

export const hours = (minutes: number): number => minutes / 60;
