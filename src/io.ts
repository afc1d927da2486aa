/**
 * Reading input files: UTF-8 JSON or YAML (by extension; YAML is a superset of JSON, so anything else is
 * read as YAML). A missing file, text that is not UTF-8 or malformed text is a Problem, never an
 * exception. Writing output files whole or not at all.
 */
import { accessSync, closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, visit, YAMLParseError, type Document } from "yaml";
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
    case "ERR_FS_EISDIR":
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
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return `failed (${code ?? String(error)})`;
  }
}

/**
 * Makes the directory `dir` and any parents missing, as `mkdir -p` does. Node 20's own recursive mkdir
 * never returns under /proc (ENOENT there sends it back to the parent, which exists, and on again), so
 * this one steps back only while a parent is missing, and throws once one exists and its child still cannot
 * be made.
 */
export function makeDirectory(dir: string, mode?: number): void {
  try {
    mkdirSync(dir, { mode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && statSync(dir).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== "ENOENT" || parent === dir || existsSync(parent)) throw error;
    makeDirectory(parent);
    mkdirSync(dir, { mode });
  }
}

/**
 * Makes the directory `dir` (and its parents) and checks it can be written to, before any long work whose
 * output would go there. Undefined when it can; otherwise why not.
 */
export function writableDirectory(dir: string): string | undefined {
  try {
    makeDirectory(dir); // a file in the way: EEXIST
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return fileSystemReason(error);
  }
}

/**
 * Writes `text` to `path` whole or not at all: into a file beside it, then renamed over it, so a full disk
 * or a crash leaves the old file (or none), never a cut-off one. A failure is thrown with `path` set.
 */
export function writeFileComplete(path: string, text: string): void {
  writeFilesComplete([{ path, text }]);
}

/**
 * Writes a set of files (a solve's schedule.json, .csv and .html) all or none, as far as a file system
 * allows: each into a file beside it, and only when every one is written are they renamed over their
 * places, so a disk that fills on the third leaves the previous set whole, never a new file beside an old
 * run's. A failure removes what was written beside and is thrown with `path` set to the file it was for.
 * (A rename failing after another succeeded, a directory put in the way meanwhile, is not undone.)
 * The files hold people's leave and requests, as the store does: readable by their owner only (0600). A
 * file or link already beside (a crashed run's, or one planted to redirect the write) is removed, never
 * followed, and the new one is created exclusively.
 */
export function writeFilesComplete(files: readonly { path: string; text: string }[]): void {
  const partial = (path: string): string => `${path}.${process.pid}.partial`;
  let at = 0;
  try {
    for (; at < files.length; at++) {
      rmSync(partial(files[at]!.path), { force: true });
      writeFileSync(partial(files[at]!.path), files[at]!.text, { flag: "wx", mode: 0o600 });
    }
    for (at = 0; at < files.length; at++) renameSync(partial(files[at]!.path), files[at]!.path);
  } catch (error) {
    // Every file's: those renamed already have none left, and force makes that no error.
    for (const { path } of files) {
      try {
        rmSync(partial(path), { force: true });
      } catch {
        // Nothing was written there (its directory is not one, say).
      }
    }
    throw Object.assign(error as NodeJS.ErrnoException, { path: files[at]!.path });
  }
}

/** Why `path` cannot be written as a file (a directory there, say), or undefined when it can. */
export function writableFile(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return "is a directory";
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? undefined : fileSystemReason(error);
  }
}

/**
 * The largest input file read, 64 MiB: 32 times the API's body limit, and some 30 times a year's
 * schedule.json of 120 people (about 2 MB at the demo's shifts per person). A wrong path (`/dev/zero`, a
 * disk image) is refused in one line instead of being read until memory runs out.
 */
export const MAX_INPUT_FILE_BYTES = 64 * 1024 * 1024;

