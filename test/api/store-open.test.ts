/**
 * Opening and claiming the store on real files in a temporary directory: a damaged database is refused at
 * open with one line and exit code 2, by `serve` and the `token` commands alike, before any job is touched;
 * so is a store this process may not write (a read-only mount, another user's files) or a directory it may
 * not enter, said as such. The claim of a running server holds when its `server.lock` is removed. The read-only cases run the built command (`npm run build`) as another user when
 * the tests run as root, whose writes ignore modes.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../../api/server.js";
import { openStore, StoreOpenError } from "../../src/store/store.js";
import { capture } from "../fixtures/cli.js";
import { testDir } from "../fixtures/temp.js";

const BIN = new URL("../../bin/rxroster.js", import.meta.url).pathname;
const AS_ROOT = process.getuid?.() === 0;

/** The built command run by a user the store's files do not belong to: nobody when the tests run as root. */
function runAsOther(argv: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8", timeout: 30_000, ...(AS_ROOT ? { uid: 65534, gid: 65534 } : {}) });
}

/** A store whose tokens table spans pages, then that table's root page overwritten: the file opens, the table does not read. */
function damagedStore(): { dir: string; path: string } {
  const dir = testDir("store-open");
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

describe.skipIf(process.platform === "win32")("a store this user may not write", () => {
  it("is named read-only with exit 2 by token create and revoke and by serve, where the first write said internal error; token list still reads it", () => {
    const parent = testDir("store-open");
    chmodSync(parent, 0o755);
    const dir = join(parent, "data");
    // Left open, as a crash leaves it: its -wal and -shm files stay, so it opens and reads.
    const store = openStore(dir);
    const { info } = store.tokens.create("admin");
    try {
      chmodSync(dir, 0o555);
      for (const file of readdirSync(dir)) chmodSync(join(dir, file), 0o444);
      const readOnly = `${dir}: is read-only (no permission to write)\n`;
      for (const argv of [["token", "create", "--role", "admin"], ["token", "revoke", info.tokenId]]) {
        const result = runAsOther([...argv, "--data-dir", dir]);
        expect([result.status, result.stderr]).toEqual([2, `rxroster: --data-dir: ${readOnly}`]);
      }
      const listed = runAsOther(["token", "list", "--data-dir", dir]);
      expect([listed.status, listed.stdout]).toEqual([0, expect.stringContaining(info.tokenId)]);
      const served = runAsOther(["serve", "--port", "0", "--data-dir", dir]);
      expect([served.status, served.stderr]).toEqual([2, `rxroster serve: --data-dir: ${readOnly}`]);
    } finally {
      chmodSync(dir, 0o755);
      store.close();
    }
  });

  it("says permission denied, not unable to open database file, of a data directory it may not enter", () => {
    const parent = testDir("store-open");
    chmodSync(parent, 0o755);
    const dir = join(parent, "data");
    openStore(dir).close();
    chmodSync(dir, AS_ROOT ? 0o700 : 0o000);
    try {
      const served = runAsOther(["serve", "--port", "0", "--data-dir", dir]);
      expect([served.status, served.stderr]).toEqual([2, `rxroster serve: --data-dir: ${dir}: permission denied\n`]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});

describe.skipIf(process.platform !== "linux")("a running server's claim", () => {
  it("refuses a second server when the first one's server.lock was removed as stale, and leaves its server.pid", async () => {
    const dir = testDir("store-open");
    const first = await startServer({ dataDir: dir, port: 0, notice: () => {} });
    try {
      // What an operator tidying a "stale" lock file does: the first server's lock is on the removed file.
      rmSync(join(dir, "server.lock"));
      rmSync(join(dir, "server.lock-journal"), { force: true });
      const second = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--data-dir", dir], { encoding: "utf8", timeout: 20_000 });
      expect([second.status, second.stderr]).toEqual([2, `rxroster serve: --data-dir: ${dir} is in use by another RxRoster server (pid ${process.pid})\n`]);
      expect(readFileSync(join(dir, "server.pid"), "utf8")).toBe(String(process.pid));
    } finally {
      await first.close();
    }
  });

  it("leaves on stop a server.pid that names another process", async () => {
    const dir = testDir("store-open");
    const running = await startServer({ dataDir: dir, port: 0, notice: () => {} });
    // A server started beside it (its lock removed) wrote its own pid: removing it would leave that one unnamed.
    writeFileSync(join(dir, "server.pid"), "4194304");
    await running.close();
    expect(readFileSync(join(dir, "server.pid"), "utf8")).toBe("4194304");
  });
});
