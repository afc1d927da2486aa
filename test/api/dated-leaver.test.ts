/**
 * A leaver ended by date, not removed (QA7 F5): with `employedUntil` they stay on staff, so HR still reads
 * their published shifts, and their token and feed keep working, after next month's horizon is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, setHorizon, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let manager = "";
const worked = ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ staff: "B", date, template: "D8", locked: false }));
beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(testSite("test"), SYSTEM);
  const draft = h.store.schedules.createDraft("test", worked, "manual", undefined, SYSTEM);
  h.store.schedules.publish("test", draft.id, SYSTEM);
  manager = h.token("manager", "test");
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("a leaver given employedUntil", () => {
  it("keeps their published assignments for HR, their token and their feed, with the next horizon set", async () => {
    const ben = h.token("staff", "test", "B");
    const benFeed = h.store.feeds.create("test", { kind: "staff", staffId: "B" }, SYSTEM)!;
    const read = await h.api.get("/sites/test/staff", manager);
    const staff = (read.body as PlanningInput["staff"]).map((m) => (m.id === "B" ? { ...m, employedUntil: "2026-03-04" } : m));
    const res = await h.api.put("/sites/test/staff", staff, manager, { "if-match": read.headers.get("etag")! });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await setHorizon(h, "test", manager, "2026-03-05", "2026-03-07");

    expect((await h.api.get("/sites/test/staff", manager)).body.find((m: { id: string }) => m.id === "B")).toMatchObject({ employedUntil: "2026-03-04" });
    for (const token of [h.token("hr", "test"), manager, ben]) {
      const mine = await h.api.get("/sites/test/staff/B/assignments", token);
      expect(mine.status).toBe(200);
      expect(mine.body.assignments.map((x: { date: string }) => x.date)).toEqual(worked.map((x) => x.date));
    }
    const feed = await h.api.request("GET", `/calendars/${benFeed.token}.ics`, {});
    expect(feed.status).toBe(200);
    expect(String(feed.body).match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });
});
