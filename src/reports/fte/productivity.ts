/**
 * Productivity-based FTE (DESIGN §5, view 1). Input: a prepared department and the report settings.
 * Output: per role family, the worked hours its workload needs (Σ units due in the horizon × minutes per
 * unit ÷ 60, plus fixed activity hours), worked and paid FTE, against budgeted and filled FTE per level,
 * and the gap in FTE and dollars; beside it, the need the schedule is asked to cover (the demand as
 * src/demand derives it: whole people per area and interval, and floors) turned into FTE the same way.
 * Workload standards are per role family, so the need is computed per role family; levels carry their
 * own fixed activities, budget, filled FTE and PRN/agency people.
 */
import { daysBetween, type Demand, type FteSettings, type PlanningInput, type RoleFamily, type StaffMember, type TimeGrid } from "../../../models/index.js";
import { deriveDemand, dueHours } from "../../demand/derive.js";
import type { Prepared } from "../../pipeline.js";
import { coveredIntervals } from "../../../solver/check/coverage.js";

/** Paid hours of 1.0 FTE in a 14-day pay period. */
export const HOURS_PER_FTE_PERIOD = 80;
/** A year is 26 pay periods (364 days, 2,080 paid hours per FTE). */
export const PERIODS_PER_YEAR = 26;
/** The horizon's pay periods: its days ÷ 14 (a month of 30 days is 2.14). */
export const payPeriodsOf = (input: PlanningInput): number => (daysBetween(input.horizon.start, input.horizon.end) + 1) / 14;
const ROLE_FAMILIES: RoleFamily[] = ["pharmacist", "technician"];

export interface WorkloadLine {
  workloadType: string;
  area: string;
  roleFamily: RoleFamily;
  /** Units due inside the horizon. */
  units: number;
  minutesPerUnit: number;
  hours: number;
}

export interface LevelLine {
  level: string;
  name: string;
  roleFamily: RoleFamily;
  /** Fixed activities assigned to this level, in hours over the horizon. */
  fixedHours: number;
  budgetedFte?: number;
  /** Σ FTE of the level's regular (`staff`) employees, each × the share of the horizon they are employed (`employedShare`). */
  filledFte: number;
  /** Budgeted − filled, when a budget is given. */
  vacantFte?: number;
  /** PRN and agency people of the level, listed apart (their FTE is not counted as filled). */
  prnAgency: string[];
  /** FTE-weighted mean hourly rate of the level's regular staff (absent when it has none). */
  meanHourlyRate?: number;
}

/**
 * The need as the schedule sees it: the staff-hours it must cover per area and interval, as
 * src/demand derives them, plus fixed activity hours, turned into FTE as the workload need is.
 */
export interface CoverageNeed {
  /**
   * The role family's workload hours, the very figure of the productivity view (not computed again from
   * the demand), so every table and format gives the workload one value.
   */
  workloadStaffHours: number;
  /**
   * What rounding the work up to whole people per area and interval adds. It also takes in the few minutes
   * of work a lead moves across the horizon's edges (work due early on its first day is done before it, work
   * due early the day after it is done inside), which the demand counts and the workload hours do not.
   */
  wholePeopleStaffHours: number;
  /** What floors add on top of that. */
  floorStaffHours: number;
  /** Σ required people × interval hours over the family's areas and intervals: what the schedule must cover. */
  requiredStaffHours: number;
  /**
   * Of the required staff-hours, those at times no shift of the family in that area holds, in the horizon
   * or of someone's history running into it (a forecast or floor at an hour no template covers, or the
   * first morning when the night that would covers it starts before the horizon and nobody worked it): no
   * schedule and no hire covers them.
   */
  unreachableStaffHours: number;
  /** Required staff-hours + fixed activity hours. */
  workedHours: number;
  workedFte: number;
  paidFte: number;
  /** Paid FTE needed − filled FTE (positive: short). */
  gapFte: number;
  /** Priced as the workload gap is (absent when it cannot be: `rateBasis` "none"). */
  gapDollarsPerYear?: number;
}

