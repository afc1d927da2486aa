/**
 * `rxroster ics <input> <schedule> --staff ID [--out FILE]`: one person's shifts in a schedule as a one-off
 * .ics file (or on stdout). The schedule is treated as a single version published now, so every SEQUENCE
 * is 0 and every DTSTAMP is the time the file was made; subscribed feeds with history come from the API.
 */
import { dirname } from "node:path";
import { writableDirectory, writableFile, writeFileComplete } from "../io.js";
import { buildFeed } from "../calendar/feed.js";
import { EXIT_BAD_INPUT, EXIT_OK, loadInput, loadSchedule, reportProblems, type Io } from "./command-io.js";

export interface IcsCommandOptions {
  /** Staff id whose shifts go in the file (required). */
  staff: string | undefined;
  /** File to write; default: print to stdout. */
  out: string | undefined;
  /** The instant stamped as the schedule's publication (default: now). */
  now?: Date;
}

export function runIcs(io: Io, inputPath: string, schedulePath: string, options: IcsCommandOptions): number {
  if (options.staff === undefined) {
    io.err("rxroster: --staff: required (the id of the person whose shifts to write)");
    return EXIT_BAD_INPUT;
  }
  const input = loadInput(inputPath);
  if (!input.ok) return reportProblems(io, inputPath, input.problems);
  const schedule = loadSchedule(input.value, schedulePath);
  if (!schedule.ok) return reportProblems(io, schedulePath, schedule.problems);
  // As check's --html and report's --out: a missing directory is made, and one that cannot be is named.
  const unwritable = options.out === undefined ? undefined : writableDirectory(dirname(options.out)) ?? writableFile(options.out);
  if (unwritable !== undefined) return reportProblems(io, "rxroster", [{ path: "--out", message: `cannot write ${options.out}: ${unwritable}` }]);
  const publishedAt = (options.now ?? new Date()).toISOString();
  const feed = buildFeed(input.value, [{ version: 1, publishedAt, schedule: schedule.value }], { kind: "staff", staffId: options.staff });
  if (!feed.ok) {
    io.err(`rxroster: --staff: unknown staff id in ${inputPath} (got ${JSON.stringify(options.staff)})`);
    return EXIT_BAD_INPUT;
  }
  // io.out ends the text with its own LF: the text's last CRLF loses only its LF here. --out keeps the bytes.
  if (options.out === undefined) io.out(feed.value.ics.replace(/\n$/, ""));
  else writeFileComplete(options.out, feed.value.ics);
  return EXIT_OK;
}
