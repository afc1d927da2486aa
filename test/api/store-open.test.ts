/**
 * Opening and claiming the store on real files in a temporary directory: a damaged database is refused at
 * open with one line and exit code 2, by `serve` and the `token` commands alike, before any job is touched.
 */
import Database from "better-sqlite3";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startServer } from "../../api/server.js";
import { openStore, StoreOpenError } from "../../src/store/store.js";
import { capture } from "../fixtures/cli.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "rxroster-store-open-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store whose tokens table spans pages, then that table's root page overwritten: the file opens, the table does not read. */
function damagedStore(): { dir: string; path: string } {
  const dir = tempDir();
  const store = openStore(dir);
  for (let i = 0; i < 200; i++) store.tokens.create("admin");
  store.close();
  const path = join(dir, "rxroster.db");
  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'tokens'").get() as { rootpage: number };
  db.close();
  const fd = openSync(path, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0xde), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
  return { dir, path };
}

describe("a damaged store", () => {
  it("is refused by the token commands with one line naming the file, exit 2, not an internal error", async () => {
    const { dir, path } = damagedStore();
    for (const argv of [["token", "list", "--data-dir", dir], ["token", "create", "--role", "admin", "--data-dir", dir]]) {
      const { code, err } = await capture(argv);
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^rxroster: --data-dir: ${path}: the store is damaged \\(database disk image is malformed[^\\n]*\\); restore it from a backup$`));
    }
  });

  it("is refused by serve when the store is opened, before it listens", async () => {
    const { dir, path } = damagedStore();
    const error = await startServer({ dataDir: dir, port: 0, notice: () => {} }).then(
      async (running) => (await running.close(), undefined),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(new RegExp(`^${path}: the store is damaged \\(database disk image is malformed`));
  });
});
