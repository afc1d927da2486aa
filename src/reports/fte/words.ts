/**
 * The report in words: what "saving" means, the method, every assumption and the main findings, in
 * sentences HR can quote. Input: the assembled figures. Output: plain strings (no markup).
 */
import type { PlanningInput } from "../../../models/index.js";
import type { FteReport } from "./report.js";
import { HOURS_PER_FTE_PERIOD, PERIODS_PER_YEAR } from "./productivity.js";

export const num = (n: number, digits = 1): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const money = (n: number): string => `${n < 0 ? "−" : ""}$${Math.abs(n).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
export const pct = (share: number, digits = 0): string => `${num(100 * share, digits)} %`;

type Figures = Omit<FteReport, "savingDefinition" | "method" | "assumptions" | "findings">;

export function methodAndAssumptions(input: PlanningInput, r: Figures): Pick<FteReport, "savingDefinition" | "method" | "assumptions" | "findings"> {
  const s = r.settings;
  const w = r.whatIf;
  const level = input.levels.find((l) => l.id === w.hire.level)!;
  const uncovered = s.uncoveredStaffHourDollars;
  const savingDefinition =
    `The saving of a hire is the fall, from one hire fewer, in three costs over the schedule: overtime ` +
    `(every overtime hour at 1.5 × the person's base rate), pay to PRN and agency staff, and uncovered ` +
    `staff-hours valued at ${money(uncovered.pharmacist)} per pharmacist hour and ${money(uncovered.technician)} per technician hour. ` +
    `It is annualized by ${num(w.annualFactor, 2)} (26 pay periods ÷ ${num(r.horizon.payPeriods, 2)} in the horizon) and compared with the ` +
    `position's yearly cost: rate × FTE × 2,080 h × (1 + benefits load). Straight-time hours that the hire takes over from ` +
    `existing staff are not counted as saving.`;
  const method = [
    `Productivity view: for each role family, the hours the workload needs are the units due in the horizon times the ` +
      `standard minutes per unit, divided by 60, plus the fixed activity hours per pay period times the ${num(r.horizon.payPeriods, 2)} pay periods ` +
      `in the horizon (${r.horizon.days} days ÷ 14).`,
    `Worked FTE = worked hours ÷ (${HOURS_PER_FTE_PERIOD} h × pay periods). Paid FTE = worked FTE ÷ the productive share ` +
      `(${pct(s.productiveShare)}), because part of every paid hour is time off, education or sick time.`,
    `Filled FTE is the sum of the FTE of regular staff at each level; PRN and agency staff are listed apart and not counted. ` +
      `The gap is paid FTE needed minus filled FTE, priced at the role family's FTE-weighted mean base rate × paid hours × (1 + benefits load) ` +
      `(a family with no regular staff: the mean rate of its PRN and agency staff).`,
    `Schedule view: the month is optimized with today's staff, then with 1 to ${w.rows.length - 1} hypothetical hire(s) of ${level.name} ` +
      `(${num(w.hire.fte, 2)} FTE, ${w.hire.pattern} shifts: ${w.hire.templates.join(", ")}, ${money(w.hire.hourlyRate)}/h), each an ordinary ` +
      `staff member added to the input. Every solve keeps every hard labor rule; uncovered hours, overtime, PRN/agency use and cost ` +
      `are measured by the independent checker on the schedule returned.`,
    `The recommended number of hires is the largest count for which every added position saves at least its yearly cost.`,
  ];
  const assumptions = [
    `Productive share ${pct(s.productiveShare)}` +
      (s.nonProductiveSplit
        ? `; the rest is paid time off ${pct(s.nonProductiveSplit.pto, 1)}, education ${pct(s.nonProductiveSplit.education, 1)} and sick time ${pct(s.nonProductiveSplit.sick, 1)} of paid hours.`
        : ` (no split of the non-productive share given).`),
    `Benefits load ${pct(s.benefitsLoad)} of wages.`,
    `1.0 FTE = ${HOURS_PER_FTE_PERIOD} paid hours per 14-day pay period; a year is ${PERIODS_PER_YEAR} pay periods (2,080 h per FTE).`,
    `Workload standards are per role family, so the workload need is stated per role family, not per level.`,
    `Minimum staffing floors (people required at all times whatever the volume) are not in the productivity view; the schedule view includes them.`,
    ...s.fixedActivities.map((a) => `Fixed activity: ${a.name}, ${num(a.hoursPerPayPeriod)} h per pay period, ${a.level ?? a.roleFamily}.`),
    `Hypothetical hires are paid ${money(w.hire.hourlyRate)}/h${w.hire.rateFrom === "level mean" ? " (the mean base rate of the level's regular staff)" : ""}, have no leave and no requests, and follow the weekly-40 overtime rule.`,
    `The position's yearly cost is at the base rate: shift differentials the hire would earn (night, weekend, holiday) are in the what-if schedules' labor cost but not in it, so for a night or weekend pattern it is low by those.`,
    `Each what-if solve ran for at most ${w.timeLimitSeconds} s.` +
      (w.allOptimal ? ` Every solve was proven optimal.` : ` Not every solve was proven optimal (see provenance): differences smaller than a solve's gap may be solver noise rather than the hire's effect.`) +
      (w.rows.some((row) => row.warnings) ? ` Some steps of the solve for ${w.rows.filter((row) => row.warnings).map((row) => row.hires).join(", ")} hire(s) failed and were left out (see provenance): those schedules may cost more than the solver would otherwise find.` : ""),
  ];
  return { savingDefinition, method, assumptions, findings: findings(r) };
}

function findings(r: Figures): string[] {
  const out = r.productivity.roleFamilies.map(
    (f) =>
      `${f.roleFamily === "pharmacist" ? "Pharmacists" : "Technicians"}: the workload needs ${num(f.paidFte)} paid FTE (${num(f.workedFte)} worked); ` +
      `${num(f.filledFte)} are filled${f.budgetedFte !== undefined ? ` and ${num(f.budgetedFte)} budgeted` : ""}, a gap of ${num(f.gapFte)} FTE ` +
      (f.rateBasis === "none"
        ? `(not priced: nobody at these levels has a rate to price it at).`
        : `(${money(f.gapDollarsPerYear)} a year with benefits${f.rateBasis === "regular staff" ? "" : `, at the mean rate of the PRN and agency staff, as there are no regular staff`}).`),
  );
  const w = r.whatIf;
  if (w.recommendedHires === undefined) {
    out.push(`No recommendation: ${w.noRecommendation ?? ""}`);
    return out;
  }
  const next = w.rows[w.recommendedHires + 1];
  out.push(
    `Recommended: ${w.recommendedHires} hire(s) of this position (yearly cost ${money(w.positionCostPerYear)} each).` +
      (next?.marginalSavingPerYear !== undefined ? ` Hire ${next.hires} would save ${money(next.marginalSavingPerYear)} a year, less than it costs.` : ""),
  );
  return out;
}
