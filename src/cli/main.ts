/**
 * The `rxroster` command line. Bad input exits 2 with one line per problem naming the field; nothing
 * expected ever surfaces as a stack trace. The usage and the options each command takes are usage.ts's.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { z } from "zod";
import { IsoDateSchema, PlanningInputSchema, errorMessage, formatProblem, type Parsed, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
import { fileSystemReason, readDataFile, writableDirectory, writableFile, writeFileComplete, writeFilesComplete } from "../io.js";
import { explain, parseInput, parseScheduleFor, prepare } from "../pipeline.js";
import { formatExplanation, formatSolveSummary, progressPrinter } from "./format.js";
import { terminalText } from "./terminal.js";
import { inOrderGiven, inOrderOf, joinNegativeValues, parseDecimal, readArgs, type ArgProblem } from "./flags.js";
import { optimize } from "../optimize.js";
import { checkLocks } from "../locks.js";
import { frozenOutside, keptByWindow, repairWindowProblems, unplannedKeptDates, withBaseLocks, withReference } from "../repair/window.js";
import { scheduleToCsv } from "../export/csv.js";
import { scheduleToHtml } from "../export/schedule-html.js";
import type { EngineName } from "../../solver/engines/types.js";
import { runIcs } from "./ics.js";
import { runCandidates } from "./candidates.js";
import { flagOf, reportOptions, runReport } from "./report.js";
import { runToken } from "./token.js";
import { stoppable } from "./interrupt.js";
import { VERSION } from "../version.js";
import { runBackup } from "./backup.js";
import { loadInputWithHistory, reportFailures } from "./history.js";
import { OPTIONS_OF, PARSE_OPTIONS, USAGE, UsageError, VALUE_OPTIONS } from "./usage.js";
import { StoreOpenError } from "../store/store.js";

export const EXIT_OK = 0;
/** A fault of ours, not of the input: one line, the stack only with RXROSTER_DEBUG set. */
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
/** A solve that ended without a schedule (infeasible, or none within the time limit). */
export const EXIT_NO_SCHEDULE = 3;
// A second Ctrl-C or SIGTERM during a solve quits without its schedule, exit 130 or 143 (interrupt.ts).

/** Where output goes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Path of a file bundled with the package (data/demo/...), from source or from dist/. */
export function bundledPath(...parts: string[]): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith("src")) dir = dirname(dir);
  let root = dirname(dir);
  if (root.endsWith("dist")) root = dirname(root);
  return join(root, ...parts);
}

export function loadInput(path: string): Parsed<PlanningInput> {
  const data = readDataFile(path);
  return data.ok ? parseInput(data.value) : data;
}

export function loadSchedule(input: PlanningInput, path: string): Parsed<Schedule> {
  const data = readDataFile(path);
  return data.ok ? parseScheduleFor(input, data.value) : data;
}

export function reportProblems(io: Io, file: string, problems: Problem[]): number {
  // A problem of the whole file (missing, not UTF-8, malformed) is the file's alone: "input" would
  // misname a schedule given with --from or to check.
  for (const p of problems) io.err(terminalText(`${file}: ${p.path === "" && p.value === undefined ? p.message : formatProblem(p)}`));
  return EXIT_BAD_INPUT;
}

function runCheck(io: Io, inputPath: string, schedulePath: string, historyFrom: readonly string[], json: boolean, htmlPath: string | undefined): number {
  const input = loadInputWithHistory(io, inputPath, historyFrom);
  if (!input.ok) return reportFailures(io, input.failures);
  const schedule = loadSchedule(input.value, schedulePath);
  if (!schedule.ok) return reportProblems(io, schedulePath, schedule.problems);
  const unwritable = htmlPath === undefined ? undefined : writableDirectory(dirname(htmlPath)) ?? writableFile(htmlPath);
  if (unwritable !== undefined) return reportProblems(io, "rxroster", [{ path: "--html", message: `cannot write ${htmlPath}: ${unwritable}` }]);
  const prepared = prepare(input.value);
  const explanation = explain(prepared, schedule.value);
  if (htmlPath !== undefined) writeFileComplete(htmlPath, scheduleToHtml(prepared, schedule.value, explanation));
  io.out(json ? JSON.stringify(explanation, null, 2) : formatExplanation(input.value, explanation));
  return EXIT_OK;
}

