/**
 * Coverage: people on duty per area and role family per interval, against demand. A shift covers an
 * interval when it spans the whole interval (breaks are staggered and not subtracted); a person counts
 * when qualified for the shift (`countsForCover`). A shift of a person's history that runs into the
 * horizon (last night's, into the first morning) is on duty too: it covers demand, and only what it adds
 * beyond the requirement by itself is not charged as overstaffing (the schedule could not change it).
 */
import type { CoverageLine, DemandSeries, ShiftInstance } from "../../models/index.js";
import type { CheckContext, StaffView } from "./context.js";

export interface SeriesCoverage {
  series: DemandSeries;
  /** People on duty per interval, history's shifts included. */
  covered: number[];
  /** Of them, those on a shift of their history. */
  fromHistory: number[];
}

/** Interval indices a shift covers, clipped to the horizon. */
export function coveredIntervals(shift: ShiftInstance, intervalMinutes: number, intervalCount: number): number[] {
  const out: number[] = [];
  const first = Math.max(0, Math.ceil(shift.startMinute / intervalMinutes));
  for (let i = first; i < intervalCount && (i + 1) * intervalMinutes <= shift.endMinute; i++) out.push(i);
  return out;
}

/**
 * Whether a person on a shift counts toward its cover: of the shift's role family, holding its required
 * skills. Only a schedule with eligibility made soft puts anyone else there, and a technician on a
 * pharmacist shift is no pharmacist on duty.
 */
export function countsForCover(ctx: CheckContext, view: StaffView, shift: ShiftInstance): boolean {
  const template = ctx.templates.get(shift.template)!;
  return view.level.roleFamily === template.roleFamily && template.requiredSkills.every((skill) => view.skills.has(skill));
}

export function computeCoverage(ctx: CheckContext): SeriesCoverage[] {
  const n = ctx.grid.intervals.length;
  const bySeries = new Map(ctx.demand.series.map((s) => [`${s.area}/${s.roleFamily}`, { series: s, covered: new Array<number>(n).fill(0), fromHistory: new Array<number>(n).fill(0) }]));
  for (const view of ctx.staff) {
    for (const [shifts, ofHistory] of [[view.shifts, false], [view.history, true]] as const) {
      for (const shift of shifts.filter((s) => countsForCover(ctx, view, s))) {
        const line = bySeries.get(`${shift.area}/${shift.roleFamily}`);
        if (!line) continue;
        for (const i of coveredIntervals(shift, ctx.grid.intervalMinutes, n)) {
          line.covered[i]!++;
          if (ofHistory) line.fromHistory[i]!++;
        }
      }
    }
  }
  return [...bySeries.values()];
}

/**
 * Per interval: shortfall below the floor, shortfall of the rest of demand, and people over demand, the
 * people history alone puts over it left out.
 */
export function intervalGaps({ series, covered, fromHistory }: SeriesCoverage, i: number): { floorShort: number; demandShort: number; over: number } {
  const floorShort = Math.max(0, series.floor[i]! - covered[i]!);
  const demandShort = Math.max(0, series.required[i]! - covered[i]!) - floorShort;
  return { floorShort, demandShort, over: Math.max(0, covered[i]! - Math.max(series.required[i]!, fromHistory[i]!)) };
}

export function coverageLines(ctx: CheckContext, coverage: SeriesCoverage[]): CoverageLine[] {
  return coverage.map((line) => {
    const { series, covered } = line;
    let required = 0, got = 0, uncovered = 0, floorUncovered = 0, over = 0;
    ctx.grid.intervals.forEach((interval, i) => {
      const h = (interval.endMinute - interval.startMinute) / 60;
      const gaps = intervalGaps(line, i);
      required += series.required[i]! * h;
      got += Math.min(covered[i]!, series.required[i]!) * h;
      uncovered += (gaps.floorShort + gaps.demandShort) * h;
      floorUncovered += gaps.floorShort * h;
      over += gaps.over * h;
    });
    return {
      area: series.area,
      roleFamily: series.roleFamily,
      requiredStaffHours: required,
      coveredStaffHours: got,
      uncoveredStaffHours: uncovered,
      floorUncoveredStaffHours: floorUncovered,
      overstaffedStaffHours: over,
      coveragePercent: required > 0 ? (100 * got) / required : 100,
    };
  });
}

const memo = new WeakMap<CheckContext, SeriesCoverage[]>();

/** Coverage of a context, computed once and shared by the coverage rules and the explainer. */
export function coverageOf(ctx: CheckContext): SeriesCoverage[] {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = computeCoverage(ctx)));
  return found;
}
