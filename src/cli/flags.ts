/**
 * Option values of the command line: numbers written in plain decimal only (`Number` would take "" as 0,
 * "0x10" as 16 and "1e3" as 1000), and the argument list made ready for `parseArgs`.
 */

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

/**
 * Every option in `args` that is not in `known` (long names, and short ones as "-x"): `parseArgs` stops
 * at the first, and a user with two typos should not have to run twice to learn of the second.
 */
export function unknownOptions(args: readonly string[], known: ReadonlySet<string>, valueOptions: ReadonlySet<string>): string[] {
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg === "-") continue;
    const name = arg.startsWith("--") ? arg.slice(2).split("=")[0]! : arg;
    if (!known.has(name)) unknown.push(arg.startsWith("--") ? `--${name}` : arg);
    // The value of a value-taking option is not an option, whatever it looks like.
    else if (valueOptions.has(name) && !arg.includes("=")) i++;
  }
  return unknown;
}
