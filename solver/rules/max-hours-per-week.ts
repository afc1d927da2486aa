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
import type { Finding, RuleDefinition } from "./types.js";

export const maxHoursPerWeek: RuleDefinition<{ maxHours: number }> = {
  id: "hours.max-per-week",
  title: "Maximum hours per workweek",
  policy: "At most 60 paid hours in a workweek, history included; a contract may set another maximum.",
  hardByDefault: true,
  unit: "hour",
  weightKey: "hoursOutsideBandHour",
  defaults: { maxHours: 60 },
  check(ctx, rule) {
    const weekOfHistoryDay = new Map(ctx.grid.priorDays.map((d) => [d.index, d.week]));
    const findings: Finding[] = [];
    for (const view of ctx.staff) {
      const max = view.member.contract.maxHoursPerWeek ?? rule.params.maxHours;
      const minutesByWeek = new Map<number, number>();
      const add = (week: number | undefined, minutes: number): void => {
        if (week !== undefined) minutesByWeek.set(week, (minutesByWeek.get(week) ?? 0) + minutes);
      };
      for (const s of view.history) add(weekOfHistoryDay.get(s.day), s.paidMinutes);
      for (const s of view.shifts) add(ctx.grid.days[s.day]!.week, s.paidMinutes);
      for (const week of ctx.grid.workweeks) {
        const minutes = minutesByWeek.get(week.index) ?? 0;
        if (minutes <= max * 60) continue;
        const worked = minutes / 60;
        findings.push({
          subjects: { staff: view.member.id, period: week.firstDate },
          amount: worked - max,
          message: `${view.member.name} works ${worked.toFixed(1)} h in the workweek from ${week.firstDate} (at most ${max} h): ${(worked - max).toFixed(1)} h over`,
        });
      }
    }
    return findings;
  },
};
