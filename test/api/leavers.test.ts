/**
 * People and areas taken off a site take their credentials with them: a leaver's API token and calendar
 * feeds are revoked in the same write, an area's feeds with the area, and an id that named someone else
 * in a published schedule is not handed to a new person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let manager = "";
beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(testSite("test"), SYSTEM);
  const draft = h.store.schedules.createDraft("test", [{ staff: "B", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM);
  h.store.schedules.publish("test", draft.id, SYSTEM);
  manager = h.token("manager", "test");
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const feed = (token: string) => h.api.request("GET", `/calendars/${token}.ics`, {});
/** The staff list and the ETag it was read with, for the write that follows. */
const readStaff = async (): Promise<{ staff: PlanningInput["staff"]; etag: string }> => {
  const res = await h.api.get("/sites/test/staff", manager);
  return { staff: res.body, etag: res.headers.get("etag")! };
};
const staffOf = async (): Promise<PlanningInput["staff"]> => (await readStaff()).staff;

describe("a person taken off the site", () => {
  it("loses their API token and calendar feeds in the same write; everyone else keeps theirs", async () => {
    const ben = h.token("staff", "test", "B");
    const ann = h.token("staff", "test", "A");
    const benFeed = h.store.feeds.create("test", { kind: "staff", staffId: "B" }, SYSTEM)!;
    const annFeed = h.store.feeds.create("test", { kind: "staff", staffId: "A" }, SYSTEM)!;
    expect((await h.api.get("/sites/test/staff/B/assignments", ben)).status).toBe(200);
    expect((await feed(benFeed.token)).status).toBe(200);

    const { staff, etag } = await readStaff();
    const res = await h.api.put("/sites/test/staff", staff.filter((m) => m.id !== "B"), manager, { "if-match": etag });
    expect(res.status).toBe(200);

    expect((await h.api.get("/sites", ben)).status).toBe(401);
    expect((await feed(benFeed.token)).status).toBe(404);
    expect((await h.api.get("/sites/test/staff/A/assignments", ann)).status).toBe(200);
    expect((await feed(annFeed.token)).status).toBe(200);
    const audit = (await h.api.get("/sites/test/audit", manager)).body as { action: string; target?: string }[];
    expect(audit.filter((a) => a.action === "feed.revoke").map((a) => a.target)).toContain(benFeed.feed.id);
    expect(audit.filter((a) => a.action === "token.revoke")).toHaveLength(1);
  });

  it("refuses their id for a new person, naming the field, and takes them back under their own name", async () => {
    const { staff, etag } = await readStaff();
    const ben = testSite("test").staff.find((m) => m.id === "B")!;
    const nora = { ...ben, name: "Nora New" };
    const refused = await h.api.put("/sites/test/staff", [...staff, nora], manager, { "if-match": etag });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: `staff[${staff.length}].id`, value: "B", message: expect.stringContaining("Ben") })]);
    expect((await staffOf()).map((m) => m.id)).toEqual(staff.map((m) => m.id));

    // The refusal stored nothing, so the list read before it is still the current one.
    const rehired = await h.api.put("/sites/test/staff", [...staff, ben], manager, { "if-match": etag });
    expect(rehired.status).toBe(200);
    expect((await staffOf()).map((m) => m.id)).toContain("B");
  });
});

describe("an area taken off the site", () => {
  it("takes its calendar feeds with it, for good when the area comes back", async () => {
    const areaFeed = h.store.feeds.create("test", { kind: "area", areaId: "iv-room" }, SYSTEM)!;
    const centralFeed = h.store.feeds.create("test", { kind: "area", areaId: "central" }, SYSTEM)!;
    expect((await feed(areaFeed.token)).status).toBe(200);
    const read = await h.api.get("/sites/test", manager);
    const doc = read.body.input as PlanningInput;
    const gone = new Set(doc.shiftTemplates.filter((t) => t.area === "iv-room").map((t) => t.id));
    const without: PlanningInput = {
      ...doc,
      areas: doc.areas.filter((a) => a.id !== "iv-room"),
      shiftTemplates: doc.shiftTemplates.filter((t) => !gone.has(t.id)),
      productivityStandards: doc.productivityStandards.filter((s) => s.area !== "iv-room"),
      floors: doc.floors.filter((f) => f.area !== "iv-room"),
      slotDemand: doc.slotDemand.filter((s) => !gone.has(s.template)),
    };
    const res = await h.api.put("/sites/test", without, manager, { "if-match": read.headers.get("etag")! });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await feed(areaFeed.token)).status).toBe(404);
    expect((await feed(centralFeed.token)).status).toBe(200);
    // The area back (a new IV room, perhaps): the old feed URL stays dead; a new feed is made for it.
    expect((await h.api.put("/sites/test", doc, manager, { "if-match": res.headers.get("etag")! })).status).toBe(200);
    expect((await feed(areaFeed.token)).status).toBe(404);
    expect((await feed(centralFeed.token)).status).toBe(200);
  });
});

describe("a manager's token revoked", () => {
  it("takes every feed it created with it, a person's it made for them too, names itself on them, and leaves a person's own feed", async () => {
    const leaving = h.store.tokens.create("manager", "test");
    const department = await h.api.post("/sites/test/feeds", { scope: "department" }, leaving.secret);
    expect(department.status).toBe(201);
    expect(department.body.createdBy).toBe(leaving.info.tokenId);
    // A feed of Ann's made by the manager: its URL is the manager's to keep as much as hers.
    const ann = await h.api.post("/sites/test/staff/A/feeds", undefined, leaving.secret);
    expect(ann.status).toBe(201);
    const annToken = h.store.tokens.create("staff", "test", "A");
    const annOwn = await h.api.post("/sites/test/staff/A/feeds", undefined, annToken.secret);
    expect(annOwn.status).toBe(201);
    const kept = h.store.feeds.create("test", { kind: "department" }, SYSTEM)!;
    expect((await feed(department.body.token)).status).toBe(200);

    expect(h.store.tokens.revoke(leaving.info.tokenId)).toBe(true);
    expect((await feed(department.body.token)).status).toBe(404);
    expect((await feed(ann.body.token)).status).toBe(404);
    expect((await feed(annOwn.body.token)).status).toBe(200);
    expect((await feed(kept.token)).status).toBe(200);
    // Ann's own token revoked (a new one issued, say): her feed stays hers.
    expect(h.store.tokens.revoke(annToken.info.tokenId)).toBe(true);
    expect((await feed(annOwn.body.token)).status).toBe(200);
    const listed = (await h.api.get("/sites/test/feeds", manager)).body as { id: string; createdBy?: string; revokedAt?: string }[];
    expect(listed.find((f) => f.id === department.body.id)).toMatchObject({ createdBy: leaving.info.tokenId, revokedAt: expect.any(String) });
    const audit = (await h.api.get("/sites/test/audit", manager)).body as { action: string; target?: string }[];
    expect(audit.filter((a) => a.action === "feed.revoke").map((a) => a.target)).toContain(department.body.id);
  });
});
