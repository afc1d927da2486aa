/**
 * Reading input files: JSON or YAML (by extension; YAML is a superset of JSON, so anything else is read as
 * YAML). A missing file or malformed text is a Problem, never an exception.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { Parsed } from "../models/index.js";

export function readDataFile(path: string): Parsed<unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot be read (${code ?? "error"})`;
    return { ok: false, problems: [{ path: "", message: `${path}: ${why}` }] };
  }
  if (path.endsWith(".json")) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, problems: [{ path: "", message: `${path}: malformed JSON: ${(error as Error).message}` }] };
    }
  }
  try {
    return { ok: true, value: parseYaml(text, { prettyErrors: true }) };
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split("\n")[0]! : String(error);
    return { ok: false, problems: [{ path: "", message: `${path}: malformed YAML: ${message}` }] };
  }
}
