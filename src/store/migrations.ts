/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. Append a new entry to add a
 * table or column (never edit one that has shipped): the next `openStore` applies it in a transaction.
 */
import type { Database } from "better-sqlite3";

export interface Migration {
  /** Strictly increasing; the order migrations run in. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "tokens, sites, schedules, jobs, audit",
    sql: `
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'hr', 'staff')),
        site_id TEXT,
        staff_id TEXT,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        input TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE schedules (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        version INTEGER,
        source TEXT NOT NULL,
        source_id TEXT,
        assignments TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (site_id, version),
        CHECK ((status = 'published') = (version IS NOT NULL))
      );
      CREATE INDEX schedules_by_site ON schedules (site_id, created_at);
      -- A published version is immutable, whatever code path tries to change it.
      CREATE TRIGGER schedules_published_no_update BEFORE UPDATE ON schedules WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'published schedules are immutable'); END;
      CREATE TRIGGER schedules_published_no_delete BEFORE DELETE ON schedules WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'published schedules are immutable'); END;
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id),
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        options TEXT NOT NULL,
        progress TEXT,
        result TEXT,
        schedule_id TEXT REFERENCES schedules(id),
        error TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      );
      CREATE INDEX jobs_by_status ON jobs (status, created_at);
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id TEXT,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX audit_by_site ON audit (site_id, id);
    `,
  },
  {
    version: 3,
    name: "calendar feed tokens, per-site UID salt",
    sql: `
      -- Feed tokens are not API credentials (they only read one feed), so they live apart from tokens.
      -- Only a token's SHA-256 is stored; rotating replaces the hash, revoking stamps revoked_at.
      CREATE TABLE feed_tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        site_id TEXT NOT NULL REFERENCES sites(id),
        scope TEXT NOT NULL CHECK (scope IN ('staff', 'department', 'area')),
        staff_id TEXT,
        area_id TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        rotated_at TEXT,
        revoked_at TEXT,
        CHECK ((scope = 'staff') = (staff_id IS NOT NULL)),
        CHECK ((scope = 'area') = (area_id IS NOT NULL))
      );
      CREATE INDEX feed_tokens_by_site ON feed_tokens (site_id, staff_id, created_at);
      -- Mixed into every event UID so a UID cannot be traced back to a staff id; made once, never changed.
      CREATE TABLE site_uid_salts (
        site_id TEXT PRIMARY KEY REFERENCES sites(id),
        salt TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "job kinds, FTE reports",
    sql: `
      ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'solve' CHECK (kind IN ('solve', 'fte-report'));
      ALTER TABLE jobs ADD COLUMN report_id TEXT;
      -- A report lives as long as the job that made it (deleted with it after the retention period).
      CREATE TABLE fte_reports (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id),
        job_id TEXT NOT NULL UNIQUE REFERENCES jobs(id) ON DELETE CASCADE,
        report TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: "published versions keep the planning input they were published with",
    sql: `
      -- A published version's calendar events are its shifts as they were published: their times, names
      -- and horizon come from this copy, not from the site's input as it is later edited. NULL for versions
      -- published before it was kept (those are read against the current input).
      ALTER TABLE schedules ADD COLUMN input TEXT;
    `,
  },
  {
    version: 6,
    name: "drafts keep their revision and what they were drafted against",
    sql: `
      -- A draft's revision is its ETag (every edit raises it), so a publish or an edit is made only on the
      -- draft its client read. base_version is the latest published version when it was drafted (0: none),
      -- so publishing it cannot silently undo a version published since; site_revision (with the input
      -- kept in schedules.input, for drafts too) is what its shifts were checked against. Drafts stored
      -- before this migration take the version published last before they were created, and no revision.
      ALTER TABLE schedules ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE schedules ADD COLUMN base_version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE schedules ADD COLUMN site_revision INTEGER;
      UPDATE schedules SET base_version = COALESCE((SELECT MAX(p.version) FROM schedules p
        WHERE p.site_id = schedules.site_id AND p.status = 'published' AND p.created_at <= schedules.created_at), 0)
        WHERE status = 'draft';
    `,
  },
  {
    version: 7,
    name: "published versions record the dates they speak for",
    sql: `
      -- A published version replaces the shifts of the dates it covers: its horizon, or (a publish that
      -- withdrew the dates a shortened horizon left out) its horizon and those dates. NULL for versions
      -- published before this migration and for drafts: they cover their horizon.
      ALTER TABLE schedules ADD COLUMN covers_start TEXT;
      ALTER TABLE schedules ADD COLUMN covers_end TEXT;
    `,
  },
  {
    version: 8,
    name: "jobs record the site revision they ran against",
    sql: `
      -- Set when a job starts: the site revision whose input it solves (or reports on). A solve's draft is
      -- checked against that revision's input, not whatever the site holds when the solve ends. NULL for
      -- queued jobs and for jobs started before this migration.
      ALTER TABLE jobs ADD COLUMN site_revision INTEGER;
    `,
  },
];

/**
 * Apply every migration newer than the database, each in its own transaction. Returns the versions applied.
 * Whether a migration is applied is read inside its transaction, so a second process opening the store at
 * the same moment (`serve` and `rxroster token …`) skips what the first has just applied. A database made
 * by a newer release (a version this code does not know) is refused.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((migration, i) => {
    if (i > 0 && migration.version <= migrations[i - 1]!.version) throw new Error(`migration ${migration.version} is out of order`);
  });
  // Another program's SQLite file at the store's path holds tables but no migration record: it is not
  // ours to add tables to.
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  if (tables.length > 0 && !tables.includes("schema_migrations")) {
    throw new Error(`it is another program's SQLite database, not RxRoster's (its tables: ${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}); nothing was changed`);
  }
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const newest = (db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").get() as { v: number }).v;
  const known = migrations.at(-1)?.version ?? 0;
  if (newest > known) throw new Error(`it was made by a newer RxRoster (schema version ${newest}; this one knows up to ${known})`);
  const isApplied = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = db.transaction((): boolean => {
      if (isApplied.get(migration.version) !== undefined) return false;
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, new Date().toISOString());
      return true;
    }).immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
