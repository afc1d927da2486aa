/**
 * A full disk (QA pass 5, F3): a write refused by SQLite's SQLITE_FULL answers 507 problem+json and stores
 * nothing. The request meets a real SQLITE_FULL (the file's page limit, reached).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { closeAndCheckLogs, freshSite, startHarness, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  if (h) await closeAndCheckLogs(h);
  h = undefined;
});

/** Fill the database to a page limit set at its size, so the next write of any size fails with SQLITE_FULL; returns the undo. */
function fillDisk(store: Store): () => void {
  store.db.pragma(`max_page_count = ${store.db.pragma("page_count", { simple: true }) as number}`);
  const filler = store.db.prepare("INSERT INTO audit (site_id, actor, role, action, at) VALUES ('filler', 'filler', 'admin', ?, '')");
  expect(() => {
    for (;;) filler.run("f".repeat(200));
  }).toThrow(/database or disk is full/);
  return () => void store.db.pragma("max_page_count = 1073741823");
}

describe("a write on a full disk", () => {
  it("answers 507 problem+json saying nothing was stored, logs one line without a stack, and is taken once there is room", async () => {
    h = await startHarness();
    const { id, token } = freshSite(h);
    const staff = (await h.api.get(`/sites/${id}/staff`, token)).body;
    const roomAgain = fillDisk(h.store);
    for (let i = 0; i < 2; i++) {
      const refused = await h.api.put(`/sites/${id}/staff`, staff, token, { "if-match": "*" });
      expect(refused.status).toBe(507);
      expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(refused.body).toEqual({ type: "https://rxroster.dev/problems/insufficient-storage", title: "Insufficient storage", status: 507, detail: "the server's disk is full; nothing was stored" });
    }
    expect(h.store.sites.get(id)!.revision).toBe(1);
    // One line for both, with SQLite's words and no stack.
    expect(h.logged.splice(0)).toEqual(["store write refused, answered 507: database or disk is full"]);
    roomAgain();
    expect((await h.api.put(`/sites/${id}/staff`, staff, token, { "if-match": "*" })).status).toBe(200);
    expect(h.store.sites.get(id)!.revision).toBe(2);
  });
});
