/**
 * Plain-text rendering of an explanation for the terminal: status, coverage by area, cost against
 * budget, violations grouped by rule, hours per person and fairness.
 */
import type { Explanation, PlanningInput } from "../../models/index.js";
import type { ConflictSearchProgress, Progress } from "../../solver/engines/types.js";
import { CONFLICTS_HEADER, CONFLICTS_MAY_BE_MORE, NO_CONFLICT_NAMED, conflictLine } from "../../solver/conflicts/describe.js";
import type { OptimizeOutcome } from "../optimize.js";
import { solveStatusWords } from "../reports/fte/words.js";
import { terminalText } from "./terminal.js";
import { historyOvertimeNotes } from "../export/history-overtime.js";

const fmt = (n: number, digits = 1): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const money = (n: number): string => `$${fmt(n, 2)}`;

/** Left-aligned text columns, right-aligned numbers; control characters in text shown as escapes. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? fmt(c) : terminalText(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number"));
  const line = (r: string[]): string =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(cells[0]!), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}

/** A line per step of the conflict search, for the progress lines. */
const CONFLICT_STEPS: Record<ConflictSearchProgress["step"], (done: number, of: number) => string> = {
  people: (done, of) => `no schedule found; checking each person's hard rules alone: ${done} of ${of} people checked`,
  narrowing: (done, of) => `narrowing the conflicting rules: ${done} of ${of} people who cannot be scheduled done`,
  department: () => "looking at the department-wide rules (budget caps, staffing lines, fairness) over everyone else",
};

/**
 * The solve's progress lines, at most one every `everySeconds` of the solve's own clock (default 5), and
 * one more as soon as the first schedule or the first bound comes: a month's search finds a better
 * schedule many times a second at first (about 75 lines in the demo's minute), and the summary printed at
 * the end gives the final figures anyway. A solve found infeasible then searches for the rules that
 * conflict: one line as each of its steps begins, and as often as above within a step.
 */
export function progressPrinter(print: (line: string) => void, everySeconds = 5): (p: Progress) => void {
  let printedAt = -Infinity;
  let hadIncumbent = false;
  let hadBound = false;
  let step: ConflictSearchProgress["step"] | undefined;
  return (p) => {
    const search = p.conflictSearch;
    const news = (p.incumbent !== undefined && !hadIncumbent) || (p.bound !== undefined && !hadBound) || (search !== undefined && search.step !== step);
    hadIncumbent ||= p.incumbent !== undefined;
    hadBound ||= p.bound !== undefined;
    step = search?.step;
    if (!news && p.elapsedSeconds - printedAt < everySeconds) return;
    printedAt = p.elapsedSeconds;
    const value = (v: number | undefined): string => (v === undefined ? "-" : fmt(v, 2));
    if (search) return print(`  ${p.elapsedSeconds.toFixed(1)} s  ${CONFLICT_STEPS[search.step](search.done, search.of)}`);
    print(`  ${p.elapsedSeconds.toFixed(1)} s  incumbent ${value(p.incumbent)}  bound ${value(p.bound)}  gap ${p.gap === undefined ? "-" : (100 * p.gap).toFixed(2) + " %"}`);
  };
}

export interface FormatOptions {
  /** Most violation lines listed per rule (default 10). */
  maxPerRule?: number;
}