/** The bytes of the file at `path`, or undefined when it holds more than `limit` (read no further). */
function readAtMost(path: string, limit: number): Buffer | undefined {
  const fd = openSync(path, "r");
  try {
    // A file's size is known before reading; a device's or a pipe's only by reading.
    if (fstatSync(fd).size > limit) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}

export function readDataFile(path: string): Parsed<unknown> {
  const failed = (message: string): Parsed<unknown> => ({ ok: false, problems: [{ path: "", message: oneLine(message) }] });
  let bytes: Buffer | undefined;
  try {
    bytes = readAtMost(path, MAX_INPUT_FILE_BYTES);
  } catch (error) {
    return failed(fileSystemReason(error));
  }
  if (bytes === undefined) return failed(`is larger than ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MiB, more than any input or schedule file (is it the file you meant?)`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return failed("is UTF-16 text; save it as UTF-8");
  let text: string;
  try {
    // A UTF-8 byte-order mark (some Windows editors write one) is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return failed("is not UTF-8 text (a Latin-1 or Windows-1252 file?); save it as UTF-8");
  }
  if (path.endsWith(".json")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return failed(`malformed JSON: ${(error as Error).message}`);
    }
    // JSON.parse keeps the last of two equal keys without a word.
    const repeated = repeatedJsonKey(text);
    if (repeated) return failed(`malformed JSON: the key ${JSON.stringify(repeated.key)} appears twice in one object (at line ${repeated.line}, column ${repeated.column})`);
    return { ok: true, value };
  }
  try {
    // The parser's warnings (an unknown tag, say) would go to stderr as Node process warnings, several
    // lines beside the command's own; what they warn of is validated as any value is. Its own check of
    // repeated keys compares each key with every one before it (a mapping of 30,000 keys: 4.9 s, against
    // 0.4 s without), so keys are checked here, a set per mapping.
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { prettyErrors: true, logLevel: "error", uniqueKeys: false, lineCounter });
    if (document.errors.length > 0) throw document.errors[0];
    const repeated = repeatedYamlKey(document);
    if (repeated !== undefined) {
      const { line, col } = lineCounter.linePos(repeated);
      return failed(`malformed YAML: Map keys must be unique at line ${line}, column ${col}`);
    }
    return { ok: true, value: document.toJS() };
  } catch (error) {
    // The first line of the parser's message, without the advice to its own callers, or the colon before
    // the lines of context it quotes.
    const message = error instanceof YAMLParseError ? error.message.split("\n")[0]!.replace(/:$/, "") : String(error);
    // Lists or mappings some hundreds deep run the parser out of stack: the text may well be YAML.
    if (/Maximum call stack size exceeded/.test(message)) return failed(`YAML nested too deeply to read${message.replace(/^.*?exceeded/, "")}`);
    return failed(`malformed YAML: ${message.replace(/[,;] please use YAML\.parseAllDocuments\(\)/, "")}`);
  }
}

/**
 * Where the first key given twice in one mapping of a YAML document starts (its offset in the text): two
 * keys are the same when both are scalars of the same value, as the parser's own check has it.
 */
function repeatedYamlKey(document: Document): number | undefined {
  let found: number | undefined;
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return;
      const keys = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (keys.has(key.value)) {
          found = key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        keys.add(key.value);
      }
    },
  });
  return found;
}

/**
 * The first key given twice in one object of JSON text that JSON.parse accepted, with its 1-based line and
 * column; one pass, a set of keys per open object. (Parsing the text again as YAML to find it took
 * minutes for an object of 100,000 keys, and a 12 MB series ran out of memory.)
 */
export function repeatedJsonKey(text: string): { key: string; line: number; column: number } | undefined {
  // One entry per open container: an object's keys so far, or undefined for an array.
  const open: (Set<string> | undefined)[] = [];
  let keyNext = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      while (end < text.length && text.charCodeAt(end) !== 0x22) {
        if (text.charCodeAt(end) === 0x5c /* \ */) {
          escaped = true;
          end++;
        }
        end++;
      }
      if (keyNext) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        const keys = open[open.length - 1]!;
        if (keys.has(key)) return { key, line, column: i - lineStart + 1 };
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b /* [ */) {
      open.push(undefined);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
    } else if (c === 0x2c /* , */) {
      keyNext = open[open.length - 1] !== undefined;
    } else if (c === 0x0a /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/**
 * Where `text` opens an array or object nested deeper than `limit`, by line and column (1-based), or
 * undefined: a scan of brackets outside strings, linear and without recursion, so a body of a million
 * '[' is refused in milliseconds before JSON.parse spends a second on it.
 */
export function tooDeeplyNested(text: string, limit: number): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    } else if (c === 0x0a /* \n */) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/** A message on one line (a parser's may quote text across a line break). */
const oneLine = (message: string): string => message.replace(/\s*[\r\n]+\s*/g, " ");
