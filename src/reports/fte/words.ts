/**
 * The report in words: what "saving" means, the method, every assumption and the main findings, in
 * sentences HR can quote. Input: the assembled figures. Output: plain strings (no markup).
 */
import type { PlanningInput } from "../../../models/index.js";
import type { FteReport } from "./report.js";
import { HOURS_PER_FTE_PERIOD, PERIODS_PER_YEAR, type RoleFamilyLine } from "./productivity.js";
import { CONFLICTS_HEADER, CONFLICTS_MAY_BE_MORE, NO_CONFLICT_NAMED, conflictLine } from "../../../solver/conflicts/describe.js";
import type { WhatIfRow } from "./what-if.js";
import { positionHours } from "./hires.js";

/** A figure for people to read; a negative one with the minus sign, as `money` writes it ("−2.7", not "-2.7"). */
export const num = (n: number, digits = 1): string => {
  const text = n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
};
export const money = (n: number): string => `${n < 0 ? "−" : ""}$${Math.abs(n).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
export const pct = (share: number, digits = 0): string => `${num(100 * share, digits)} %`;
/**
 * How a solve ended, in the words of `rxroster solve`'s status line: its status, then its gap, or "no bound"
 * for a schedule with no bound to measure a gap from ("feasible, gap 8.23 %", "feasible, no bound").
 */
export const solveStatusWords = (solve: { status: string; gap?: number }): string =>
  `${solve.status}${solve.gap !== undefined ? `, gap ${(100 * solve.gap).toFixed(2)} %` : solve.status === "feasible" ? ", no bound" : ""}`;
/** A what-if row whose schedule is the one for one hire more with a hire's shifts taken out (`fromOneHireMore`). */
export const FROM_ONE_HIRE_MORE = "the schedule for one hire more, less a hire";
/** An hourly rate, to the cent. */
export const rate = (n: number): string => `$${num(n, 2)}/h`;

/** "no schedule with 2 hire(s) keeps every hard rule" (today's staff for 0). */
export const noScheduleWith = (hires: number): string => `no schedule with ${hires === 0 ? "today's staff" : `${hires} hire(s)`} keeps every hard rule`;

/** An infeasible row's conflicts, in the words `rxroster solve` prints them, on one line. */
export function conflictWords(row: Pick<WhatIfRow, "conflicts" | "conflictsComplete">): string {
  const conflicts = row.conflicts ?? [];
  if (conflicts.length === 0) return `${NO_CONFLICT_NAMED} (rxroster solve of the same input names them, given the time).`;
  return `${CONFLICTS_HEADER} ${conflicts.map(conflictLine).join("; ")}.${row.conflictsComplete === false ? ` ${CONFLICTS_MAY_BE_MORE}` : ""}`;
}

/** Every solve proven: optimal, or infeasible (no time limit changes either), so no row is a search cut short. */
export const allProven = (rows: readonly Pick<WhatIfRow, "status">[]): boolean => rows.every((row) => row.status === "optimal" || row.status === "infeasible");

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
    `existing staff are not counted as saving, and a hire who works no shift in the schedule found saves nothing.`;
  const method = [
    `Productivity view: for each role family, the hours the workload needs are the units due in the horizon times the ` +
      `standard minutes per unit, divided by 60, plus the fixed activity hours per pay period times the ${num(r.horizon.payPeriods, 2)} pay periods ` +
      `in the horizon (${r.horizon.days} days ÷ 14).`,
    `Worked FTE = worked hours ÷ (${HOURS_PER_FTE_PERIOD} h × pay periods). Paid FTE = worked FTE ÷ the productive share ` +
      `(${pct(s.productiveShare)}), because part of every paid hour is time off, education or sick time.`,
    `Coverage-based need: the staff-hours the schedule is asked to cover, as the optimizer's demand has them (per area and ` +
      `${input.intervalMinutes}-minute interval, the work rounded up to whole people, or the floor where that is more), plus the same fixed ` +
      `activity hours, turned into worked and paid FTE the same way.`,
    `Filled FTE is the sum of the FTE of regular staff at each level; PRN and agency staff (and staff with FTE 0, which the input format reads as PRN) ` +
      `are listed apart and not counted. The gap is paid FTE needed minus filled FTE, priced at the role family's FTE-weighted mean base rate × paid hours × ` +
      `(1 + benefits load) (a family with no regular staff: the mean rate of its PRN and agency staff; with no staff at all: the default hire's rate ` +
      `if fte.defaultHire gives one for a level of the family, else the cost is unknown and not given).`,
    `Schedule view: the horizon is optimized with today's staff, then with 1 to ${w.rows.length - 1} hypothetical hire(s) of ${level.name} ` +
      `(${num(w.hire.fte, 2)} FTE, ${w.hire.pattern} shifts they are qualified for: ${w.hire.templates.join(", ")}, ${rate(w.hire.hourlyRate)}), each an ordinary ` +
      `staff member added to the input. The counts are solved one after another, each from the schedule for one hire fewer with the new hire idle, ` +
      `and that schedule is kept when the solve finds nothing cheaper. Then, from the most hires down, each count's schedule with one hire's shifts taken out, ` +
      `a schedule for one hire fewer, replaces that count's own when the checker finds it cheaper, so a hire is credited with what its shifts did and not ` +
      `with what one count's search found and the other's did not. Every solve keeps every hard labor rule; uncovered hours, overtime, PRN/agency use and cost ` +
      `are measured by the independent checker on the schedule kept.`,
    `The recommended number of hires is the largest count for which every added position saves at least its yearly cost, given only when ` +
      `each comparison it rests on holds whatever the solver's uncertainty: a saving is taken as uncertain by the two schedules' objective − bound, ` +
      `and a saving smaller than that is marked as within the solver's uncertainty. That is a yardstick, not a strict bound: the objective prices an ` +
      `uncovered hour at its rule weight, the saving at the dollars stated above, and schedules of equal cost may split it differently.`,
  ];
  const fteZero = input.staff.filter((m) => m.employment === "staff" && m.fte === 0).map((m) => m.id);
  const cover = r.productivity.roleFamilies.map((f) => f.coverage);
  const assumptions = [
    `Productive share ${pct(s.productiveShare)}` +
      (s.nonProductiveSplit
        ? `; the rest is paid time off ${pct(s.nonProductiveSplit.pto, 1)}, education ${pct(s.nonProductiveSplit.education, 1)} and sick time ${pct(s.nonProductiveSplit.sick, 1)} of paid hours.`
        : ` (no split of the non-productive share given).`),
    `Benefits load ${pct(s.benefitsLoad)} of wages.`,
    `1.0 FTE = ${HOURS_PER_FTE_PERIOD} paid hours per 14-day pay period; a year is ${PERIODS_PER_YEAR} pay periods (2,080 h per FTE).`,
    `Workload standards are per role family, so the workload need is stated per role family, not per level.`,
    `The workload need counts the hours of work alone. The schedule must cover more, for two reasons: people come whole, so an area and interval ` +
      `with any work needs at least one person and a part of a person is rounded up (${num(sum(cover.map((c) => c.wholePeopleStaffHours)), 0)} staff-hours over the horizon), ` +
      `and floors ask for people whatever the volume (${num(sum(cover.map((c) => c.floorStaffHours)), 0)} staff-hours more). The coverage-based need includes both.`,
    `Coverage counts a shift's unpaid break as time on duty, so the coverage-based need may be high by up to the unpaid breaks' share of shift length.`,
    ...(input.slotDemand.length > 0 ? [`Slot demand (headcount per template and date) is not in the coverage-based need.`] : []),
    ...(fteZero.length > 0 ? [`Staff with FTE 0 (${fteZero.join(", ")}) are counted as PRN, as the input format reads FTE 0: not in filled FTE, their pay with PRN and agency pay.`] : []),
    ...s.fixedActivities.map((a) => `Fixed activity: ${a.name}, ${num(a.hoursPerPayPeriod)} h per pay period, ${a.level ?? a.roleFamily}.`),
    `Hypothetical hires are paid ${rate(w.hire.hourlyRate)}${w.hire.rateFrom === "level mean" ? " (the FTE-weighted mean base rate of the level's regular staff, as the gap is priced)" : ""}, have no leave and no requests, and follow the weekly-40 overtime rule.`,
    `Each hire works at most the position's paid hours over the horizon, ${num(positionHoursOf(r), 1)} h (FTE × ${HOURS_PER_FTE_PERIOD} h × ${num(r.horizon.payPeriods, 2)} pay periods), a contract maximum (rule hours.horizon-band): the hours its yearly cost pays for, as the saving is annualized from this horizon.`,
    w.laborCapRaisePerHire !== undefined
      ? `Each hire's position is funded: the labor-dollar cap of ${money(input.budget.laborDollars!)} is raised by ${money(w.laborCapRaisePerHire)} per hire, the hire's wages over the horizon (rate × FTE × ${HOURS_PER_FTE_PERIOD} h × pay periods; benefits are not in the labor cost the cap measures), so a hire adds to the staff rather than displacing them to stay within the cap.`
      : `The input has no labor-dollar cap, so none limits what a hire may work.`,
    `The position's yearly cost is at the base rate: shift differentials the hire would earn (night, weekend, holiday) are in the what-if schedules' labor cost but not in it, so for a night or weekend pattern it is low by those.`,
    `Each what-if solve ran for at most ${w.timeLimitSeconds} s, one after another.` +
      (w.allOptimal
        ? ` Every solve was proven optimal.`
        : allProven(w.rows)
          ? ` Every solve was proven optimal, or proven to have no schedule that keeps every hard rule.`
          : ` Not every solve was proven optimal: each row gives how far its schedule may be from the best possible (objective − bound, in dollars over the horizon), and a saving smaller than the two compared rows' together is within the solver's uncertainty, not the hire's effect.`) +
      (w.rows.some((row) => row.keptPreviousSchedule) ? ` The solve for ${w.rows.filter((row) => row.keptPreviousSchedule).map((row) => row.hires).join(", ")} hire(s) found nothing cheaper than the schedule for one hire fewer, which is kept with the new hire idle.` : "") +
      (w.rows.some((row) => row.fromOneHireMore) ? ` For ${w.rows.filter((row) => row.fromOneHireMore).map((row) => row.hires).join(", ")} hire(s) the schedule for one hire more, less a hire's shifts, was cheaper than the solve's own and is the one reported.` : "") +
      (w.rows.some((row) => row.warnings) ? ` Some steps of the solve for ${w.rows.filter((row) => row.warnings).map((row) => row.hires).join(", ")} hire(s) failed and were left out (see provenance): those schedules may cost more than the solver would otherwise find.` : ""),
  ];
  return { savingDefinition, method, assumptions, findings: findings(r) };
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** One position's paid hours over the horizon: what a hire may work (hires.ts, hireMinutesOverHorizon). */
const positionHoursOf = (r: Figures): number => positionHours(r.whatIf.hire.fte, r.horizon.payPeriods);
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What a gap's dollars are when no rate is known: said in every format, as $0 would be read as free. */
export const UNKNOWN_COST = "unknown: no staff of this role family to take a rate from";