interface SolveFlags {
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
interface OptionProblem {
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
function solveOptions(flags: SolveFlags, repair?: Omit<RepairArgs, "schedule">): { timeLimitSeconds: number | undefined; relativeGap: number | undefined; problems: OptionProblem[] } {
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
interface RepairArgs {
  schedule: string;
  changeFrom: string | undefined;
  changeUntil: string | undefined;
}

async function runSolve(io: Io, inputPath: string, flags: SolveFlags, repair?: RepairArgs): Promise<number> {
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

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    if (argv[0] === "token" || argv[0] === "backup") return await (argv[0] === "token" ? runToken : runBackup)(argv.slice(1), io); // each reads its own flags
    const read = readArgs(joinNegativeValues(argv, VALUE_OPTIONS), PARSE_OPTIONS, true);
    const { values, positionals } = read;
    const [command, ...rest] = positionals;
    if (read.problems.length === 0 && values.version && command === undefined) {
      io.out(`rxroster ${VERSION}`);
      return EXIT_OK;
    }
    if (read.problems.length === 0 && (values.help || command === "help")) {
      io.out(USAGE);
      return EXIT_OK;
    }
    // Not asked for, so bad use: the usage goes to standard error with the line saying why, exit 2.
    if (read.problems.length === 0 && command === undefined) throw new UsageError(["no command given"]);
    // An option another command takes (`check … --out x`) would be ignored without a word.
    const allowed = command === undefined ? undefined : OPTIONS_OF[command];
    const given = [...read.at.keys()].filter((name) => name !== "help");
    const foreign = allowed ? given.filter((name) => !allowed.includes(name)) : [];
    const solveFlags = (defaultOut: string): SolveFlags => ({
      out: values.out ?? defaultOut,
      from: values.from,
      historyFrom: values["history-from"],
      timeLimit: values["time-limit"],
      gap: values.gap,
      engine: values.engine,
      json: values.json,
      at: read.at,
    });
    const reportFlags = { historyFrom: values["history-from"], hire: values.hire, maxHires: values["max-hires"], timeLimit: values["time-limit"], format: values.format, out: values.out, at: read.at };
    if (foreign.length > 0 || read.problems.length > 0) {
      const lines = foreign.map((name) => `${command} takes no --${name}${allowed!.length > 0 ? ` (its options: ${allowed!.map((o) => `--${o}`).join(", ")})` : ""}`);
      // With the bad values of the options it does take, in the order given, so one run names them all.
      const valueProblems: OptionProblem[] =
        command === "solve" || command === "demo" || command === "repair"
          ? solveOptions(solveFlags("out"), { changeFrom: values["change-from"], changeUntil: values["change-until"] }).problems
          : command === "report"
            ? reportOptions(reportFlags).problems.map((p) => ({ option: flagOf(p), line: formatProblem(p) }))
            : [];
      const placed: ArgProblem[] = valueProblems.map((p) => ({ at: read.at.get(p.option) ?? Infinity, line: p.line }));
      throw new UsageError([...lines, ...inOrderGiven([...read.problems, ...placed])]);
    }
    const arity = (n: number): void => {
      if (rest.length !== n) throw new UsageError([`${command} takes ${n} file argument(s), got ${rest.length}`]);
    };
    switch (command) {
      case "schema":
        arity(0);
        io.out(JSON.stringify(z.toJSONSchema(PlanningInputSchema, { io: "input", unrepresentable: "any" }), null, 2));
        return EXIT_OK;
      case "check":
        arity(2);
        return runCheck(io, rest[0]!, rest[1]!, values["history-from"], values.json, values.html);
      case "candidates":
        arity(2);
        return runCandidates(io, rest[0]!, rest[1]!, { date: values.date, shift: values.shift, historyFrom: values["history-from"], json: values.json });
      case "solve":
        arity(1);
        return await runSolve(io, rest[0]!, solveFlags("out"));
      case "repair":
        arity(2);
        return await runSolve(io, rest[0]!, solveFlags("out"), { schedule: rest[1]!, changeFrom: values["change-from"], changeUntil: values["change-until"] });
      case "demo":
        arity(0);
        return await runSolve(io, bundledPath("data", "demo", "department.yaml"), solveFlags(join("out", "demo")));
      case "ics":
        arity(2);
        return runIcs(io, rest[0]!, rest[1]!, { staff: values.staff, out: values.out });
      case "report":
        return await runReport(io, rest, reportFlags);
      default:
        throw new UsageError([`unknown command '${command}'`]);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      for (const line of error.lines) io.err(terminalText(`rxroster: ${line}`));
      io.err(USAGE);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof StoreOpenError) {
      io.err(terminalText(`rxroster: --data-dir: ${error.message}`));
      return EXIT_BAD_INPUT;
    }
    // A file the user named that cannot be written (a full disk, a path made read-only meanwhile).
    const { syscall, path } = error as NodeJS.ErrnoException;
    if (syscall !== undefined && path !== undefined) {
      io.err(terminalText(`rxroster: ${path}: ${fileSystemReason(error)}`));
      return EXIT_BAD_INPUT;
    }
    io.err(terminalText(`rxroster: internal error: ${errorMessage(error)}`));
    io.err(process.env.RXROSTER_DEBUG ? String((error as Error).stack) : "rxroster: run again with RXROSTER_DEBUG=1 to print where it happened, and report it");
    return EXIT_INTERNAL;
  }
}
