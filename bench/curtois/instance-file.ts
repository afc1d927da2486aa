/**
 * An instance file named on the command line of `bench:curtois`, read for the runner and for its
 * per-instance child. Input: a path. Output: the parsed instance and the project's planning input, or
 * one line naming the problem (unreadable file, parse problem, or an input the pipeline rejects); never
 * throws. Also the best-known optima of instances 1–12 (`../shared/data/curtois/README.md`, "Best known").
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { PlanningInput } from "../../models/index.js";
import { importInstance } from "./import.js";
import { formatCurtoisProblem, type CurtoisInstance } from "./instance.js";
import { parseCurtoisInstance } from "./parse-instance.js";
import { curtoisDir, instancePath } from "./paths.js";

/** Proven optima of instances 1–12, from the data README's "Best known" table. */
export const BEST_KNOWN: Readonly<Record<number, number>> = {
  1: 607,
  2: 828,
  3: 1001,
  4: 1716,
  5: 1143,
  6: 1950,
  7: 1056,
  8: 1300,
  9: 439,
  10: 4631,
  11: 3443,
  12: 4040,
};

export interface InstanceFile {
  path: string;
  /** The file name without `.txt`, for tables. */
  name: string;
  text: string;
  instance: CurtoisInstance;
  input: PlanningInput;
}

export type InstanceFileRead = { ok: true; value: InstanceFile } | { ok: false; message: string };

const normalized = (text: string): string => text.replace(/\r\n?/g, "\n");

export function readInstanceFile(path: string): InstanceFileRead {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `${path}: cannot read the instance file${code ? ` (${code})` : ""}` };
  }
  return instanceFromText(path, text);
}

/** The text of an instance file, parsed and imported as `readInstanceFile` does; `path` names it in messages. */
export function instanceFromText(path: string, text: string): InstanceFileRead {
  const parsed = parseCurtoisInstance(text);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
    return { ok: false, message: `${path}: not a Curtois–Qu instance: ${formatCurtoisProblem(first!)}${more}` };
  }
  const name = basename(path).replace(/\.txt$/i, "");
  const imported = importInstance(parsed.value, { name: `Curtois–Qu ${name}` });
  if (!imported.ok) {
    const [first, ...rest] = imported.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
    return { ok: false, message: `${path}: the instance does not import as a planning input: ${first!.path}: ${first!.message}${more}` };
  }
  return { ok: true, value: { path, name, text, instance: parsed.value, input: imported.value } };
}

/**
 * The best-known optimum of a file, when its content (line endings aside) is that of one of instances
 * 1–12 in the data folder; a file whose name says `InstanceN.txt` but whose content differs has none.
 */
export function bestKnownOf(file: Pick<InstanceFile, "text">, dir: string = curtoisDir()): { instance: number; objective: number } | undefined {
  const text = normalized(file.text);
  for (const [n, objective] of Object.entries(BEST_KNOWN)) {
    let shared: string;
    try {
      shared = readFileSync(instancePath(Number(n), dir), "utf8");
    } catch {
      continue;
    }
    if (normalized(shared) === text) return { instance: Number(n), objective };
  }
  return undefined;
}
