/**
 * Loading benchmark files for benchmarks and tests, where a file that does not parse is a broken setup,
 * not an outcome: these read the data folder (`paths.ts`) and throw with every problem named.
 */
import { readFileSync } from "node:fs";
import { curtoisDir, instancePath } from "./paths.js";
import { formatCurtoisProblem, type CurtoisInstance, type CurtoisParsed } from "./instance.js";
import { parseCurtoisInstance } from "./parse-instance.js";
import { parseCurtoisRoster, type CurtoisRoster } from "./parse-roster.js";

function assertParsed<T>(path: string, parsed: CurtoisParsed<T, { line?: number; message: string }>): T {
  if (parsed.ok) return parsed.value;
  throw new Error(`${path}:\n${parsed.problems.map((p) => `  ${formatCurtoisProblem(p)}`).join("\n")}`);
}

/** Instance `n` of the data folder, parsed. */
export function assertInstance(n: number, dir: string = curtoisDir()): CurtoisInstance {
  const path = instancePath(n, dir);
  return assertParsed(path, parseCurtoisInstance(readFileSync(path, "utf8")));
}

/** A roster file, parsed. */
export function assertRoster(path: string): CurtoisRoster {
  return assertParsed(path, parseCurtoisRoster(readFileSync(path, "utf8")));
}
