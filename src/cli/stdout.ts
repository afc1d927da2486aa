/**
 * The command line's standard output, written as an output file is: every byte, or a one-line error and a
 * non-zero exit. Node's process.stdout to a file writes once and drops what a short write leaves (a full
 * disk cut the output at 8 KiB, exit 0), and its errors other than EPIPE surfaced as a stack trace.
 */
import { writeSync } from "node:fs";
import { fileSystemReason } from "../io.js";

/** Exit code when the output cannot be written: 2, as for an `--out` file on the same full disk. */
const EXIT_UNWRITABLE_OUTPUT = 2;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to the open file `fd`, a write after each short one. Node leaves fd 1 as it found it
 * (blocking, for a file, a terminal or a shell's pipe) while process.stdout is never touched; but a pipe
 * its reader's side made non-blocking answers EAGAIN when full, and is written again a millisecond later.
 * Any other failure is thrown.
 */
export function writeAll(fd: number, text: string, write: (fd: number, bytes: Uint8Array, offset: number, length: number) => number = writeSync): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += write(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/**
 * The CLI's `out`: `text` and a line feed on standard output. A reader that went away (`rxroster check … |
 * head`) ends the run quietly, as before; any other failure (a full disk, an I/O error) is one line on
 * stderr and exit 2, where a script would otherwise take a cut-off file for the whole one.
 */
export function standardOutput(text: string): void {
  try {
    writeAll(1, text + "\n");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`rxroster: cannot write the output: ${fileSystemReason(error)}\n`);
    process.exit(EXIT_UNWRITABLE_OUTPUT);
  }
}
