/**
 * Option values of the command line: numbers written in plain decimal only (`Number` would take "" as 0,
 * "0x10" as 16 and "1e3" as 1000), the argument list made ready for `parseArgs`, and read with every
 * problem of it named (`readArgs`), for `rxroster` and its `token` and `serve` commands alike.
 */
import { parseArgs } from "node:util";

/** `raw` as a number when it is plain decimal digits with an optional fraction ("90", "0.5"); else undefined. */
export function parseDecimal(raw: string): number | undefined {
  return /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined;
}

/** `raw` as a whole number when it is plain decimal digits; else undefined. */
export function parseWhole(raw: string): number | undefined {
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * `args` with a negative number after a value-taking option joined to it (`--time-limit -1` becomes
 * `--time-limit=-1`): `parseArgs` refuses the former as ambiguous in three lines of its own, while the
 * joined form reaches the option's range check and its one-line message.
 */
export function joinNegativeValues(args: readonly string[], valueOptions: ReadonlySet<string>): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return [...joined, ...args.slice(i)];
    const next = args[i + 1];
    if (arg.startsWith("--") && valueOptions.has(arg.slice(2)) && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** An option table as `parseArgs` takes it; a `multiple` option may be given any number of times. */
export type OptionTable = Readonly<Record<string, { readonly type: "string" | "boolean"; readonly short?: string; readonly multiple?: boolean }>>;

/**
 * The options' values as given: a string option's text, or undefined (a `multiple` one's texts in the
 * order given, none when absent); a boolean option's true or false.
 */
export type OptionValues<T extends OptionTable> = {
  -readonly [K in keyof T]: T[K]["type"] extends "string" ? (T[K] extends { multiple: true } ? string[] : string | undefined) : boolean;
};

/** A line of bad command-line use, and where in the arguments it arose (`at`): lines are said in that order. */
export interface ArgProblem {
  at: number;
  line: string;
}

export interface ReadArgs<T extends OptionTable> {
  /** A repeated option's (but a `multiple` one's), or a bad one's, value is left out (undefined, false). */
  values: OptionValues<T>;
  positionals: string[];
  /** Unknown options, options given twice, values missing, ambiguous or not wanted, unexpected arguments. */
  problems: ArgProblem[];
  /** Where each option given appears first, to place the problems of its value among the others. */
  at: ReadonlyMap<string, number>;
}

/**
 * `args` read against `options` with parseArgs' tokens: every problem strict mode would refuse (which
 * stops at the first, so a user with several mistakes ran once for each), and an option given twice that
 * is not `multiple` (which parseArgs settles silently for the last).
 */
export function readArgs<T extends OptionTable>(args: string[], options: T, allowPositionals: boolean): ReadArgs<T> {
  const { tokens, positionals } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | string[] | boolean | undefined> = Object.fromEntries(Object.entries(options).map(([name, o]) => [name, o.type === "boolean" ? false : o.multiple ? [] : undefined]));
  const problems: ArgProblem[] = [];
  const at = new Map<string, number>();
  const times = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind === "positional" && !allowPositionals) problems.push({ at: token.index, line: `Unexpected argument '${token.value}'. This command does not take positional arguments` });
    if (token.kind !== "option") continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name]! : undefined;
    if (option === undefined) {
      problems.push({ at: token.index, line: `Unknown option '${token.rawName}'` });
      continue;
    }
    const count = (times.get(token.name) ?? 0) + 1;
    times.set(token.name, count);
    if (count > 1 && !option.multiple) {
      // Said once, where it was first given; neither value is used.
      if (count === 2) problems.push({ at: at.get(token.name)!, line: `--${token.name} is given twice` });
      values[token.name] = option.type === "boolean" ? false : undefined;
      continue;
    }
    if (count === 1) at.set(token.name, token.index);
    const shown = option.short === undefined ? `--${token.name}` : `-${option.short}, --${token.name}`;
    if (option.type === "boolean") {
      if (token.value !== undefined) problems.push({ at: token.index, line: `Option '${shown}' does not take an argument` });
      else values[token.name] = true;
    } else if (token.value === undefined) {
      problems.push({ at: token.index, line: `Option '${shown} <value>' argument missing` });
    } else if (!token.inlineValue && token.value.startsWith("-")) {
      problems.push({ at: token.index, line: `Option '${token.rawName}' argument is ambiguous. Did you forget to specify the option argument for '${token.rawName}'? To specify an option argument starting with a dash use '--${token.name}=-XYZ'.` });
    } else if (option.multiple) (values[token.name] as string[]).push(token.value);
    else values[token.name] = token.value;
  }
  return { values: values as OptionValues<T>, positionals, problems, at };
}

/**
 * `problems` of option values in the order their options were given (`at`, readArgs'), each found by
 * `optionOf` (its name without dashes); a problem of no option given keeps its place after them.
 */
export function inOrderOf<P>(at: ReadonlyMap<string, number>, problems: readonly P[], optionOf: (problem: P) => string): P[] {
  const position = (problem: P): number => at.get(optionOf(problem)) ?? Number.MAX_SAFE_INTEGER;
  return [...problems].sort((a, b) => position(a) - position(b));
}

/** The lines of `problems` in the order of the arguments they arose from (a line of no option's, last). */
export function inOrderGiven(problems: readonly ArgProblem[]): string[] {
  return [...problems].sort((a, b) => a.at - b.at).map((p) => p.line);
}
