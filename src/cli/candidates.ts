/**
 * `rxroster candidates <input> <schedule> --date YYYY-MM-DD --shift TEMPLATE_ID [--json]`: whom to call for
 * one open shift after a call-out, best first, and who may not take it and why (src/repair/candidates.ts).
 */
import type { PlanningInput, Problem } from "../../models/index.js";
import { prepare } from "../pipeline.js";
import { missingOpenShift, parseOpenShift, rankCandidates, type CandidateRanking } from "../repair/candidates.js";
import { table } from "./format.js";
import { terminalText } from "./terminal.js";
import { EXIT_OK, loadSchedule, reportProblems, type Io } from "./command-io.js";
import { loadInputWithHistory, reportFailures } from "./history.js";

export interface CandidatesCommandOptions {
  date: string | undefined;
  /** Shift template id. */
  shift: string | undefined;
  /** Earlier schedules whose shifts before the horizon are history (history.ts). */
  historyFrom: readonly string[];
  json: boolean;
}

/** The open shift's problems under the names the user typed: `--date`, `--shift`. */
const asFlags = (problems: Problem[]): Problem[] => problems.map((p) => ({ ...p, path: `--${p.path}` }));

export function runCandidates(io: Io, inputPath: string, schedulePath: string, options: CandidatesCommandOptions): number {
  // Missing flags are named before any file is read: they need none.
  const missing = missingOpenShift(options);
  if (missing.length > 0) return reportProblems(io, "rxroster", asFlags(missing));
  const input = loadInputWithHistory(io, inputPath, options.historyFrom);
  if (!input.ok) return reportFailures(io, input.failures);
  const schedule = loadSchedule(input.value, schedulePath);
  if (!schedule.ok) return reportProblems(io, schedulePath, schedule.problems);
  const prepared = prepare(input.value);
  const open = parseOpenShift(prepared, { date: options.date, shift: options.shift });
  if (!open.ok) return reportProblems(io, "rxroster", asFlags(open.problems));
  const ranking = rankCandidates(prepared, schedule.value, open.value);
  io.out(options.json ? JSON.stringify(ranking, null, 2) : formatCandidates(input.value, ranking));
  return EXIT_OK;
}

const signed = (n: number, digits = 1): string => `${n > 0 ? "+" : ""}${n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

export function formatCandidates(input: PlanningInput, r: CandidateRanking): string {
  const levels = new Map(input.levels.map((l) => [l.id, l.name]));
  const names = new Map(input.staff.map((s) => [s.id, s.name]));
  const { shift } = r;
  const out: string[] = [];
  out.push(terminalText(`Open shift: ${shift.name} (${shift.template}), ${shift.area}, ${shift.date}, ${shift.paidHours} paid h`));
  if (r.calledOut.length > 0) out.push(terminalText(`Called out (on approved leave, taken off the shift): ${r.calledOut.map((id) => names.get(id) ?? id).join(", ")}`));
  if (r.alreadyOn.length > 0) out.push(terminalText(`Already on it: ${r.alreadyOn.map((id) => names.get(id) ?? id).join(", ")}`));
  out.push("");
  out.push(`Candidates, best first (${r.candidates.length}): the change each makes to the schedule, as rxroster check counts it`);
  const header = ["#", "name", "level", "Δ total", "Δ labor $", "overtime h", "covers h", "rules (Δ penalty)"];
  // Signed figures are text to `table`, which left-aligns text: padded here to read as numbers.
  const figures = [
    r.candidates.map((c) => signed(c.totalChange, 2)),
    r.candidates.map((c) => signed(c.laborDollarsChange, 2)),
    r.candidates.map((c) => signed(c.overtimeHoursAdded)),
    r.candidates.map((c) => signed(c.coverageGainedStaffHours)),
  ].map((column, k) => {
    const width = Math.max(header[3 + k]!.length, ...column.map((v) => v.length));
    return column.map((v) => v.padStart(width));
  });
  out.push(
    table(
      header,
      r.candidates.map((c, i) => [
        String(i + 1),
        c.name,
        levels.get(c.level) ?? c.level,
        ...figures.map((column) => column[i]!),
        c.rules.map((x) => `${x.rule} ${signed(x.penaltyChange, 2)}`).join(", "),
      ]),
    ),
  );
  if (r.excluded.length > 0) {
    out.push("");
    out.push(`May not take it (${r.excluded.length}): the first hard rule the shift would break`);
    out.push(
      table(
        ["name", "level", "rule", "why"],
        r.excluded.map((e) => [e.name, levels.get(e.level) ?? e.level, e.rule, e.alsoBreaks.length > 0 ? `${e.message} (also breaks ${e.alsoBreaks.join(", ")})` : e.message]),
      ),
    );
  }
  return out.join("\n");
}