const RATE_BASIS_WORDS: Record<Figures["productivity"]["roleFamilies"][number]["rateBasis"], string> = {
  "regular staff": "",
  "PRN and agency staff": ", at the mean rate of the PRN and agency staff, as there are no regular staff",
  "default hire": ", at the default hire's rate (fte.defaultHire.hourlyRate), as the role family has no staff",
  none: "",
};

function familyFinding(f: Figures["productivity"]["roleFamilies"][number]): string {
  const c = f.coverage;
  return (
    `${f.roleFamily === "pharmacist" ? "Pharmacists" : "Technicians"}: the workload needs ${num(f.paidFte)} paid FTE (${num(f.workedFte)} worked); ` +
    `${num(f.filledFte)} are filled${f.budgetedFte !== undefined ? ` and ${num(f.budgetedFte)} budgeted` : ""}, a gap of ${num(f.gapFte)} FTE ` +
    (f.gapDollarsPerYear === undefined
      ? `(its cost ${UNKNOWN_COST}; fte.defaultHire.hourlyRate for one of its levels would price it). `
      : `(${money(f.gapDollarsPerYear)} a year with benefits${RATE_BASIS_WORDS[f.rateBasis]}). `) +
    `The demand the schedule must cover needs ${num(c.paidFte)} paid FTE, a gap of ${num(c.gapFte)} FTE: to the workload's ${num(c.workloadStaffHours, 0)} staff-hours, ` +
    `whole people per area and interval add ${num(c.wholePeopleStaffHours, 0)} and floors ${num(c.floorStaffHours, 0)}.`
  );
}

