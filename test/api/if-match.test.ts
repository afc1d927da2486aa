/**
 * Every write to a stored site needs If-Match, so two managers cannot silently overwrite each other: a
 * write without it is refused with 428 problem+json naming the header and nothing is stored; `*` writes on
 * whatever revision is stored. (A stale ETag's 412 and a malformed header's 400: happy-path.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../../api/routes/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let manager: string;
let ann: string;

beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(testSite(), SYSTEM);
  manager = h.token("manager", "test");
  ann = h.token("staff", "test", "A");
});
afterAll(async () => {
  expect(h.logged).toEqual([]);
  await h.close();
});

/** The site as stored (document, revision, updatedAt), its ETag and its audit trail. */
async function stored() {
  const site = await h.api.get("/sites/test", manager);
  const audit = await h.api.get("/sites/test/audit", manager);
  return { site: site.body, etag: site.headers.get("etag"), audit: audit.body };
}

/** Writes to the site's document; an edit or publish of a draft tests the draft's ETag (schedule-etag.test.ts). */
const WRITES = OPERATIONS.filter((op) => op.ifMatch === "site");

describe("a write to a site without If-Match", () => {
  it("is refused with 428 problem+json naming If-Match, and the stored site is unchanged", async () => {
    const before = await stored();
    const renamed = { ...before.site.input, site: { ...before.site.input.site, name: "Renamed blindly" } };
    const res = await h.api.put("/sites/test", renamed, manager);
    expect(res.status).toBe(428);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: "https://rxroster.dev/problems/precondition-required",
      title: "Precondition required",
      status: 428,
      detail: "this request changes a stored site and needs an If-Match header: send the ETag the site was read with, or * to overwrite whatever is stored deliberately",
      errors: [{ path: "If-Match", message: 'required: the ETag the site was read with, such as "site-3", or *' }],
    });
    const after = await stored();
    expect(after).toEqual(before);
    expect(after.site.input.site.name).toBe("Test Pharmacy test");
  });

  it("is refused for a person's own requests too, which stay as they were", async () => {
    const before = await h.api.get("/sites/test/staff/A/requests", ann);
    const res = await h.api.put("/sites/test/staff/A/requests", [{ kind: "day-off", date: "2026-03-03", weight: 2 }], ann);
    expect(res.status).toBe(428);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "If-Match" })]);
    const after = await h.api.get("/sites/test/staff/A/requests", ann);
    expect(after.body).toEqual(before.body);
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
  });

  it("is refused on every operation that writes a site (each PUT), with the very body just read", async () => {
    expect(WRITES.map((op) => `${op.method} ${op.path}`)).toEqual(OPERATIONS.filter((op) => op.method === "put").map((op) => `${op.method} ${op.path}`));
    expect(WRITES).toHaveLength(18);
    const before = await stored();
    for (const op of WRITES) {
      const path = op.path.replace("{siteId}", "test").replace("{staffId}", "A");
      const read = await h.api.get(path, manager);
      expect(read.status, path).toBe(200);
      // The site's whole document is read as `{ id, revision, …, input }` and written as its input.
      const body = op.path === "/sites/{siteId}" ? read.body.input : read.body;
      const res = await h.api.put(path, body, manager);
      expect(res.status, path).toBe(428);
      expect(res.body.errors, path).toEqual([expect.objectContaining({ path: "If-Match" })]);
    }
    // A write of the same content would still have raised the revision: none was made.
    expect(await stored()).toEqual(before);
  });
});

describe("If-Match: *", () => {
  it("writes on whatever revision is stored, where the ETag read before is refused as stale", async () => {
    const settings = await h.api.get("/sites/test/settings", manager);
    // Ann files a request after the manager read the settings: the manager's ETag is stale now.
    const mine = await h.api.get("/sites/test/staff/A/requests", ann);
    const filed = [{ kind: "day-off", date: "2026-03-04", weight: 1 }];
    expect((await h.api.put("/sites/test/staff/A/requests", filed, ann, { "if-match": mine.headers.get("etag")! })).status).toBe(200);
    const renamed = { ...settings.body, name: "Renamed on purpose" };
    expect((await h.api.put("/sites/test/settings", renamed, manager, { "if-match": settings.headers.get("etag")! })).status).toBe(412);
    const res = await h.api.put("/sites/test/settings", renamed, manager, { "if-match": "*" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(renamed);
    const after = await stored();
    expect(res.headers.get("etag")).toBe(after.etag);
    expect(after.site.input.site.name).toBe("Renamed on purpose");
    // A part's write replaces that part only: Ann's request stays.
    expect(after.site.input.staff.find((m: { id: string }) => m.id === "A").requests).toEqual(filed);
  });
});
