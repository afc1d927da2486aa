/**
 * The `rxroster` command line. Bad input exits 2 with one line per problem naming the field; nothing
 * expected ever surfaces as a stack trace.
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { z } from "zod";
import { PlanningInputSchema, formatProblem, type Parsed, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
import { readDataFile } from "../io.js";
import { explain, parseInput, parseScheduleFor, prepare } from "../pipeline.js";
import { formatExplanation } from "./format.js";

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/** Where output goes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage: rxroster <command> [options]

commands:
  schema                          print the JSON Schema of the planning input
  check <input> <schedule> [--json]
                                  explain a schedule: rule violations, coverage, hours, cost
  demo [--json]                   check the bundled demo department's hand-made schedule

Input files are JSON (.json) or YAML (anything else).`;

class UsageError extends Error {}

/** Path of a file bundled with the package (data/demo/...), from source or from dist/. */
export function bundledPath(...parts: string[]): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith("src")) dir = dirname(dir);
  let root = dirname(dir);
  if (root.endsWith("dist")) root = dirname(root);
  return join(root, ...parts);
}

function loadInput(path: string): Parsed<PlanningInput> {
  const data = readDataFile(path);
  return data.ok ? parseInput(data.value) : data;
}

function loadSchedule(input: PlanningInput, path: string): Parsed<Schedule> {
  const data = readDataFile(path);
  return data.ok ? parseScheduleFor(input, data.value) : data;
}

function reportProblems(io: Io, file: string, problems: Problem[]): number {
  for (const p of problems) io.err(`${file}: ${formatProblem(p)}`);
  return EXIT_BAD_INPUT;
}

function runCheck(io: Io, inputPath: string, schedulePath: string, json: boolean): number {
  const input = loadInput(inputPath);
  if (!input.ok) return reportProblems(io, inputPath, input.problems);
  const schedule = loadSchedule(input.value, schedulePath);
  if (!schedule.ok) return reportProblems(io, schedulePath, schedule.problems);
  const explanation = explain(prepare(input.value), schedule.value);
  io.out(json ? JSON.stringify(explanation, null, 2) : formatExplanation(input.value, explanation));
  return EXIT_OK;
}

export function run(argv: string[], io: Io): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === "help") {
      io.out(USAGE);
      return command === undefined && !values.help ? EXIT_BAD_INPUT : EXIT_OK;
    }
    const arity = (n: number): void => {
      if (rest.length !== n) throw new UsageError(`${command} takes ${n} file argument(s), got ${rest.length}`);
    };
    switch (command) {
      case "schema":
        arity(0);
        io.out(JSON.stringify(z.toJSONSchema(PlanningInputSchema, { io: "input", unrepresentable: "any" }), null, 2));
        return EXIT_OK;
      case "check":
        arity(2);
        return runCheck(io, rest[0]!, rest[1]!, values.json);
      case "demo":
        arity(0);
        return runCheck(io, bundledPath("data", "demo", "department.yaml"), bundledPath("data", "demo", "schedule-handmade.json"), values.json);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (!known) throw error;
    io.err(`rxroster: ${(error as Error).message}`);
    io.err(USAGE);
    return EXIT_BAD_INPUT;
  }
}
