/**
 * `rxroster backup`: a copy taken while the store is open holds its latest write, still in the -wal file,
 * and a store restored from it reads that write; bad input is one line naming the option, exit 2.
 */
import { copyFileSync, existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../src/store/store.js";
import { capture } from "../../fixtures/cli.js";
import { testDir } from "../../fixtures/temp.js";

describe("rxroster backup", () => {
  it("copies the store while it is open, with its latest write still in the -wal file, and a restored store reads it", async () => {
    const parent = testDir("backup");
    const dataDir = join(parent, "data");
    // Open throughout, as under a running server: its writes stay in rxroster.db-wal until a checkpoint.
    const store = openStore(dataDir);
    try {
      store.tokens.create("admin");
      const { info: latest } = store.tokens.create("admin");
      expect(statSync(join(dataDir, "rxroster.db-wal")).size).toBeGreaterThan(0);
      const out = join(parent, "backups", "rxroster-backup.db");
      expect(await capture(["backup", "--data-dir", dataDir, "--out", out])).toEqual({ code: 0, out: `backed up ${join(dataDir, "rxroster.db")} to ${out}`, err: "" });
      // Its owner's alone, as the store is: it holds people's leave.
      expect(statSync(out).mode & 0o777).toBe(0o600);

      const restored = join(parent, "restored");
      mkdirSync(restored);
      copyFileSync(out, join(restored, "rxroster.db"));
      const reopened = openStore(restored);
      expect(reopened.tokens.list().map((t) => t.tokenId)).toContain(latest.tokenId);
      reopened.close();
    } finally {
      store.close();
    }
  });

  it("refuses bad input in one line naming the option, with exit code 2, and writes nothing", async () => {
    const parent = testDir("backup");
    const dataDir = join(parent, "data");
    openStore(dataDir).close();
    const taken = join(parent, "taken.db");
    writeFileSync(taken, "an earlier backup");
    const cases: [string[], string][] = [
      [["--data-dir", dataDir], "rxroster backup: --out must name the file to write (got nothing)"],
      [["--data-dir", dataDir, "--out", ""], 'rxroster backup: --out must name the file to write (got "")'],
      [["--data-dir", "", "--out", join(parent, "a.db")], 'rxroster backup: --data-dir must name a directory (got "")'],
      [["--data-dir", join(parent, "nothing"), "--out", join(parent, "b.db")], `rxroster backup: --data-dir: ${join(parent, "nothing")} holds no RxRoster store (no rxroster.db); give the --data-dir the server uses`],
      [["--data-dir", dataDir, "--out", taken], `rxroster backup: --out: ${taken} exists; give a file that does not`],
      [["--data-dir", dataDir, "--out", join(dataDir, "rxroster.db")], `rxroster backup: --out: ${join(dataDir, "rxroster.db")} exists; give a file that does not`],
    ];
    for (const [argv, line] of cases) {
      const { code, err } = await capture(["backup", ...argv]);
      expect([code, err.split("\n")[0]]).toEqual([2, line]);
    }
    expect(existsSync(join(parent, "a.db")) || existsSync(join(parent, "b.db"))).toBe(false);
  });

  it("says why a --data-dir it cannot look into holds no store, rather than that it holds none", async () => {
    const parent = testDir("backup");
    // A link to itself: every look inside fails, as a directory this user may not enter does (which root,
    // running the suite, may enter all the same).
    const loop = join(parent, "loop");
    symlinkSync(loop, loop);
    for (const argv of [["backup", "--out", join(parent, "a.db")], ["token", "list"]]) {
      const { code, err } = await capture([...argv, "--data-dir", loop]);
      expect([code, err.split("\n")[0]]).toEqual([2, `rxroster ${argv[0]}: --data-dir: ${loop}: too many levels of symbolic links`]);
    }
  });

  it("refuses a link at --out that leads nowhere (it would be followed), and names a file that cannot be made in one line", async () => {
    const parent = testDir("backup");
    const dataDir = join(parent, "data");
    openStore(dataDir).close();
    const dangling = join(parent, "dangling.db");
    symlinkSync(join(parent, "elsewhere.db"), dangling);
    expect((await capture(["backup", "--data-dir", dataDir, "--out", dangling])).err.split("\n")[0]).toBe(`rxroster backup: --out: ${dangling} exists; give a file that does not`);
    expect(existsSync(join(parent, "elsewhere.db"))).toBe(false);
    // /proc takes no new files: the empty file the copy goes into fails to be made, as on a disk with no room.
    const { code, err } = await capture(["backup", "--data-dir", dataDir, "--out", "/proc/rxroster-backup.db"]);
    expect([code, err]).toEqual([2, "rxroster backup: --out: /proc/rxroster-backup.db: cannot be written (no such file or directory)"]);
  });
});
