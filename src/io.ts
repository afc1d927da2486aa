/**
 * Reading input files: JSON or YAML (by extension; YAML is a superset of JSON, so anything else is read as
 * YAML). A missing file or malformed text is a Problem, never an exception.
 */
import { accessSync, constants, mkdirSync, readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { Parsed } from "../models/index.js";

/** Why a file-system call (a read or a write) failed, in words (Node's error code otherwise). */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "ENOTDIR":
      return "a part of the path is a file, not a directory";
    case "EISDIR":
      return "is a directory";
    case "EEXIST":
      return "is a file, not a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    default:
      return `failed (${code ?? String(error)})`;
  }
}

/**
 * Makes the directory `dir` (and its parents) and checks it can be written to, before any long work whose
 * output would go there. Undefined when it can; otherwise why not.
 */
export function writableDirectory(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true }); // a file in the way: EEXIST
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return fileSystemReason(error);
  }
}

export function readDataFile(path: string): Parsed<unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `${path}: ${fileSystemReason(error)}` }] };
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
