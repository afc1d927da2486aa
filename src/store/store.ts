/**
 * The embedded store: one SQLite file (better-sqlite3) in a data directory, opened with WAL, foreign keys
 * and a busy timeout, migrated on open. Each repository write runs in one transaction.
 */
import { accessSync, constants, existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { errorMessage } from "../../models/index.js";
import { fileSystemReason, makeDirectory } from "../io.js";
import { migrate } from "./migrations.js";
import { AuditRepository } from "./audit.js";
import { FeedRepository } from "./feeds.js";
import { JobRepository } from "./jobs.js";
import { ScheduleRepository } from "./schedules.js";
import { SiteRepository } from "./sites.js";
import { TokenRepository } from "./tokens.js";

/** Default data directory, relative to the working directory. */
export const DEFAULT_DATA_DIR = ".rxroster";
export const DATABASE_FILE = "rxroster.db";

export interface Store {
  /** Absolute or relative path of the SQLite file. */
  path: string;
  db: Database.Database;
  tokens: TokenRepository;
  audit: AuditRepository;
  sites: SiteRepository;
  schedules: ScheduleRepository;
  jobs: JobRepository;
  /** Calendar feed tokens, site UID salts and the published versions feeds are built from. */
  feeds: FeedRepository;
  close(): void;
}

export interface StoreOptions {
  /** Milliseconds a write waits for another connection's lock before failing (default 5000). */
  busyTimeoutMs?: number;
  /**
   * Only reads will be made (`token list`): a store that cannot be written is opened all the same. Default
   * false: it is refused at open, naming why, before any write meets it.
   */
  readOnly?: boolean;
}

/** The data directory or its database cannot be used (a file that is not SQLite, no permission, …): the user's to mend. */
export class StoreOpenError extends Error {}

const OWNER_ONLY_DIRECTORY = 0o700;
const OWNER_ONLY_FILE = 0o600;

/** Open (creating the directory and file if missing, its owner's alone) and migrate the store in `dataDir`. */
export function openStore(dataDir: string = DEFAULT_DATA_DIR, options: StoreOptions = {}): Store {
  const path = join(dataDir, DATABASE_FILE);
  let opened: Database.Database | undefined;
  try {
    // The store holds people's leave (reasons may be medical) and hashed tokens: a directory or database
    // made here is its owner's alone (SQLite gives the -wal and -shm files the database's mode). One
    // that exists keeps the mode its administrator gave it.
    makeDirectory(dataDir, OWNER_ONLY_DIRECTORY);
    if (!existsSync(path)) writeFileSync(path, "", { mode: OWNER_ONLY_FILE, flag: "wx" });
    opened = new Database(path);
    opened.pragma("journal_mode = WAL");
    // A damaged page is otherwise met by the first query that reads it: a stack trace from `serve`, or a
    // server answering 500 to everything. quick_check reads every page (not the indexes against their
    // tables): about 5 ms on the demo's store after weeks of use, under 0.1 s on 50 MB.
    const found = (opened.pragma("quick_check") as { quick_check: string }[]).map((row) => row.quick_check);
    if (found[0] !== "ok") throw Object.assign(new Error(damageFound(found)), { code: "SQLITE_CORRUPT" });
  } catch (error) {
    opened?.close();
    const { code, message } = error as { code?: string; message: string };
    const denied = CANNOT_WRITE.some((c) => code === c || code?.startsWith(`${c}_`)) ? accessProblem(dataDir, path) : undefined;
    if (denied) throw new StoreOpenError(denied);
    if (code === "SQLITE_CORRUPT") throw new StoreOpenError(`${path}: the store is damaged (${message}); restore it from a backup`);
    throw new StoreOpenError(`${path}: cannot be opened as the store's SQLite database (${code?.startsWith("SQLITE_") ? message : fileSystemReason(error)})`);
  }
  const db = opened;
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  // FULL: a write acknowledged (a publish staff calendars follow) survives a power loss, not only a crash;
  // writes are a manager's clicks, so the fsync each costs is not felt.
  db.pragma("synchronous = FULL");
  try {
    migrate(db);
    // A read-only file (a read-only mount, another user's store) opens and reads: the first write said
    // "internal error". A change rolled back finds it, writing nothing.
    if (!options.readOnly) {
      db.exec("BEGIN IMMEDIATE");
      try {
        db.prepare("UPDATE schema_migrations SET name = name WHERE version = (SELECT MIN(version) FROM schema_migrations)").run();
      } finally {
        db.exec("ROLLBACK");
      }
    }
  } catch (error) {
    db.close();
    const { code } = error as { code?: string };
    if (code?.startsWith("SQLITE_READONLY")) throw new StoreOpenError(accessProblem(dataDir, path) ?? `${path}: is read-only (${errorMessage(error)})`);
    throw new StoreOpenError(`${path}: cannot be used as the store (${errorMessage(error)})`);
  }
  const audit = new AuditRepository(db);
  const schedules = new ScheduleRepository(db, audit);
  const feeds = new FeedRepository(db, audit);
  const tokens = new TokenRepository(db, audit, feeds);
  return {
    path,
    db,
    tokens,
    audit,
    sites: new SiteRepository(db, audit, tokens, feeds),
    schedules,
    jobs: new JobRepository(db, audit, schedules),
    feeds,
    close: () => db.close(),
  };
}

/** Error codes (SQLite's, with their extended ones, and the file system's) of a file that cannot be opened or written. */
const CANNOT_WRITE = ["SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "EACCES", "EPERM", "EROFS"];

/**
 * Why `dataDir` has no store for a command that only uses an existing one (`backup`, `token list`), as an
 * option's problem; undefined when its database is there. A directory this user may not enter says so,
 * rather than that it holds no store.
 */
export function absentStore(dataDir: string): string | undefined {
  try {
    statSync(join(dataDir, DATABASE_FILE));
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return `--data-dir: ${dataDir} holds no RxRoster store (no ${DATABASE_FILE}); give the --data-dir the server uses`;
    return `--data-dir: ${dataDir}: ${fileSystemReason(error)}`;
  }
}

/**
 * Why the file system keeps this process from reading and writing `file` in the directory `dir`, in one
 * line naming the one at fault ("DIR: is read-only (read-only file system)", "FILE: permission denied"); or
 * undefined when it does not (SQLite's own message then says what is wrong). Modes are the kernel's to
 * judge (access(2)): root is refused only by a read-only mount.
 */
export function accessProblem(dir: string, file: string): string | undefined {
  for (const [target, read] of [[dir, constants.R_OK | constants.X_OK], [file, constants.R_OK]] as const) {
    for (const mode of [read, constants.W_OK]) {
      try {
        accessSync(target, mode);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") break;
        if (mode !== constants.W_OK) return `${target}: ${fileSystemReason(error)}`;
        return `${target}: is read-only (${code === "EROFS" ? "read-only file system" : "no permission to write"})`;
      }
    }
  }
  return undefined;
}

/** quick_check's report of damage in a line: its first problem, and how many more. */
function damageFound(found: readonly string[]): string {
  const problems = found.flatMap((text) => text.split("\n")).filter((line) => line !== "" && !line.startsWith("***"));
  return `database disk image is malformed: ${problems[0] ?? "no detail"}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ""}`;
}
