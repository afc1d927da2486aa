/**
 * The claim of a data directory by one server process (`serve`): taken before the store is opened, released
 * when the server stops. Input is the directory; output the release, or a StoreOpenError naming why the
 * directory cannot be claimed (another server holds it, it cannot be written or entered).
 */
import Database, { type Database as DatabaseHandle } from "better-sqlite3";
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileSystemReason, makeDirectory } from "../io.js";
import { accessProblem, DATABASE_FILE, StoreOpenError } from "./store.js";

/**
 * Claims the data directory for this process: a second server on the same directory would start its own
 * queue and mark the first one's running jobs as interrupted. The claim is an exclusive SQLite lock on
 * `server.lock`, held while the process lives: the kernel drops it when the process dies (a crash,
 * kill -9), so a claim is never left behind, and no process that merely reuses a dead server's pid holds
 * it. `server.pid` names the holder in the message, and is the second witness: the lock lives on
 * `server.lock`'s inode, so an operator who removes the file as stale (what one does with lock files)
 * frees a live server's claim. A free lock is therefore believed only when `server.pid` does not name a
 * live process that has this store's database open (read from /proc, so on Linux; elsewhere the lock
 * alone). Returns the release, which removes `server.pid` only while it is this process's.
 */
export function claimDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, "server.lock");
  const pidFile = join(dataDir, "server.pid");
  // Named as itself: making the directory fails on it, and the lock file's path would be named instead.
  // (existsSync is false, not thrown, for a path that cannot be looked at: that is left to makeDirectory.)
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) throw new StoreOpenError(`${dataDir} is a file, not a directory`);
  let lock: DatabaseHandle | undefined;
  try {
    makeDirectory(dataDir);
    lock = new Database(lockFile, { timeout: 0 });
    // In exclusive locking mode a connection keeps the lock its first write takes until it closes.
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS claim (pid INTEGER); DELETE FROM claim; COMMIT");
  } catch (error) {
    lock?.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      const pid = readPid(pidFile);
      throw new StoreOpenError(`${dataDir} is in use by another RxRoster server${pid !== undefined ? ` (pid ${pid})` : ""}`);
    }
    // "unable to open database file", "attempt to write a readonly database": a read-only mount, or a
    // directory this user may not write or enter, said as such.
    const denied = accessProblem(dataDir, lockFile);
    if (denied) throw new StoreOpenError(denied);
    throw new StoreOpenError(`${lockFile}: ${error instanceof Error && !("errno" in error) ? error.message : fileSystemReason(error)}`);
  }
  const named = readPid(pidFile);
  if (named !== undefined && named !== process.pid && holdsDatabase(named, join(dataDir, DATABASE_FILE))) {
    lock.close();
    throw new StoreOpenError(`${dataDir} is in use by another RxRoster server (pid ${named})`);
  }
  writeFileSync(pidFile, String(process.pid));
  const held = lock;
  return () => {
    // Another server's, had it started beside this one: it names that one while it runs.
    if (readPid(pidFile) === process.pid) rmSync(pidFile, { force: true });
    held.close();
  };
}

/**
 * Whether the live process `pid` has the file `database` open, by its open files in /proc (Linux). False
 * where that cannot be told: no such process, no /proc, or another user's process (the store's files are
 * their owner's alone).
 */
function holdsDatabase(pid: number, database: string): boolean {
  try {
    const real = realpathSync(database);
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === real;
      } catch {
        return false; // closed meanwhile
      }
    });
  } catch {
    return false;
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
