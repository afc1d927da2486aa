/**
 * `rxroster backup --out FILE [--data-dir DIR]`: the store copied into one SQLite file by SQLite's online
 * backup (better-sqlite3's `db.backup()`), so a running server may go on writing meanwhile. The copy is
 * consistent and holds every acknowledged write, those still in `rxroster.db-wal` too, which a copy of
 * `rxroster.db` alone loses. Restoring: stop the server and put FILE in place as `DIR/rxroster.db`.
 */
import { lstatSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileSystemReason, writableDirectory } from "../io.js";
import { absentStore, DEFAULT_DATA_DIR, openStore } from "../store/store.js";
import { inOrderGiven, readArgs } from "./flags.js";
import type { Io } from "./command-io.js";

export const BACKUP_USAGE = `  backup --out FILE [--data-dir DIR]
                                  copy the store into FILE, whole and consistent, also while
                                  the server runs (restore: stop it, FILE as DIR/rxroster.db)`;

/** One line per problem, then the usage. */
function fail(io: Io, ...problems: string[]): number {
  for (const message of problems) io.err(`rxroster backup: ${message}`);
  io.err(`usage:\n${BACKUP_USAGE}`);
  return 2;
}

const BACKUP_FLAGS = { out: { type: "string" }, "data-dir": { type: "string" }, help: { type: "boolean", short: "h" } } as const;

export async function runBackup(argv: string[], io: Io): Promise<number> {
  const { values, positionals, problems } = readArgs(argv, BACKUP_FLAGS, true);
  if (problems.length > 0) return fail(io, ...inOrderGiven(problems));
  // Asked for, as by every other command: on standard output, exit 0.
  if (values.help) {
    io.out(`usage:\n${BACKUP_USAGE}`);
    return 0;
  }
  if (positionals.length > 0) return fail(io, `backup takes no arguments (got "${positionals.join(" ")}")`);
  const { out } = values;
  if (!out) return fail(io, `--out must name the file to write (got ${out === undefined ? "nothing" : '""'})`);
  if (values["data-dir"] === "") return fail(io, `--data-dir must name a directory (got "")`);
  const dataDir = values["data-dir"] ?? DEFAULT_DATA_DIR;
  const absent = absentStore(dataDir);
  if (absent) return fail(io, absent);
  // The copy is written page by page: over an earlier backup, or over the store itself, it would mix the two.
  // (lstat: a link that leads nowhere is there too, and would be followed.)
  if (taken(out)) return fail(io, `--out: ${out} exists; give a file that does not`);
  const unwritable = writableDirectory(dirname(out));
  if (unwritable) return fail(io, `--out: cannot write to ${dirname(out)} (${unwritable})`);
  // Checked as any opening is (a damaged, foreign or newer store is refused, exit 2); it is only read.
  const store = openStore(dataDir, { readOnly: true });
  let created = false;
  try {
    // Its owner's alone, as the store is (it holds people's leave); SQLite would make it 0644.
    writeFileSync(out, "", { mode: 0o600, flag: "wx" });
    created = true;
    await store.db.backup(out);
  } catch (error) {
    const { code, syscall, message } = error as NodeJS.ErrnoException;
    // SQLite's refusals (a full disk) and the file system's (no room even for the empty file, a quota, a
    // file made meanwhile): the user's to mend. Anything else is a bug.
    if (!code?.startsWith("SQLITE_") && syscall === undefined) throw error;
    // No half copy left to pass for a backup; a file someone else made meanwhile is theirs.
    if (created) rmSync(out, { force: true });
    io.err(`rxroster backup: --out: ${out}: cannot be written (${code?.startsWith("SQLITE_") ? message : fileSystemReason(error)})`);
    return 2;
  } finally {
    store.close();
  }
  io.out(`backed up ${store.path} to ${out}`);
  return 0;
}

function taken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
