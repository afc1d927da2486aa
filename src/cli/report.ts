/**
 * `rxroster report fte <input> [--hire LEVEL:FTE[:PATTERN]] [--max-hires N] [--time-limit S]
 * [--format html|csv|json] [--out FILE]`: the FTE justification report. Every bad flag or input field is
 * one line naming it, exit 2, before any solve starts (a hire who could work no shift among them); the
 * what-if solves run one after another, a progress line on stderr after each, and once all are done a
 * line for each count whose row the report gives another count's schedule. When today's staff get no
 * schedule (no schedule keeps every hard rule, or none was found within the limit), the report is still
 * written, saying why, and the exit code is 3, as `solve`'s.
 */
import { dirname } from "node:path";
import type { Problem } from "../../models/index.js";
import { buildFteReport, FTE_REPORT_FORMATS, renderFteReport, type FteReportFormat } from "../reports/fte/report.js";
import { parseHireFlag, type HireSpec } from "../reports/fte/settings.js";
import { uncertaintyOf, type WhatIfRow } from "../reports/fte/what-if.js";
import { FROM_ONE_HIRE_MORE, money, noScheduleWith, solveStatusWords } from "../reports/fte/words.js";
import type { OptimizeOutcome } from "../optimize.js";
import { writableDirectory, writableFile, writeFileComplete } from "../io.js";
import { EXIT_NO_SCHEDULE, EXIT_OK, reportProblems, type Io } from "./command-io.js";
import { loadInputWithHistory, reportFailures } from "./history.js";
import { formatConflicts } from "./format.js";
import { terminalText } from "./terminal.js";
import { inOrderOf, parseDecimal, parseWhole } from "./flags.js";

export interface ReportFlags {
  /** Earlier schedules whose shifts before the horizon are history (history.ts). */
  historyFrom: readonly string[];
  hire: string | undefined;
  maxHires: string | undefined;
  timeLimit: string | undefined;
  format: string | undefined;
  out: string | undefined;
  /** Where each option was given (readArgs' `at`), so bad values are named in that order. */
  at: ReadonlyMap<string, number>;
}

/** The option a problem of reportOptions' names, without its dashes ("--hire fte" → "hire"). */
export const flagOf = (problem: Problem): string => problem.path.slice(2).split(" ")[0]!;

/** Most hires the CLI accepts (each is one more solve of the month). */
const MAX_HIRES = 20;

function intFlag(name: string, raw: string | undefined, min: number, max: number, problems: Problem[]): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseWhole(raw);
  if (value === undefined || value < min || value > max) problems.push({ path: `--${name}`, message: `must be a whole number from ${min} to ${max}`, value: raw });
  return value;
}

/** Seconds, decimals allowed, as `rxroster solve --time-limit` takes them. */
function secondsFlag(name: string, raw: string | undefined, min: number, max: number, problems: Problem[]): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseDecimal(raw);
  if (value === undefined || value < min || value > max) problems.push({ path: `--${name}`, message: `must be a number of seconds from ${min} to ${max}`, value: raw });
  return value;
}

/** The report's options' values, and a problem for each bad one (named by its flag, "--max-hires"), in the order given. */
export function reportOptions(flags: ReportFlags): { format: FteReportFormat; maxHires: number | undefined; timeLimitSeconds: number | undefined; hire: HireSpec | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const format = (flags.format ?? "html") as FteReportFormat;
  if (!FTE_REPORT_FORMATS.includes(format)) problems.push({ path: "--format", message: `must be ${FTE_REPORT_FORMATS.join(", ")}`, value: flags.format });
  const maxHires = intFlag("max-hires", flags.maxHires, 0, MAX_HIRES, problems);
  const timeLimitSeconds = secondsFlag("time-limit", flags.timeLimit, 1, 86_400, problems);
  let hire: HireSpec | undefined;
  if (flags.hire !== undefined) {
    const parsed = parseHireFlag(flags.hire);
    if (parsed.ok) hire = parsed.value;
    else problems.push(...parsed.problems);
  }
  if (flags.out !== undefined) {
    // Checked before the what-if solves, which take minutes.
    const why = writableDirectory(dirname(flags.out)) ?? writableFile(flags.out);
    if (why !== undefined) problems.push({ path: "--out", message: `cannot write ${flags.out}: ${why}` });
  }
  return { format, maxHires, timeLimitSeconds, hire, problems: inOrderOf(flags.at, problems, flagOf) };
}

/** How a count's solve ended, as its row has it: status, gap or "no bound" (as `rxroster solve` says it), objective − bound. */
const solveEnding = (solve: { status: string; gap?: number }, uncertaintyDollars: number | undefined): string =>
  `${solveStatusWords(solve)}${uncertaintyDollars !== undefined ? `, objective − bound ${money(uncertaintyDollars)}` : ""}`;

