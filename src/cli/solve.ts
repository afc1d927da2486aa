/**
 * `rxroster solve`, `repair` and `demo`: check the solve options (every bad one named at once), read the
 * input with its history and any schedule to start from or repair, refuse locks no schedule can keep, solve
 * (Ctrl-C or SIGTERM ends the search as its time limit would) and write schedule.json, .csv and .html as
 * one set, or none.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { IsoDateSchema, type Schedule } from "../../models/index.js";
import { writableDirectory, writableFile, writeFilesComplete } from "../io.js";
import { explain, prepare } from "../pipeline.js";
import { optimize } from "../optimize.js";
import { checkLocks } from "../locks.js";
import { frozenOutside, keptByWindow, repairWindowProblems, unplannedKeptDates, withBaseLocks, withReference } from "../repair/window.js";
import { scheduleToCsv } from "../export/csv.js";
import { scheduleToHtml } from "../export/schedule-html.js";
import type { EngineName } from "../../solver/engines/types.js";
import { formatSolveSummary, progressPrinter } from "./format.js";
import { terminalText } from "./terminal.js";
import { inOrderOf, parseDecimal } from "./flags.js";
import { stoppable } from "./interrupt.js";
import { loadInputWithHistory, reportFailures } from "./history.js";
import { UsageError } from "./usage.js";
import { EXIT_NO_SCHEDULE, EXIT_OK, loadSchedule, reportProblems, type Io } from "./command-io.js";

export interface SolveFlags {
  out: string;
  /** A previous schedule: its locked assignments are kept, and all of it seeds the solve. */
  from: string | undefined;
  /** Earlier schedules whose shifts before the horizon are history (history.ts). */
  historyFrom: readonly string[];
  timeLimit: string | undefined;
  gap: string | undefined;
  engine: string | undefined;
  json: boolean;
  /** Where each option was given (readArgs' `at`), so bad values are named in that order. */
  at: ReadonlyMap<string, number>;
}

/** A bad value of an option (named without its dashes), in a line. */
export interface OptionProblem {
  option: string;
  line: string;
}

function numberFlag(name: string, raw: string | undefined, min: number, max: number, problems: OptionProblem[]): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseDecimal(raw);
  if (value === undefined || value < min || value > max) problems.push({ option: name, line: `--${name}: must be a number from ${min} to ${max} (got "${raw}")` });
  return value;
}

/** The solve options' values, and a line for each bad one (a repair's dates too), in the order given. */
export function solveOptions(flags: SolveFlags, repair?: Omit<RepairArgs, "schedule">): { timeLimitSeconds: number | undefined; relativeGap: number | undefined; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const timeLimitSeconds = numberFlag("time-limit", flags.timeLimit, 1, 86_400, problems);
  const relativeGap = numberFlag("gap", flags.gap, 0, 1, problems);
  if (flags.engine !== undefined && flags.engine !== "highs" && flags.engine !== "jslp") problems.push({ option: "engine", line: `--engine: must be highs or jslp (got "${flags.engine}")` });
  for (const [option, date] of Object.entries({ "change-from": repair?.changeFrom, "change-until": repair?.changeUntil })) {
    if (date !== undefined && !IsoDateSchema.safeParse(date).success) problems.push({ option, line: `--${option}: must be a date YYYY-MM-DD (got "${date}")` });
  }
  return { timeLimitSeconds, relativeGap, problems: inOrderOf(flags.at, problems, (p) => p.option) };
}

/**
 * `repair`: the schedule to change as little as possible (the input's `reference`), and the dates it may
 * change (default: all); it seeds the solve as `--from` does, its locked assignments and those on other
 * dates locked, and nobody added on those dates.
 */
export interface RepairArgs {
  schedule: string;
  changeFrom: string | undefined;
  changeUntil: string | undefined;
}

