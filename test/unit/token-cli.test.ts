/**
 * `rxroster token`: a token's scope must name what the store holds (a site created, a staff id of that
 * site), and `list` and `revoke` read an existing store only; each refusal is one line naming the flag,
 * exit 2, and creates nothing.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runToken } from "../../src/cli/token.js";
import { SYSTEM } from "../../src/store/audit.js";
import { openStore } from "../../src/store/store.js";
import { testSite } from "../api/harness.js";

let parent: string;
let dataDir: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), "rxroster-token-cli-"));
  dataDir = join(parent, "data");
  const store = openStore(dataDir);
  store.sites.create(testSite("north"), SYSTEM);
  store.close();
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** `rxroster token …argv`: its exit code, the lines it wrote to stdout, and the first it wrote to stderr (`errs`: all). */
function token(argv: string[]): { code: number; out: string[]; err: string; errs: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runToken(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err: err[0] ?? "", errs: err };
}

const tokenCount = (): number => {
  const store = openStore(dataDir);
  try {
    return store.tokens.list().length;
  } finally {
    store.close();
  }
};

describe("rxroster token create", () => {
  it("makes a staff token for a staff member of a site the store holds", () => {
    const staffId = testSite("north").staff[0]!.id;
    const made = token(["create", "--role", "staff", "--site", "north", "--staff", staffId, "--data-dir", dataDir]);
    expect(made.code).toBe(0);
    expect(made.out).toEqual([expect.stringMatching(/^\S{40,}$/)]);
    expect(made.err).toMatch(new RegExp(`^created \\S+ \\(staff, site north, staff ${staffId}\\); the token is shown this once only:$`));
  });

  it("refuses a token for a site no one created, naming --site, and stores none", () => {
    const before = tokenCount();
    const refused = token(["create", "--role", "manager", "--site", "nrth", "--data-dir", dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`rxroster token: --site: no site "nrth" in ${dataDir}: an admin creates it first (POST /sites), then its tokens`);
    expect(tokenCount()).toBe(before);
  });

  it("refuses a staff token for an id the site has no staff member with, naming --staff, and stores none", () => {
    const before = tokenCount();
    const refused = token(["create", "--role", "staff", "--site", "north", "--staff", "nobody", "--data-dir", dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('rxroster token: --staff: site north has no staff member "nobody" (staff ids are the site\'s staff[].id)');
    expect(tokenCount()).toBe(before);
  });
});

describe("rxroster token list and revoke", () => {
  it("refuse a --data-dir that holds no store, and leave it so", () => {
    const missing = join(parent, "mistyped");
    for (const argv of [["list"], ["revoke", "tok_1"]]) {
      const refused = token([...argv, "--data-dir", missing]);
      expect(refused.code).toBe(2);
      expect(refused.err).toBe(`rxroster token: --data-dir: ${missing} holds no RxRoster store (no rxroster.db); give the --data-dir the server uses`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it("revoke says which feeds the token made went with it and which a person's own stay live, with how to revoke those", () => {
    const store = openStore(dataDir);
    const staffA = store.tokens.create("staff", "north", "A").info;
    const own = store.feeds.create("north", { kind: "staff", staffId: "A" }, staffA)!.feed;
    const manager = store.tokens.create("manager", "north").info;
    store.feeds.create("north", { kind: "department" }, manager);
    store.feeds.create("north", { kind: "staff", staffId: "B" }, manager);
    store.close();
    expect(token(["revoke", manager.tokenId, "--data-dir", dataDir]).out).toEqual([`revoked ${manager.tokenId}`, "  and the 2 feeds it created for others"]);
    expect(token(["revoke", staffA.tokenId, "--data-dir", dataDir]).out).toEqual([
      `revoked ${staffA.tokenId}`,
      `  kept: feed ${own.id}, A's own at site north (DELETE /sites/north/staff/A/feeds/${own.id} revokes it)`,
    ]);
  });

  it("refuse an id no live token has in one line, without the command's usage (the id was mistyped, not the command)", () => {
    const refused = token(["revoke", "tok_nope", "--data-dir", dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.errs).toEqual(['rxroster token: no live token with id "tok_nope"']);
  });
});