/**
 * The what-if's lines on stderr: one per count as its solve ends; then one per count whose row the report
 * gives the schedule for one hire more, less a hire, found cheaper than that count's own solve after every
 * solve was done, so its progress line is not the last word on its price.
 */
export function solveLines(print: (line: string) => void): { solved: (hires: number, outcome: OptimizeOutcome) => void; replaced: (rows: readonly WhatIfRow[]) => void } {
  const ownObjective = new Map<number, number | undefined>();
  return {
    solved: (k, o) => {
      ownObjective.set(k, o.objective);
      print(`  ${k} hire(s): ${solveEnding(o, uncertaintyOf(o))}, ${o.seconds.toFixed(1)} s`);
    },
    replaced: (rows) => {
      for (const r of rows) {
        if (!r.fromOneHireMore || r.objective === undefined) continue;
        const own = ownObjective.get(r.hires);
        print(`  ${r.hires} hire(s) reported as ${FROM_ONE_HIRE_MORE}: objective ${money(r.objective)} (its own solve: ${own === undefined ? "no schedule" : money(own)}), ${solveEnding(r, r.uncertaintyDollars)}`);
      }
    },
  };
}

export async function runReport(io: Io, args: string[], flags: ReportFlags): Promise<number> {
  const problems: Problem[] = [];
  if (args[0] !== "fte") problems.push({ path: "report", message: "the only report is fte: rxroster report fte <input>", ...(args[0] ? { value: args[0] } : {}) });
  if (args.length !== 2) problems.push({ path: "report fte", message: `takes one input file, got ${Math.max(0, args.length - 1)}` });
  const { format, maxHires, timeLimitSeconds, hire, problems: flagProblems } = reportOptions(flags);
  problems.push(...flagProblems);
  if (problems.length > 0) return reportProblems(io, "rxroster", problems);

  const inputPath = args[1]!;
  const input = loadInputWithHistory(io, inputPath, flags.historyFrom);
  if (!input.ok) return reportFailures(io, input.failures);
  io.err(terminalText(`FTE report for ${input.value.site.name}, ${input.value.horizon.start} to ${input.value.horizon.end}`));
  const solves = solveLines(io.err);
  const report = await buildFteReport(input.value, {
    source: inputPath,
    ...(hire ? { hire } : {}),
    ...(maxHires !== undefined ? { maxHires } : {}),
    ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
    onSolved: solves.solved,
  });
  // A bad --hire is named by its flag; a bad fte section by its input path.
  if (!report.ok) return reportProblems(io, hire ? "rxroster" : inputPath, report.problems.map((p) => (p.path.startsWith("hire.") ? { ...p, path: `--hire ${p.path.slice(5)}` } : p)));
  solves.replaced(report.value.whatIf.rows);
  // The conflicts of a count no schedule can be found for, as `solve` prints them: today's staff's alone
  // when they are the ones (every count with hires then has them too).
  const rows = report.value.whatIf.rows;
  for (const r of rows[0]!.status === "infeasible" ? [rows[0]!] : rows.filter((x) => x.status === "infeasible")) {
    io.err(`  ${r.hires} hire(s): no schedule keeps every hard rule`);
    for (const line of formatConflicts(r)) io.err(`    ${line}`);
  }
  // Each saving on the terminal too, with what to say beside it where it should not be quoted bare.
  for (const r of report.value.whatIf.rows) {
    if (r.marginalSavingPerYear !== undefined) io.err(terminalText(`  hire ${r.hires} saves ${money(r.marginalSavingPerYear)} a year${r.savingNote ? `. ${r.savingNote}` : ""}`));
  }
  const { body } = renderFteReport(report.value, format);
  if (flags.out === undefined) {
    io.out(body.replace(/\n$/, ""));
  } else {
    writeFileComplete(flags.out, body);
    const w = report.value.whatIf;
    const level = report.value.productivity.roleFamilies.flatMap((f) => f.levels).find((l) => l.level === w.hire.level);
    const advice =
      w.rows[0]!.status === "infeasible"
        ? noScheduleWith(0)
        : w.rows.length === 1
          ? "no hire tried (--max-hires 0)"
          : `${w.recommendedHires === undefined ? "no recommendation" : `recommended ${w.capped ? "at least " : ""}${w.recommendedHires} hire(s)`} of ${level ? `${level.name} (${level.level})` : w.hire.level} at ${w.hire.fte} FTE`;
    io.err(terminalText(`wrote ${flags.out}: ${advice}`));
  }
  // Today's staff without a schedule (infeasible, or none within the limit) is no answer to a hiring
  // question: the report says why, and the exit code is solve's for a solve without a schedule.
  return rows[0]!.figures ? EXIT_OK : EXIT_NO_SCHEDULE;
}
