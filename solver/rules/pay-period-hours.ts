/**
 * Pay-period hours band: each regular staff member's paid hours in every pay period stay within a band
 * around their FTE target (80 h × FTE per 14 days).
 *
 * Policy: target = 80 × fte × daysInHorizon / 14 for the part of the period inside the horizon; the band is
 * [target − underToleranceHours, target + overToleranceHours] unless the contract gives
 * `minHoursPerPayPeriod` / `maxHoursPerPayPeriod`, which are prorated by the same days / 14. The
 * tolerances are not prorated: they absorb one shift's granularity, and a shift is as long in a short
 * period as in a full one. Hours are the paid hours of horizon shifts starting in the period (history is
 * the previous schedule's and the target covers horizon days only). PRN and agency staff (and anyone with
 * FTE 0) have no target: only a contract maximum, when given, applies.
 *
 * Soft by default: a horizon often cannot give every person exactly their FTE, and a schedule that is a
 * few hours off is still a schedule a manager publishes. Weight `hoursOutsideBandHour` (50 per hour) sits
 * below every coverage gap (300–1000 per staff-hour), so no work is left undone to keep a band, and near
 * an hour's pay, so work that must go to someone goes to the person short of their band rather than to
 * one already above it.
 */
import type { Finding, RuleDefinition } from "./types.js";
import { payOf } from "../check/pay.js";

const fmt = (h: number): string => h.toFixed(1);

export const payPeriodHours: RuleDefinition<{ underToleranceHours: number; overToleranceHours: number }> = {
  id: "hours.pay-period-band",
  title: "Hours per pay period within the FTE band",
  policy: "Each regular staff member works 80 h × FTE per 14-day pay period, within −8 h / +12 h; contract limits override.",
  hardByDefault: false,
  unit: "hour",
  weightKey: "hoursOutsideBandHour",
  defaults: { underToleranceHours: 8, overToleranceHours: 12 },
  check(ctx, rule) {
    const pay = payOf(ctx);
    const findings: Finding[] = [];
    ctx.staff.forEach((view, i) => {
      const { member } = view;
      const regular = member.employment === "staff" && member.fte > 0;
      const { minHoursPerPayPeriod, maxHoursPerPayPeriod } = member.contract;
      if (!regular && maxHoursPerPayPeriod === undefined) return;
      ctx.grid.payPeriods.forEach((period, p) => {
        const share = period.daysInHorizon / 14;
        const target = 80 * member.fte * share;
        const min = !regular ? undefined : minHoursPerPayPeriod !== undefined ? minHoursPerPayPeriod * share : target - rule.params.underToleranceHours;
        const max = maxHoursPerPayPeriod !== undefined ? maxHoursPerPayPeriod * share : target + rule.params.overToleranceHours;
        const worked = pay[i]!.perPayPeriod[p]!.hours;
        const short = min === undefined ? 0 : Math.max(0, min - worked);
        const over = Math.max(0, worked - max);
        if (short <= 0 && over <= 0) return;
        const band = min === undefined ? `at most ${fmt(max)} h` : `${fmt(Math.max(0, min))}–${fmt(max)} h`;
        const days = period.daysInHorizon === 14 ? "" : `, ${period.daysInHorizon} of its 14 days in the horizon`;
        findings.push({
          subjects: { staff: member.id, period: period.firstDate },
          amount: short + over,
          message: `${member.name} works ${fmt(worked)} h in the pay period from ${period.firstDate} (${band}${days}): ${fmt(short + over)} h ${short > 0 ? "short" : "over"}`,
        });
      });
    });
    return findings;
  },
};