export interface RoleFamilyLine {
  roleFamily: RoleFamily;
  workloadHours: number;
  fixedHours: number;
  workedHours: number;
  workedFte: number;
  paidFte: number;
  /** Paid hours over the horizon, and their split when the settings give one. */
  paidHours: number;
  nonProductiveHours: { pto: number; education: number; sick: number } | undefined;
  budgetedFte?: number;
  filledFte: number;
  /** Paid FTE needed − filled FTE (positive: short). */
  gapFte: number;
  /** Paid FTE needed − budgeted FTE, when every level of the family has a budget. */
  gapToBudgetFte?: number;
  /**
   * The rate the gap is priced at: the FTE-weighted mean rate of the family's regular staff; with none, the
   * mean rate of its PRN and agency staff; with nobody at all, the rate `fte.defaultHire` gives for a level
   * of the family; else none is known: the rate and the gap's dollars are absent (`rateBasis` says which),
   * never $0, as a gap with no rate to price it at does not cost nothing.
   */
  hourlyRate?: number;
  rateBasis: "regular staff" | "PRN and agency staff" | "default hire" | "none";
  /** Gap FTE × paid hours × rate × (1 + benefits load), over the horizon and per year (absent without a rate). */
  gapDollars?: number;
  gapDollarsPerYear?: number;
  /** The need the schedule must cover, beside the workload's. */
  coverage: CoverageNeed;
  levels: LevelLine[];
}

export interface ProductivityView {
  horizonDays: number;
  /** Horizon days ÷ 14, fractional. */
  payPeriods: number;
  productiveShare: number;
  benefitsLoad: number;
  workload: WorkloadLine[];
  roleFamilies: RoleFamilyLine[];
}

