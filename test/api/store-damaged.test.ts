/**
 * A store damaged while the server runs (a disk fault, a file written over): every request that meets the
 * damage, a read too, answers 503 problem+json saying so and what the operator must do, logged in one line
 * without a stack, instead of a bare 500. (A store damaged before the server starts is refused at open:
 * store-open.test.ts.)
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { closeAndCheckLogs, freshSite, startHarness, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  if (h) await closeAndCheckLogs(h);
  h = undefined;
});

/** Overwrite the sites table's root page in the file under the open store, and drop SQLite's cached pages so the next read meets it. */
function damageSites(store: Store): void {
  store.db.pragma("wal_checkpoint(TRUNCATE)");
  const pageSize = store.db.pragma("page_size", { simple: true }) as number;
  const { rootpage } = store.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sites'").get() as { rootpage: number };
  const fd = openSync(store.path, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0xde), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
  store.db.pragma("shrink_memory");
}

describe("a store damaged while the server runs", () => {
  it("answers reads and writes 503 problem+json naming the damage and the remedy, and logs one line without a stack", async () => {
    h = await startHarness();
    const { id, token } = freshSite(h);
    const staff = (await h.api.get(`/sites/${id}/staff`, token)).body;
    damageSites(h.store);
    const expected = {
      type: "https://rxroster.dev/problems/service-unavailable",
      title: "Service unavailable",
      status: 503,
      detail: "the server's store is damaged; nothing was stored: an operator must stop the server and restore the store from a backup",
    };
    const read = await h.api.get(`/sites/${id}/staff`, token);
    expect(read.status).toBe(503);
    expect(read.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(read.body).toEqual(expected);
    const write = await h.api.put(`/sites/${id}/staff`, staff, token, { "if-match": "*" });
    expect(write.status).toBe(503);
    expect(write.body).toEqual(expected);
    expect(h.logged.splice(0)).toEqual(["store damaged, answered 503: database disk image is malformed"]);
  });
});
