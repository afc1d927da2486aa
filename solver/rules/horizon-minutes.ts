/**
 * Horizon minutes band: a staff member whose contract gives `minMinutesPerHorizon` or
 * `maxMinutesPerHorizon` works that many paid minutes over the whole horizon, no fewer and no more.
 *
 * Policy: only contract values apply (there is no site-wide default); paid minutes of horizon shifts are
 * summed (history belongs to the previous horizon), so a night across a DST change counts its real paid
 * length. This is the Curtois–Qu MinTotalMinutes / MaxTotalMinutes constraint, where a shift's length is
 * its paid minutes. A person employed for part of the horizon (`employedFrom` / `employedUntil`) has both
 * bounds prorated over the horizon days they are employed, rounded to the minute: a hire from mid-month
 * owes half a month's minimum. Approved leave does not prorate it (the benchmark's contracts are stated
 * with days off already in them).
 *
 * Hard by default: the benchmark states it as hard, and a contract's horizon total is a promise made to
 * the person. When a site makes it soft, a minute outside the band costs `hoursOutsideBandHour` / 60 (the
 * table prices an hour, the unit here is a minute, and an hour off is an hour off whichever rule counts
 * it); a weight the site sets on this rule is taken per minute, as every rule weight is per unit.
 */
import { employedOn, employmentWords, type GridDay, type PlanningInput, type StaffMember } from "../../models/index.js";
import { binaryReach, buildBand } from "../model/bands.js";
import type { Finding, ResolvedRule, RuleDefinition } from "./types.js";

export const horizonMinutes: RuleDefinition = {
  id: "hours.horizon-band",
  title: "Paid minutes over the horizon within the contract band",
  policy: "A contract's minimum and maximum paid minutes over the horizon are kept.",
  hardByDefault: true,
  unit: "minute",
  weightKey: "hoursOutsideBandHour",
  defaults: {},
  check(ctx, rule) {
    const perMinute = weightPerMinute(ctx.input, rule);
    const findings: Finding[] = [];
    ctx.staff.forEach((view) => {
      const { member } = view;
      const { min, max } = horizonBand(member, ctx.grid.days);
      if (min === undefined && max === undefined) return;
      const minutes = view.shifts.reduce((m, s) => m + s.paidMinutes, 0);
      const short = min === undefined ? 0 : Math.max(0, min - minutes);
      const over = max === undefined ? 0 : Math.max(0, minutes - max);
      if (short <= 0 && over <= 0) return;
      const prorated = min !== member.contract.minMinutesPerHorizon || max !== member.contract.maxMinutesPerHorizon ? `, prorated: ${employmentWords(member)}` : "";
      const band = [min === undefined ? undefined : `at least ${min}`, max === undefined ? undefined : `at most ${max}`].filter(Boolean).join(" and ") + prorated;
      findings.push({
        subjects: { staff: member.id, period: "horizon" },
        amount: short + over,
        message: `${member.name} works ${minutes} paid minutes over the horizon (${band}): ${short + over} min ${short > 0 ? "short" : "over"}`,
        weight: perMinute,
      });
    });
    return findings;
  },
  // A shift longer than the contract's maximum breaks it alone: no column when the rule is hard.
  forbids(ctx, person, shift) {
    const { max } = horizonBand(person.member, ctx.grid.days);
    return max !== undefined && shift.paidMinutes > max;
  },
  // Per person with a contract band: M = Σ paid minutes × x over the horizon; hard, min ≤ M ≤ max on one
  // row; soft, priced slacks in minutes below and above.
  build(ctx, rule) {
    const perMinute = weightPerMinute(ctx.input, rule);
    for (const person of ctx.staff) {
      const { min, max } = horizonBand(person.member, ctx.grid.days);
      if (min === undefined && max === undefined) continue;
      const terms = person.byDay.flat().map(({ shift, column }) => ({ column, coefficient: shift.paidMinutes }));
      const subjects = { staff: person.member.id, period: "horizon" };
      buildBand(ctx, rule, `${rule.id}[${person.member.id}]`, subjects, perMinute, { terms, min, max, reach: binaryReach(terms) });
    }
  },
};

/** The table prices an hour; a weight the site sets on this rule is already per minute. */
function weightPerMinute(input: PlanningInput, rule: ResolvedRule): number {
  return input.rules[rule.id]?.weight !== undefined ? rule.weight : rule.weight / 60;
}

/** The contract's horizon band, prorated over the horizon days the person is employed (to the minute). */
export function horizonBand(member: StaffMember, days: readonly Pick<GridDay, "date">[]): { min: number | undefined; max: number | undefined } {
  const { minMinutesPerHorizon: min, maxMinutesPerHorizon: max } = member.contract;
  const employed = days.filter((d) => employedOn(member, d.date)).length;
  if (employed === days.length) return { min, max };
  const prorate = (minutes: number | undefined): number | undefined => (minutes === undefined ? undefined : Math.round((minutes * employed) / days.length));
  return { min: prorate(min), max: prorate(max) };
}