/** Units of each workload type due inside the horizon. */
export function horizonVolumes(prepared: Prepared): Map<string, number> {
  const { input, grid } = prepared;
  const volumes = new Map<string, number>();
  for (const forecast of input.forecasts) {
    let units = 0;
    for (const hour of dueHours(forecast, input, grid)) if (hour.startMinute >= 0 && hour.startMinute < grid.horizonMinutes) units += hour.units;
    volumes.set(forecast.workloadType, (volumes.get(forecast.workloadType) ?? 0) + units);
  }
  return volumes;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Regular staff: employment `staff` with an FTE above 0. The input format reads FTE 0 as PRN, and the
 * solver's fairness and pay-period rules count regular staff the same way.
 */
export const isRegular = (s: StaffMember): boolean => s.employment === "staff" && s.fte > 0;

/**
 * The share of the horizon's days `member` is employed (`employedFrom` / `employedUntil`): their FTE fills
 * the level for those days only, so a leaver's position shows vacant for the rest and a hire's from their
 * start. Approved leave does not lower it: a post is filled while its holder is on leave (the productive
 * share accounts for leave).
 */
export function employedShare(member: StaffMember, horizon: { start: string; end: string }): number {
  const from = member.employedFrom !== undefined && member.employedFrom > horizon.start ? member.employedFrom : horizon.start;
  const until = member.employedUntil !== undefined && member.employedUntil < horizon.end ? member.employedUntil : horizon.end;
  return Math.max(0, daysBetween(from, until) + 1) / (daysBetween(horizon.start, horizon.end) + 1);
}

/** The FTE-weighted mean base rate of regular staff, the rate gaps and hires are priced at (undefined with none). */
export function regularRate(staff: readonly StaffMember[]): number | undefined {
  const regular = staff.filter(isRegular);
  const weight = sum(regular.map((s) => s.fte));
  return weight > 0 ? sum(regular.map((s) => s.fte * s.hourlyRate)) / weight : undefined;
}

/**
 * Σ per-interval values × interval hours over a role family's series, in the horizon only: the hours its
 * last night reaches past the end are the next horizon's workload too, and counted there.
 */
function staffHours(demand: Demand, grid: TimeGrid, family: RoleFamily, perInterval: (line: Demand["series"][number]) => number[]): number {
  let hours = 0;
  for (const line of demand.series.filter((l) => l.roleFamily === family)) {
    const values = perInterval(line);
    grid.intervals.forEach((interval, i) => {
      if (interval.startMinute < grid.horizonMinutes) hours += (values[i]! * (interval.endMinute - interval.startMinute)) / 60;
    });
  }
  return hours;
}

/**
 * Per demand series (area/role family), the intervals some shift of the horizon, or of someone's history
 * running into it (last night's), holds whole.
 */
function heldIntervals(grid: TimeGrid): Map<string, Set<number>> {
  const held = new Map<string, Set<number>>();
  for (const shift of [...grid.shifts, ...Object.values(grid.history).flat()]) {
    const key = `${shift.area}/${shift.roleFamily}`;
    const set = held.get(key) ?? new Set<number>();
    for (const i of coveredIntervals(shift, grid.intervalMinutes, grid.intervals.length)) set.add(i);
    held.set(key, set);
  }
  return held;
}

function levelLines(input: PlanningInput, settings: FteSettings, family: RoleFamily, payPeriods: number): LevelLine[] {
  return input.levels
    .filter((l) => l.roleFamily === family)
    .map((l) => {
      const members = input.staff.filter((s) => s.level === l.id);
      const regular = members.filter(isRegular);
      const budgetedFte = settings.budgetedFte[l.id];
      const filledFte = sum(regular.map((s) => s.fte * employedShare(s, input.horizon)));
      const mean = regularRate(members);
      return {
        level: l.id,
        name: l.name,
        roleFamily: family,
        fixedHours: sum(settings.fixedActivities.filter((a) => a.level === l.id).map((a) => a.hoursPerPayPeriod)) * payPeriods,
        ...(budgetedFte !== undefined ? { budgetedFte, vacantFte: budgetedFte - filledFte } : {}),
        filledFte,
        prnAgency: members.filter((s) => !isRegular(s)).map((s) => s.id),
        ...(mean !== undefined ? { meanHourlyRate: mean } : {}),
      };
    });
}

/** The productivity view of a department: pure arithmetic over its forecast, standards and staff. */
export function productivityView(prepared: Prepared, settings: FteSettings): ProductivityView {
  const { input, grid } = prepared;
  const horizonDays = grid.days.length;
  const payPeriods = payPeriodsOf(input);
  const held = heldIntervals(grid);
  const volumes = horizonVolumes(prepared);
  const workload: WorkloadLine[] = input.productivityStandards.map((s) => {
    const units = volumes.get(s.workloadType) ?? 0;
    return { workloadType: s.workloadType, area: s.area, roleFamily: s.roleFamily, units, minutesPerUnit: s.minutesPerUnit, hours: (units * s.minutesPerUnit) / 60 };
  });
  const share = settings.productiveShare;
  // The same derivation without floors: what whole people per interval alone ask for.
  const withoutFloors = deriveDemand({ ...input, floors: [] }, grid);
  const roleFamilies = ROLE_FAMILIES.filter((f) => input.levels.some((l) => l.roleFamily === f)).map((family): RoleFamilyLine => {
    const workloadHours = sum(workload.filter((w) => w.roleFamily === family).map((w) => w.hours));
    const fixedHours = sum(settings.fixedActivities.filter((a) => a.roleFamily === family).map((a) => a.hoursPerPayPeriod)) * payPeriods;
    const workedHours = workloadHours + fixedHours;
    const workedFte = workedHours / (HOURS_PER_FTE_PERIOD * payPeriods);
    const paidFte = workedFte / share;
    const paidHours = workedHours / share;
    const levels = levelLines(input, settings, family, payPeriods);
    const filledFte = sum(levels.map((l) => l.filledFte));
    const budgeted = levels.every((l) => l.budgetedFte !== undefined) ? sum(levels.map((l) => l.budgetedFte!)) : undefined;
    const members = input.staff.filter((s) => levels.some((l) => l.level === s.level));
    const rate = regularRate(members);
    // A family staffed by PRN and agency people alone still has a price per hour: theirs, not $0; one with
    // nobody has the default hire's rate if the settings give one for its levels, else no price at all.
    const others = members.filter((s) => !isRegular(s));
    const hire = settings.defaultHire;
    const [hourlyRate, rateBasis] =
      rate !== undefined
        ? ([rate, "regular staff"] as const)
        : others.length > 0
          ? ([sum(others.map((s) => s.hourlyRate)) / others.length, "PRN and agency staff"] as const)
          : hire?.hourlyRate !== undefined && levels.some((l) => l.level === hire.level)
            ? ([hire.hourlyRate, "default hire"] as const)
            : ([undefined, "none"] as const);
    const gapFte = paidFte - filledFte;
    // Without a rate the gap's dollars are left out (absent in the JSON), not priced at $0.
    const dollarsPerFtePeriod = hourlyRate === undefined ? undefined : HOURS_PER_FTE_PERIOD * hourlyRate * (1 + settings.benefitsLoad);
    const requiredStaffHours = staffHours(prepared.demand, grid, family, (l) => l.required);
    const unreachableStaffHours = staffHours(prepared.demand, grid, family, (l) => l.required.map((r, i) => (held.get(`${l.area}/${l.roleFamily}`)?.has(i) ? 0 : r)));
    const roundedStaffHours = staffHours(withoutFloors, grid, family, (l) => l.required);
    const coverageWorked = requiredStaffHours + fixedHours;
    const coveragePaidFte = coverageWorked / (HOURS_PER_FTE_PERIOD * payPeriods) / share;
    const coverage: CoverageNeed = {
      // The productivity view's figure, not the demand's own sum of the work, which differs by what a lead
      // moves across the horizon's edges: one workload read 3,878 h in one table and 3,879 h in the other.
      workloadStaffHours: workloadHours,
      wholePeopleStaffHours: roundedStaffHours - workloadHours,
      floorStaffHours: requiredStaffHours - roundedStaffHours,
      requiredStaffHours,
      unreachableStaffHours,
      workedHours: coverageWorked,
      workedFte: coverageWorked / (HOURS_PER_FTE_PERIOD * payPeriods),
      paidFte: coveragePaidFte,
      gapFte: coveragePaidFte - filledFte,
      ...(dollarsPerFtePeriod !== undefined ? { gapDollarsPerYear: (coveragePaidFte - filledFte) * dollarsPerFtePeriod * PERIODS_PER_YEAR } : {}),
    };
    const split = settings.nonProductiveSplit;
    return {
      roleFamily: family,
      workloadHours,
      fixedHours,
      workedHours,
      workedFte,
      paidFte,
      paidHours,
      nonProductiveHours: split ? { pto: paidHours * split.pto, education: paidHours * split.education, sick: paidHours * split.sick } : undefined,
      ...(budgeted !== undefined ? { budgetedFte: budgeted, gapToBudgetFte: paidFte - budgeted } : {}),
      filledFte,
      gapFte,
      ...(hourlyRate !== undefined ? { hourlyRate } : {}),
      rateBasis,
      ...(dollarsPerFtePeriod !== undefined ? { gapDollars: gapFte * dollarsPerFtePeriod * payPeriods, gapDollarsPerYear: gapFte * dollarsPerFtePeriod * PERIODS_PER_YEAR } : {}),
      coverage,
      levels,
    };
  });
  return { horizonDays, payPeriods, productiveShare: share, benefitsLoad: settings.benefitsLoad, workload, roleFamilies };
}
