/**
 * How the command fails: bad input reported by the installed command without a stack trace, a --data-dir
 * that is not a store (or is another program's, or a newer RxRoster's) named with exit code 2 and left as
 * it was, and a fault of ours as one line and a hint with exit code 1.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { openStore } from "../../../src/store/store.js";
import { capture } from "../../fixtures/cli.js";
import { dir, useInputFiles } from "./helpers.js";

useInputFiles();

describe("the installed command", () => {
  // Runs the build that `npm test` makes before vitest starts.
  it("reports bad input without a stack trace", () => {
    const result = spawnSync("node", ["bin/rxroster.js", "check", join(dir, "bad.yaml"), join(dir, "schedule.json")], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/malformed YAML/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a data directory that is not a store", () => {
  it("exits 2 naming --data-dir and the file, not as an internal error", async () => {
    const data = join(dir, "not-a-store");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "rxroster.db"), "a spreadsheet someone saved here, not a database");
    const { code, err } = await capture(["token", "list", "--data-dir", data]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --data-dir: ${join(data, "rxroster.db")}: cannot be opened as the store's SQLite database (file is not a database)`);
  });

  it("exits 2 for another program's SQLite file, or a store made by a newer RxRoster, and leaves either as it was", async () => {
    const other = join(dir, "other-program");
    mkdirSync(other, { recursive: true });
    const foreign = new Database(join(other, "rxroster.db"));
    // A table of the store's name, and one of its own: the store's tables were added beside the latter.
    foreign.exec("CREATE TABLE tokens (mine TEXT); INSERT INTO tokens VALUES ('kept'); CREATE TABLE notes (text TEXT)");
    foreign.close();
    const first = await capture(["token", "list", "--data-dir", other]);
    expect(first).toMatchObject({ code: 2, err: `rxroster: --data-dir: ${join(other, "rxroster.db")}: cannot be used as the store (it is another program's SQLite database, not RxRoster's (its tables: notes, tokens); nothing was changed)` });
    const reopened = new Database(join(other, "rxroster.db"));
    expect(reopened.prepare("SELECT mine FROM tokens").all()).toEqual([{ mine: "kept" }]);
    expect(reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual([{ name: "notes" }, { name: "tokens" }]);
    reopened.close();

    const newer = join(dir, "newer-store");
    openStore(newer).close();
    const db = new Database(join(newer, "rxroster.db"));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '')").run();
    db.close();
    const second = await capture(["token", "list", "--data-dir", newer]);
    expect(second).toMatchObject({ code: 2, err: expect.stringContaining("cannot be used as the store (it was made by a newer RxRoster (schema version 99; this one knows up to") });
  });
});

describe("an empty --data-dir", () => {
  it("is refused by name with exit 2 by the token commands, and no store is made in the working directory", async () => {
    for (const argv of [["token", "create", "--role", "admin", "--data-dir", ""], ["token", "list", "--data-dir", ""]]) {
      const { code, err } = await capture(argv);
      expect(code).toBe(2);
      expect(err.split("\n")[0]).toBe('rxroster token: --data-dir must name a directory (got "")');
    }
    expect(existsSync("rxroster.db")).toBe(false);
  });
});

describe("a fault of ours", () => {
  it("exits 1 with one line and a hint, no stack trace", async () => {
    const err: string[] = [];
    const code = await run(["schema"], { out: () => { throw new Error("stdout closed"); }, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err).toEqual(["rxroster: internal error: stdout closed", "rxroster: run again with RXROSTER_DEBUG=1 to print where it happened, and report it"]);
  });
});
