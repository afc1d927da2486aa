/**
 * What every command of the `rxroster` command line shares: its exit codes, where its output goes (`Io`),
 * reading the files it is given, and reporting their problems one line each, naming the file. Commands
 * import these from here, never from main.ts, which imports the commands.
 */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { formatProblem, type Parsed, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
import { readDataFile } from "../io.js";
import { parseInput, parseScheduleFor } from "../pipeline.js";
import { terminalText } from "./terminal.js";

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