export async function runSolve(io: Io, inputPath: string, flags: SolveFlags, repair?: RepairArgs): Promise<number> {
  // Every bad option is named at once, not only the first.
  const { timeLimitSeconds, relativeGap, problems } = solveOptions(flags, repair);
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.line));
  const loaded = loadInputWithHistory(io, inputPath, flags.historyFrom);
  if (!loaded.ok) return reportFailures(io, loaded.failures);
  const fromPath = repair?.schedule ?? flags.from;
  const from = fromPath === undefined ? undefined : loadSchedule(loaded.value, fromPath);
  if (from && !from.ok) return reportProblems(io, fromPath!, from.problems);
  const flagNames = { changeFrom: "--change-from", changeUntil: "--change-until" };
  const outside = repair ? repairWindowProblems(repair, loaded.value.horizon, flagNames) : [];
  if (outside.length > 0) return reportProblems(io, "rxroster", outside);
  const frozen = repair && frozenOutside(repair);
  // Kept dates the SCHEDULE never planned (the horizon grew since it was made) stay empty: said, as a repair
  // job says it, not refused. Its horizon is the one the file records; an older file's, its shifts' dates.
  const unplanned = frozen && from?.ok ? unplannedKeptDates(frozen, loaded.value.horizon, { id: fromPath!, assignments: from.value.assignments }, from.value.horizon, flagNames) : [];
  const kept = from?.ok && frozen ? keptByWindow(from.value.assignments, frozen, loaded.value.horizon) : undefined;
  const base = from?.ok && kept ? { ...from.value, assignments: kept.assignments } : from?.ok ? from.value : undefined;
  // The schedule repaired is the reference its changes are counted against.
  const input = repair && base ? withReference(loaded.value, base.assignments) : loaded.value;
  const prepared = prepare(input);
  // Locks no schedule can keep, alone or together, are the --from file's problem: named by their place
  // in it and the rule they break, before any solve.
  const lockProblems = base ? checkLocks(prepared, base.assignments, kept ? { window: kept.window } : {}) : [];
  if (lockProblems.length > 0) return reportProblems(io, fromPath!, lockProblems);
  // Checked before the solve, so a minute's schedule is not lost to a path that cannot take it.
  const unwritable = writableDirectory(flags.out);
  if (unwritable !== undefined) return reportProblems(io, "rxroster", [{ path: "--out", message: `cannot write to ${flags.out}: ${unwritable}` }]);
  const files = { json: join(flags.out, "schedule.json"), csv: join(flags.out, "schedule.csv"), html: join(flags.out, "schedule.html") };
  for (const file of Object.values(files)) {
    const why = writableFile(file);
    if (why !== undefined) return reportProblems(io, "rxroster", [{ path: "--out", message: `cannot write ${file}: ${why}` }]);
  }
  const progress = progressPrinter(io.err);
  // Ctrl-C or SIGTERM ends the search as its time limit would (interrupt.ts); taken from the first line on.
  const outcome = await stoppable(io.err, (stopSignal) => {
    io.err(terminalText(`solving ${input.site.name}, ${input.horizon.start} to ${input.horizon.end}…`));
    return optimize(prepared, {
      engine: (flags.engine ?? "highs") as EngineName,
      onProgress: progress,
      stopSignal,
      ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
      ...(relativeGap !== undefined ? { relativeGap } : {}),
      ...(base ? { locked: base.assignments.filter((a) => a.locked), warmStart: base } : {}),
      ...(frozen ? { frozen } : {}),
    });
  });
  // Locked assignments the hard rules forbid are the --from file's problem.
  if (outcome.problems) return reportProblems(io, fromPath ?? inputPath, outcome.problems);
  // The window's locks were for this solve: the schedule written keeps the file's own.
  const schedule = outcome.schedule && frozen && from?.ok ? withBaseLocks(outcome.schedule, from.value.assignments) : outcome.schedule;
  if (schedule) {
    // With the horizon it was planned for, so a repair from it can tell the dates it never covered.
    const file: Schedule = { horizon: { start: input.horizon.start, end: input.horizon.end }, assignments: schedule.assignments };
    // One run's set or the previous one whole: a review page beside another run's schedule.json misleads.
    writeFilesComplete([
      { path: files.json, text: JSON.stringify(file, null, 2) + "\n" },
      { path: files.csv, text: scheduleToCsv(prepared, schedule) },
      { path: files.html, text: scheduleToHtml(prepared, schedule, outcome.explanation ?? explain(prepared, schedule)) },
    ]);
  } else {
    // No schedule: an earlier run's files must not pass for this one's.
    for (const file of Object.values(files)) rmSync(file, { force: true });
  }
  // Ahead of the solver's own, as a repair job's result has them.
  const warned = unplanned.length > 0 ? { ...outcome, warnings: [...unplanned, ...(outcome.warnings ?? [])] } : outcome;
  const { schedule: _s, ...summary } = warned;
  io.out(flags.json ? JSON.stringify(summary, null, 2) : formatSolveSummary(input, warned, flags.out));
  return outcome.schedule ? EXIT_OK : EXIT_NO_SCHEDULE;
}