export function formatExplanation(input: PlanningInput, e: Explanation, options: FormatOptions = {}): string {
  const maxPerRule = options.maxPerRule ?? 10;
  const out: string[] = [];
  const hardCount = e.violations.filter((v) => v.hard).length;
  // Names and messages come from the input file: every one passes through terminalText.
  out.push(terminalText(`${input.site.name} — ${input.horizon.start} to ${input.horizon.end} (${input.site.timeZone})`));
  out.push(e.feasible ? "Status: keeps every hard rule" : `Status: BREAKS ${hardCount} hard rule instance(s)`);
  out.push(`Weighted total: ${fmt(e.total, 2)}`);
  out.push("");
  out.push("Coverage");
  out.push(
    table(
      ["area", "role", "required h", "covered h", "uncovered h", "below floor h", "over h", "covered %"],
      e.coverage.map((c) => [c.area, c.roleFamily, c.requiredStaffHours, c.coveredStaffHours, c.uncoveredStaffHours, c.floorUncoveredStaffHours, c.overstaffedStaffHours, c.coveragePercent]),
    ),
  );
  out.push("");
  out.push("Cost");
  out.push(`  regular ${money(e.cost.regularDollars)}, differentials ${money(e.cost.differentialDollars)}, overtime premium ${money(e.cost.overtimePremiumDollars)}`);
  out.push(`  total ${money(e.cost.totalDollars)}; overtime ${fmt(e.cost.overtimeHours)} h; agency/PRN ${fmt(e.cost.agencyHours)} h`);
  const b = e.budget;
  if (b.laborDollars) out.push(`  budget: labor ${money(b.laborDollars.used)} of ${money(b.laborDollars.cap)}`);
  if (b.overtimeHours) out.push(`  budget: overtime ${fmt(b.overtimeHours.used)} h of ${fmt(b.overtimeHours.cap)} h`);
  if (b.agencyHours) out.push(`  budget: agency ${fmt(b.agencyHours.used)} h of ${fmt(b.agencyHours.cap)} h`);
  out.push("");
  out.push("Rules");
  const broken = e.rules.filter((r) => r.count > 0);
  out.push(
    broken.length === 0
      ? "  every rule kept"
      : table(
          ["rule", "kind", "count", "amount", "unit", "penalty"],
          // Amounts in different units (budget.cap's dollars and hours) are listed, not added up.
          broken.map((r) => [r.rule, r.hard ? "hard" : "soft", String(r.count), r.amount ?? r.amounts.map((x) => `${fmt(x.amount)} ${x.unit}`).join(", "), r.amount === undefined ? "mixed" : r.unit, r.penalty]),
        ),
  );
  for (const r of broken) {
    out.push("");
    out.push(`${r.title} (${r.rule}, ${r.hard ? "hard" : "soft"}):`);
    const lines = e.violations.filter((v) => v.rule === r.rule);
    for (const v of lines.slice(0, maxPerRule)) out.push(`  - ${terminalText(v.message)}`);
    if (lines.length > maxPerRule) out.push(`  … and ${lines.length - maxPerRule} more (--json lists all)`);
  }
  out.push("");
  out.push(`Requests: ${e.requests.granted} of ${e.requests.total} granted`);
  if (e.fairness.length > 0) {
    out.push("");
    out.push("Fairness within a level (min–max per person)");
    out.push(table(["level", "measure", "min", "max", "spread"], e.fairness.map((f) => [f.level, f.measure, String(f.min), String(f.max), String(f.spread)])));
  }
  out.push("");
  out.push("Hours per person");
  const names = new Map(input.staff.map((s) => [s.id, s]));
  out.push(
    table(
      ["staff", "name", "fte", "rule", "shifts", "paid h", "overtime h", "nights", "weekends", "cost $"],
      e.staff.map((s) => {
        const m = names.get(s.staff)!;
        return [s.staff, m.name, String(m.fte), m.overtimeRule, String(s.shifts), s.paidHours, s.overtimeHours, String(s.nights), String(s.weekendsWorked), s.regularDollars + s.differentialDollars + s.overtimePremiumDollars];
      }),
    ),
  );
  for (const note of historyOvertimeNotes(input, e.staff)) out.push(terminalText(`  ${note}`));
  return out.join("\n");
}

/**
 * The conflicts of an infeasible solve, one line per person and set of rules, rule ids in brackets;
 * a set the time limit left unproven, and a search that did not reach everyone, say so. `report fte`
 * prints a what-if row's the same way.
 */
export function formatConflicts(outcome: Pick<OptimizeOutcome, "conflicts" | "conflictsComplete">): string[] {
  const conflicts = outcome.conflicts ?? [];
  if (conflicts.length === 0) return [`${NO_CONFLICT_NAMED} (raise --time-limit).`];
  const lines = [CONFLICTS_HEADER, ...conflicts.map((c) => `  - ${terminalText(conflictLine(c))}`)];
  if (outcome.conflictsComplete === false) lines.push(`  ${CONFLICTS_MAY_BE_MORE}`);
  return lines;
}

/** What `rxroster solve` prints: the solve's status and gap, then the checker's explanation. */
export function formatSolveSummary(input: PlanningInput, outcome: OptimizeOutcome, outDir: string): string {
  const lines: string[] = [];
  const m = outcome.model;
  lines.push(`Solver: ${outcome.engine}, ${m.columns.toLocaleString("en-US")} columns, ${m.rows.toLocaleString("en-US")} rows, ${m.nonzeros.toLocaleString("en-US")} nonzeros`);
  // A schedule with no bound to measure it by has no gap: said ("no bound"), in the words the FTE report's
  // progress lines and solves use, lest the gap seem forgotten.
  lines.push(`Status: ${solveStatusWords(outcome)}, ${outcome.seconds.toFixed(1)} s${outcome.firstFeasibleSeconds === undefined ? "" : ` (first schedule after ${outcome.firstFeasibleSeconds.toFixed(1)} s)`}`);
  for (const warning of outcome.warnings ?? []) lines.push(`Warning: ${terminalText(warning)}`);
  if (outcome.status === "infeasible") {
    lines.push(...formatConflicts(outcome));
    return lines.join("\n");
  }
  if (!outcome.explanation) {
    lines.push("No schedule was found within the time limit: raise --time-limit.");
    return lines.join("\n");
  }
  if (outcome.objective !== undefined) lines.push(`Objective: ${fmt(outcome.objective, 2)} (checker total ${fmt(outcome.explanation.total, 2)})`);
  lines.push(terminalText(`Wrote ${outDir}/schedule.json, ${outDir}/schedule.csv and ${outDir}/schedule.html`));
  lines.push("");
  lines.push(formatExplanation(input, outcome.explanation));
  return lines.join("\n");
}
