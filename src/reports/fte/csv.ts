/**
 * The FTE report as one tidy CSV for spreadsheets: one figure per row (section, role family, level,
 * area, hires, measure, value, unit), ready for a pivot table. Text cells are made formula-safe by
 * src/export/csv.ts's `safeCell`; numbers stay numbers, so a negative gap is not turned into text.
 */
import { stringify } from "csv-stringify/sync";
import { safeCell } from "../../export/csv.js";
import type { FteReport } from "./report.js";
import { FROM_ONE_HIRE_MORE, UNKNOWN_COST, solveStatusWords } from "./words.js";
import { CONFLICTS_MAY_BE_MORE, NO_CONFLICT_NAMED, conflictLine } from "../../../solver/conflicts/describe.js";

type Row = [section: string, roleFamily: string, level: string, area: string, hires: string, measure: string, value: number | string, unit: string];

const round = (n: number): number => Math.round(n * 1000) / 1000;

export function fteReportToCsv(report: FteReport): string {
  const rows: Row[] = [];
  const add = (section: string, where: { roleFamily?: string; level?: string; area?: string; hires?: number }, measure: string, value: number | string | undefined, unit: string): void => {
    if (value === undefined) return;
    rows.push([section, where.roleFamily ?? "", where.level ?? "", where.area ?? "", where.hires === undefined ? "" : String(where.hires), measure, typeof value === "number" ? round(value) : value, unit]);
  };
  for (const w of report.productivity.workload) {
    add("workload", { roleFamily: w.roleFamily, area: w.area }, `${w.workloadType} units`, w.units, "units");
    add("workload", { roleFamily: w.roleFamily, area: w.area }, `${w.workloadType} minutes per unit`, w.minutesPerUnit, "min");
    add("workload", { roleFamily: w.roleFamily, area: w.area }, `${w.workloadType} hours`, w.hours, "h");
  }
  for (const f of report.productivity.roleFamilies) {
    const at = { roleFamily: f.roleFamily };
    add("productivity", at, "workload hours", f.workloadHours, "h");
    add("productivity", at, "fixed activity hours", f.fixedHours, "h");
    add("productivity", at, "worked hours", f.workedHours, "h");
    add("productivity", at, "worked FTE", f.workedFte, "FTE");
    add("productivity", at, "paid FTE", f.paidFte, "FTE");
    add("productivity", at, "paid hours", f.paidHours, "h");
    add("productivity", at, "PTO hours", f.nonProductiveHours?.pto, "h");
    add("productivity", at, "education hours", f.nonProductiveHours?.education, "h");
    add("productivity", at, "sick hours", f.nonProductiveHours?.sick, "h");
    add("productivity", at, "budgeted FTE", f.budgetedFte, "FTE");
    add("productivity", at, "filled FTE", f.filledFte, "FTE");
    add("productivity", at, "gap FTE (needed − filled)", f.gapFte, "FTE");
    add("productivity", at, "gap FTE (needed − budgeted)", f.gapToBudgetFte, "FTE");
    add("productivity", at, "rate", f.hourlyRate, "$/h");
    add("productivity", at, "rate basis", f.rateBasis, "");
    add("productivity", at, "gap dollars, horizon", f.gapDollars ?? UNKNOWN_COST, "$");
    add("productivity", at, "gap dollars, per year", f.gapDollarsPerYear ?? UNKNOWN_COST, "$");
    const c = f.coverage;
    add("coverage", at, "workload staff-hours", c.workloadStaffHours, "h");
    add("coverage", at, "added by whole people per area and interval", c.wholePeopleStaffHours, "h");
    add("coverage", at, "added by floors", c.floorStaffHours, "h");
    add("coverage", at, "required staff-hours", c.requiredStaffHours, "h");
    add("coverage", at, "of them at times no template covers", c.unreachableStaffHours, "h");
    add("coverage", at, "worked hours", c.workedHours, "h");
    add("coverage", at, "worked FTE", c.workedFte, "FTE");
    add("coverage", at, "paid FTE", c.paidFte, "FTE");
    add("coverage", at, "gap FTE (needed − filled)", c.gapFte, "FTE");
    add("coverage", at, "gap dollars, per year", c.gapDollarsPerYear ?? UNKNOWN_COST, "$");
    for (const l of f.levels) {
      const lv = { roleFamily: f.roleFamily, level: l.level };
      add("level", lv, "fixed activity hours", l.fixedHours, "h");
      add("level", lv, "budgeted FTE", l.budgetedFte, "FTE");
      add("level", lv, "filled FTE", l.filledFte, "FTE");
      add("level", lv, "vacant FTE", l.vacantFte, "FTE");
      add("level", lv, "PRN/agency people", l.prnAgency.join(" "), "ids");
    }
  }
  const w = report.whatIf;
  add("what-if", { level: w.hire.level }, "hire FTE", w.hire.fte, "FTE");
  add("what-if", { level: w.hire.level }, "hire pattern", w.hire.pattern, "");
  add("what-if", { level: w.hire.level }, "hire rate", w.hire.hourlyRate, "$/h");
  add("what-if", { level: w.hire.level }, "hire templates", w.hire.templates.join(" "), "ids");
  add("what-if", { level: w.hire.level }, "position cost per year", w.positionCostPerYear, "$");
  add("what-if", {}, "labor cap raised per hire", w.laborCapRaisePerHire, "$");
  add("what-if", { level: w.hire.level }, "recommended hires", w.recommendedHires ?? `none: ${w.noRecommendation}`, w.recommendedHires === undefined ? "" : w.capped ? "hires, at least" : "hires");
  add("what-if", { level: w.hire.level }, "capped", String(w.capped), "");
  for (const r of w.rows) {
    const at = { hires: r.hires };
    add("what-if", at, "solver status", r.status, "");
    add("what-if", at, "solver status, in words", solveStatusWords(r), "");
    // In per cent, as every other format says it: a fraction rounded to the CSV's 3 decimals read 0 for 0.01 %.
    add("what-if", at, "solver gap", r.gap === undefined ? undefined : 100 * r.gap, "%");
    add("what-if", at, "objective", r.objective, "$");
    add("what-if", at, "bound", r.bound, "$");
    add("what-if", at, "uncertainty (objective − bound)", r.uncertaintyDollars, "$");
    if (r.keptPreviousSchedule) add("what-if", at, "kept the schedule for one hire fewer", "true", "");
    if (r.fromOneHireMore) add("what-if", at, FROM_ONE_HIRE_MORE, "true", "");
    add("what-if", at, "solve seconds", r.seconds, "s");
    for (const warning of r.warnings ?? []) add("what-if", at, "solver warning", warning, "");
    // An infeasible count: no schedule keeps every hard rule. A row per conflict, as `rxroster solve` prints it.
    if (r.conflicts?.length === 0) add("what-if", at, "hard rules in conflict", `${NO_CONFLICT_NAMED}.`, "");
    for (const c of r.conflicts ?? []) add("what-if", at, "hard rules in conflict", conflictLine(c), "");
    if (r.conflictsComplete === false) add("what-if", at, "hard rules in conflict", CONFLICTS_MAY_BE_MORE, "");
    const f = r.figures;
    if (f) {
      for (const [area, hours] of Object.entries(f.uncoveredByArea)) add("what-if", { ...at, area }, "uncovered staff-hours", hours, "h");
      add("what-if", at, "uncovered staff-hours, all areas", f.uncoveredStaffHours, "h");
      add("what-if", at, "uncovered dollars", f.uncoveredDollars, "$");
      add("what-if", at, "overtime hours", f.overtimeHours, "h");
      add("what-if", at, "overtime dollars", f.overtimeDollars, "$");
      add("what-if", at, "agency/PRN hours", f.agencyHours, "h");
      add("what-if", at, "agency/PRN dollars", f.agencyDollars, "$");
      add("what-if", at, "hires' paid hours", f.hireHours, "h");
      add("what-if", at, "hires' pay", f.hireDollars, "$");
      add("what-if", at, "hires who worked no shift", f.idleHires, "hires");
      add("what-if", at, "labor dollars", f.laborDollars, "$");
      add("what-if", at, "labor budget used", f.budgetUse.laborPercent, "%");
      add("what-if", at, "avoidable dollars", f.avoidableDollars, "$");
    }
    // A saving with a note is named for what it is on its own row, so a filtered sheet cannot show it bare.
    const saving = r.savingWithinUncertainty ? "marginal saving within the solver's uncertainty" : "marginal saving";
    add("what-if", at, `${saving}, horizon`, r.marginalSaving, "$");
    add("what-if", at, `${saving}, per year`, r.marginalSavingPerYear, "$");
    add("what-if", at, "saving note", r.savingNote, "");
    add("what-if", at, "marginal saving uncertainty, per year", r.marginalSavingUncertaintyPerYear, "$");
    if (r.savingWithinUncertainty !== undefined) add("what-if", at, "saving within solver uncertainty", String(r.savingWithinUncertainty), "");
  }
  add("provenance", {}, "source", report.provenance.source, "");
  add("provenance", {}, "generated at", report.provenance.generatedAt, "");
  add("provenance", {}, "saving means", report.savingDefinition, "");
  const header: Row = ["section", "role_family", "level", "area", "hires", "measure", "value", "unit"];
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === "number" ? c : safeCell(c))));
  return stringify(cells, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}