/** Fewer days than this, and a year's saving is a short stretch's multiplied many times: said in the findings. */
const SHORT_HORIZON_DAYS = 28;

function findings(r: Figures): string[] {
  const out = r.productivity.roleFamilies.flatMap((f) => [familyFinding(f), ...unreachableFinding(f)]);
  const w = r.whatIf;
  const short =
    r.horizon.days < SHORT_HORIZON_DAYS && w.rows.some((row) => row.marginalSavingPerYear !== undefined)
      ? [
          `The horizon is ${r.horizon.days} day(s), so each saving is that stretch's multiplied by ${num(w.annualFactor, 1)} to a year: ` +
            `a week's weekend or holiday weighs as if every week were like it. A horizon of ${SHORT_HORIZON_DAYS} days or more, a month of the year's mix, is firmer ground for a hire.`,
        ]
      : [];
  out.push(...short);
  // Every saving that should not be quoted bare, with what to say beside it.
  const quoteWith = w.rows.filter((row) => row.savingNote).map((row) => `Hire ${row.hires} saves ${money(row.marginalSavingPerYear!)} a year in the schedules found. ${row.savingNote}`);
  // A count no schedule can be found for, with its conflicts; today's staff's are in the recommendation's words.
  const infeasible = w.rows[0]!.status === "infeasible" ? [] : w.rows.filter((row) => row.status === "infeasible").map((row) => `${capitalized(noScheduleWith(row.hires))}. ${conflictWords(row)}`);
  // Only where a site makes the horizon band soft or disables it: a hard one holds every hire to it.
  const beyond = w.rows.filter((row) => row.figures && row.figures.hireHours > row.hires * positionHoursOf(r) + 1e-6).map((row) => row.hires);
  const overworked =
    beyond.length === 0
      ? []
      : [
          `In the schedules for ${beyond.join(", ")} hire(s) the hires work more than the ${num(positionHoursOf(r), 1)} paid hours each that a position pays for over the horizon, as this site makes rule hours.horizon-band soft or disables it: ` +
            `their savings count hours the positions would not work. Make the rule hard for a saving the position can deliver.`,
        ];
  if (w.recommendedHires === undefined) return [...out, `No recommendation: ${w.noRecommendation ?? ""}`, ...infeasible, ...overworked, ...quoteWith];
  const tried = w.rows.length - 1;
  if (w.capped) {
    out.push(
      `Recommended: at least ${w.recommendedHires} hire(s) of this position (yearly cost ${money(w.positionCostPerYear)} each). Every position tried pays for itself, ` +
        `so more may: run again with a larger maximum of hires (--max-hires, or maxHires over HTTP) than ${tried}.`,
    );
  } else {
    const next = w.rows[w.recommendedHires + 1]!;
    out.push(
      `Recommended: ${w.recommendedHires} hire(s) of this position (yearly cost ${money(w.positionCostPerYear)} each).` +
        (next.marginalSavingPerYear !== undefined ? ` Hire ${next.hires} would save ${money(next.marginalSavingPerYear)} a year, less than it costs.` : ""),
    );
  }
  const noisy = w.rows.filter((row) => row.savingWithinUncertainty).map((row) => row.hires);
  if (noisy.length > 0) out.push(`The saving of hire(s) ${noisy.join(", ")} is within the solver's uncertainty, so it cannot be told from nothing; the recommendation does not rest on it.`);
  return [...out, ...infeasible, ...overworked, ...quoteWith];
}

/** Demand at times no shift of the family can cover, which no hire can meet: said, as it is in every uncovered figure. */
function unreachableFinding(f: RoleFamilyLine): string[] {
  const hours = f.coverage.unreachableStaffHours;
  if (hours <= 0) return [];
  return [
    `${num(hours, 0)} ${f.roleFamily} staff-hours of demand fall at times no ${f.roleFamily} shift of their area can cover (no template runs then, or the one that does starts before the horizon and nobody's history has it): ` +
      `no schedule and no hire can cover them, yet they count in every schedule's uncovered hours. Add a template for those hours, or check the forecast and floors.`,
  ];
}
