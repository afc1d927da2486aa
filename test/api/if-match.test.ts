/**
 * Every write to a stored site needs If-Match, so two managers cannot silently overwrite each other: a
 * write without it is refused with 428 problem+json naming the header and nothing is stored; `*` writes on
 * whatever revision is stored; an If-Match that could never match (weak tags, another resource's ETag)
 * is a 412 saying so. (A stale ETag's 412 and a malformed header's 400: happy-path.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../../api/routes/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

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
  await closeAndCheckLogs(h);
});

/** The site as stored (document, revision, updatedAt), its ETag and its audit trail. */
async function stored() {
  const site = await h.api.get("/sites/test", manager);
  const audit = await h.api.get("/sites/test/audit", manager);
  return { site: site.body, etag: site.headers.get("etag"), audit: audit.body };
}

/** Writes to the site's document; an edit or publish of a draft tests the draft's ETag (publish-guards.test.ts, checked-writes.test.ts). */
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

describe("an If-Match that could never match", () => {
  const WEAK = 'is a weak ETag, which If-Match never matches (RFC 9110 §13.1.1 compares strongly): send the ETag as the site was read with';

  it("is a 412 saying why, not that the site changed: a weak tag of the current revision, a schedule's ETag, nothing written", async () => {
    const before = await stored();
    const settings = await h.api.get("/sites/test/settings", manager);
    const current = settings.headers.get("etag")!;
    const weak = await h.api.put("/sites/test/settings", settings.body, manager, { "if-match": `W/${current}` });
    expect(weak.status).toBe(412);
    expect(weak.body.detail).toBe(`If-Match can never match the site, whatever its revision: W/${current} ${WEAK}, ${current}`);
    expect(weak.body.errors).toEqual([{ path: "If-Match", message: `${WEAK}, ${current}`, value: `W/${current}` }]);

    const schedule = await h.api.put("/sites/test", before.site.input, manager, { "if-match": '"schedule-2", W/"x"' });
    expect(schedule.status).toBe(412);
    expect(schedule.body.detail).toBe(
      'If-Match can never match the site, whatever its revision: "schedule-2" is not a site\'s ETag (a site\'s is "site-N"; this is a schedule\'s): send the ETag the site was read with; ' +
        `W/"x" ${WEAK}`,
    );
    const requests = await h.api.put("/sites/test/staff/A/requests", [], ann, { "if-match": '"schedule-1"' });
    expect(requests.status).toBe(412);
    expect(requests.body.detail).toMatch(/^If-Match can never match the site, whatever its revision: "schedule-1" is not a site's ETag/);
    expect(await stored()).toEqual(before);
  });

  it("is a 412 saying why on a draft too, and answers as before where a tag may match or the request fails first", async () => {
    const draft = h.store.schedules.createDraft("test", [{ staff: "A", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM);
    const edit = (ifMatch: string) => h.api.post(`/sites/test/schedules/${draft.id}/edits`, { edits: [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }] }, manager, { "if-match": ifMatch });
    const site = await edit('"site-1"');
    expect(site.status).toBe(412);
    expect(site.body.detail).toBe('If-Match can never match the schedule, whatever its revision: "site-1" is not a schedule\'s ETag (a schedule\'s is "schedule-N"; this is a site\'s): send the ETag the schedule was read with');
    const publish = await h.api.post(`/sites/test/schedules/${draft.id}/publish`, undefined, manager, { "if-match": 'W/"schedule-1"' });
    expect(publish.status).toBe(412);
    expect(publish.body.detail).toMatch(/^If-Match can never match the schedule, whatever its revision: W\/"schedule-1" is a weak ETag/);
    // A stale tag among them: that one may have matched once, so the site or draft changed since.
    expect((await edit('"schedule-0", W/"schedule-1"')).body.detail).toBe(`schedule ${draft.id} has changed since it was read (it is at revision 1): read it again and review it there`);
    // A site that does not exist is a 404 still, whatever the If-Match.
    const settings = (await h.api.get("/sites/test/settings", manager)).body;
    expect((await h.api.put("/sites/nowhere/settings", settings, h.token("admin"), { "if-match": 'W/"site-1"' })).status).toBe(404);
  });
});
