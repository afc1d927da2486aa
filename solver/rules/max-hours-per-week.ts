/**
 * Maximum hours per week: nobody is paid for more than `maxHours` (default 60) in one workweek.
 *
 * Policy: per workweek of the site (starting on `site.workweekStartDay`), the paid hours of shifts
 * starting in it, history shifts of the same week included, so a week cut by the horizon start is judged
 * whole; `contract.maxHoursPerWeek` overrides the site value for one person. The cap is not prorated for
 * a week cut by the horizon: it limits what one person works in seven days, however many are scheduled.
 *
 * Hard by default: past about 60 h a week fatigue is a dispensing-error risk, and a manager who allows
 * more says so per person (contract) or per site. When soft, an hour over costs `hoursOutsideBandHour`
 * (50), the same as an hour outside the pay-period band, above the overtime premium it would also earn.
 */
import type { ShiftInstance, StaffMember, TimeGrid } from "../../models/index.js";
import { binaryReach, buildBand } from "../model/bands.js";
import type { Term } from "../model/linear-model.js";
import type { Finding, RuleDefinition } from "./types.js";

export const maxHoursPerWeek: RuleDefinition<{ maxHours: number }> = {
  id: "hours.max-per-week",
  title: "Maximum hours per workweek",
  policy: "At most 60 paid hours in a workweek, history included; a contract may set another maximum.",
  hardByDefault: true,
  monotone: true,
  unit: "hour",
  weightKey: "hoursOutsideBandHour",
  defaults: { maxHours: 60 },
  check(ctx, rule) {
    const findings: Finding[] = [];
    for (const view of ctx.staff) {
      const max = weeklyMax(view.member, rule.params);
      const minutesByWeek = historyMinutesByWeek(ctx.grid, view.history);
      const history = new Map(minutesByWeek);
      const hasHistory = (week: number): boolean => (history.get(week) ?? 0) > 0;
      for (const s of view.shifts) {
        const week = ctx.grid.days[s.day]!.week;
        minutesByWeek.set(week, (minutesByWeek.get(week) ?? 0) + s.paidMinutes);
      }
      for (const week of ctx.grid.workweeks) {
        const minutes = minutesByWeek.get(week.index) ?? 0;
        if (minutes <= max * 60) continue;
        const worked = minutes / 60;
        findings.push({
          subjects: { staff: view.member.id, period: week.firstDate },
          amount: worked - max,
          message: `${view.member.name} works ${worked.toFixed(1)} h in the workweek from ${week.firstDate}${hasHistory(week.index) ? " (history before the horizon included)" : ""} (at most ${max} h): ${(worked - max).toFixed(1)} h over`,
        });
      }
    }
    return findings;
  },
  // A shift that with the history of its week already passes the maximum breaks it alone.
  forbids(ctx, person, shift, rule) {
    const week = ctx.grid.days[shift.day]!.week;
    const history = person.history.length === 0 ? 0 : (historyMinutesByWeek(ctx.grid, person.history).get(week) ?? 0);
    return history + shift.paidMinutes > weeklyMax(person.member, rule.params) * 60;
  },
  // Per person and workweek: H = history hours of the week (a constant) + Σ paid hours × x of the horizon
  // shifts starting in it; hard, H ≤ max; soft, a priced excess column. A week history alone puts over
  // the maximum is a constant penalty (soft) or no schedule at all (hard), as the check judges it.
  build(ctx, rule) {
    for (const person of ctx.staff) {
      const max = weeklyMax(person.member, rule.params);
      const history = historyMinutesByWeek(ctx.grid, person.history);
      for (const week of ctx.grid.workweeks) {
        const terms: Term[] = [];
        for (const day of person.byDay) {
          for (const { shift, column } of day) if (ctx.grid.days[shift.day]!.week === week.index) terms.push({ column, coefficient: shift.paidMinutes / 60 });
        }
        const subjects = { staff: person.member.id, period: week.firstDate };
        const constant = (history.get(week.index) ?? 0) / 60;
        buildBand(ctx, rule, `${rule.id}[${person.member.id},${week.firstDate}]`, subjects, rule.weight, { terms, constant, max, reach: binaryReach(terms) });
      }
    }
  },
};

function weeklyMax(member: StaffMember, params: { maxHours: number }): number {
  return member.contract.maxHoursPerWeek ?? params.maxHours;
}

/** Paid minutes of history shifts per workweek index (history days are the grid's prior days). */
function historyMinutesByWeek(grid: TimeGrid, history: readonly ShiftInstance[]): Map<number, number> {
  const weekOfHistoryDay = new Map(grid.priorDays.map((d) => [d.index, d.week]));
  const minutes = new Map<number, number>();
  for (const s of history) {
    const week = weekOfHistoryDay.get(s.day);
    if (week !== undefined) minutes.set(week, (minutes.get(week) ?? 0) + s.paidMinutes);
  }
  return minutes;
}
