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
 * FTE 0) have no target: only a contract maximum, when given, applies. Approved leave is time off the
 * target counts as taken: the proration runs over the period's horizon days not on leave, so a person
 * back from a week's vacation is not owed a week of extra shifts (nor priced for not working them). Days
 * outside a person's employment (`employedFrom` / `employedUntil`) are left out alike (`unavailableOn`): a
 * hire starting mid-period owes the days from their start, a leaver the days up to their last.
 *
 * Soft by default: a horizon often cannot give every person exactly their FTE, and a schedule that is a
 * few hours off is still a schedule a manager publishes. Weight `hoursOutsideBandHour` (50 per hour) sits
 * below every coverage gap (300–1000 per staff-hour), so no work is left undone to keep a band, and near
 * an hour's pay, so work that must go to someone goes to the person short of their band rather than to
 * one already above it.
 */
import { addDays, employedOn, employmentWords, leaveOn, type GridDay, type PayPeriod, type StaffMember } from "../../models/index.js";
import type { Finding, RuleDefinition } from "./types.js";
import { payOf } from "../check/pay.js";
import { binaryReach, buildBand } from "../model/bands.js";
import type { Term } from "../model/linear-model.js";

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
      ctx.grid.payPeriods.forEach((period, p) => {
        const off = daysOffIn(ctx.grid.days, period, member);
        const band = payPeriodBand(member, period, rule.params, off.leave + off.notEmployed);
        if (!band) return;
        const { min, max } = band;
        const worked = pay[i]!.perPayPeriod[p]!.hours;
        const short = min === undefined ? 0 : Math.max(0, min - worked);
        const over = Math.max(0, worked - max);
        if (short <= 0 && over <= 0) return;
        const range = min === undefined ? `at most ${fmt(max)} h` : `${fmt(Math.max(0, min))}–${fmt(max)} h`;
        const days =
          (period.daysInHorizon === 14 ? "" : `, ${period.daysInHorizon} of its 14 days in the horizon`) +
          (off.notEmployed > 0 ? `, ${off.notEmployed} not employed (${employmentWords(member)})` : "") +
          (off.leave > 0 ? `, ${off.leave} on leave` : "");
        findings.push({
          subjects: { staff: member.id, period: period.firstDate },
          amount: short + over,
          message: `${member.name} works ${fmt(worked)} h in the pay period ${period.startDate} to ${addDays(period.startDate, 13)} (${range}${days}): ${fmt(short + over)} h ${short > 0 ? "short" : "over"}`,
        });
      });
    });
    return findings;
  },
  // Per person and pay period, H = Σ paid hours × x of the horizon shifts starting in it (history is not
  // counted, as in the check): hard, min ≤ H ≤ max on one row; soft, priced slacks below and above.
  build(ctx, rule) {
    for (const person of ctx.staff) {
      for (const period of ctx.grid.payPeriods) {
        const off = daysOffIn(ctx.grid.days, period, person.member);
        const band = payPeriodBand(person.member, period, rule.params, off.leave + off.notEmployed);
        if (!band) continue;
        const terms: Term[] = [];
        for (const day of person.byDay) {
          for (const { shift, column } of day) if (ctx.grid.days[shift.day]!.payPeriod === period.index) terms.push({ column, coefficient: shift.paidMinutes / 60 });
        }
        const subjects = { staff: person.member.id, period: period.firstDate };
        buildBand(ctx, rule, `${rule.id}[${person.member.id},${period.firstDate}]`, subjects, rule.weight, { terms, min: band.min, max: band.max, reach: binaryReach(terms) });
      }
    }
  },
};

/**
 * Days of the period inside the horizon the person cannot work (`unavailableOn`), by cause: outside their
 * employment, and on approved leave while employed (a day both is counted once, as not employed).
 */
export function daysOffIn(days: readonly GridDay[], period: PayPeriod, member: StaffMember): { leave: number; notEmployed: number } {
  const off = { leave: 0, notEmployed: 0 };
  for (let d = period.firstDay; d <= period.lastDay; d++) {
    const date = days[d]!.date;
    if (!employedOn(member, date)) off.notEmployed++;
    else if (leaveOn(member, date)) off.leave++;
  }
  return off;
}

/**
 * A person's band for one pay period, prorated to its days in the horizon they can work (`daysOffIn`); undefined when no
 * band applies (PRN, agency or FTE 0 without a contract maximum). No minimum for those without a target.
 */
export function payPeriodBand(
  member: StaffMember,
  period: PayPeriod,
  params: { underToleranceHours: number; overToleranceHours: number },
  daysOff = 0,
): { min: number | undefined; max: number } | undefined {
  const regular = member.employment === "staff" && member.fte > 0;
  const { minHoursPerPayPeriod, maxHoursPerPayPeriod } = member.contract;
  if (!regular && maxHoursPerPayPeriod === undefined) return undefined;
  const share = (period.daysInHorizon - daysOff) / 14;
  const target = 80 * member.fte * share;
  const min = !regular ? undefined : minHoursPerPayPeriod !== undefined ? minHoursPerPayPeriod * share : target - params.underToleranceHours;
  const max = maxHoursPerPayPeriod !== undefined ? maxHoursPerPayPeriod * share : target + params.overToleranceHours;
  return { min, max };
}
