/**
 * The `rxroster` command line: reads the arguments, refuses options a command does not take (with the bad
 * values of those it does, in the order given), and hands each command to its module (check.ts, solve.ts,
 * report.ts, …). Bad input exits 2 with one line per problem naming the field; nothing expected ever
 * surfaces as a stack trace. The usage and the options each command takes are usage.ts's; exit codes and
 * what the commands share, command-io.ts's.
 */
import { join } from "node:path";
import { z } from "zod";
import { PlanningInputSchema, errorMessage, formatProblem } from "../../models/index.js";
import { fileSystemReason } from "../io.js";
import { terminalText } from "./terminal.js";
import { inOrderGiven, joinNegativeValues, readArgs, type ArgProblem } from "./flags.js";
import { runIcs } from "./ics.js";
import { runCandidates } from "./candidates.js";
import { runCheck } from "./check.js";
import { flagOf, reportOptions, runReport } from "./report.js";
import { runSolve, solveOptions, type OptionProblem, type SolveFlags } from "./solve.js";
import { runToken } from "./token.js";
import { VERSION } from "../version.js";
import { runBackup } from "./backup.js";
import { OPTIONS_OF, PARSE_OPTIONS, USAGE, UsageError, VALUE_OPTIONS } from "./usage.js";
import { StoreOpenError } from "../store/store.js";
import { bundledPath, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, type Io } from "./command-io.js";

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
