/**
 * Calendar feeds over real HTTP (issue 6), every response checked against the OpenAPI document, as
 * versions are published: a published shift keeps its times when its template changes, until a publish
 * moves it with a new SEQUENCE, and this period's shifts stay when the next period is planned and published.
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { Assignment, PlanningInput } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { createFeed, events, fetchFeed, h, site, slot, useFeedHarness } from "./calendar-fixture.js";
import { testSite } from "./harness.js";

useFeedHarness();

describe("published versions stay as published", () => {
  const manager = (): string => h.token("manager", "later");
  const publish = async (assignments: Assignment[]) => {
    const draft = await h.api.post("/sites/later/schedules/drafts", { assignments }, manager());
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await h.api.post(`/sites/later/schedules/${draft.body.schedule.id}/publish`, undefined, manager(), { "if-match": draft.headers.get("etag")! })).status).toBe(201);
  };
  const editInput = async (change: (input: PlanningInput) => PlanningInput) => {
    const read = await h.api.get("/sites/later", manager());
    const { input } = read.body as { input: PlanningInput };
    expect((await h.api.put("/sites/later", change(input), manager(), { "if-match": read.headers.get("etag")! })).status).toBe(200);
  };
  const at = (date: string, clock: string): string => DateTime.fromISO(`${date}T${clock}`, { zone: site.site.timeZone }).toUTC().toISO({ suppressMilliseconds: false })!;
  const ann = [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-03", "D8")];
  let feed: { token: string };

  beforeAll(async () => {
    h.store.sites.create(testSite("later", 3), SYSTEM);
    await publish(ann);
    feed = await createFeed("/sites/later/staff/A/feeds", manager());
  });

  it("keeps a published shift's times when its template changes, until a publish moves it with a new SEQUENCE", async () => {
    const before = events((await fetchFeed(feed.token)).body);
    expect(before.map((e) => [e.start, e.sequence])).toEqual([[at("2026-03-02", "07:00"), 0], [at("2026-03-03", "07:00"), 0]]);
    await editInput((input) => ({ ...input, shiftTemplates: input.shiftTemplates.map((x) => (x.id === "D8" ? { ...x, start: "08:00" } : x)) }));
    expect(events((await fetchFeed(feed.token)).body)).toEqual(before);
    await publish(ann);
    const after = events((await fetchFeed(feed.token)).body);
    expect(after.map((e) => [e.uid, e.start, e.sequence])).toEqual(before.map((e, i) => [e.uid, at(`2026-03-0${i + 2}`, "08:00"), 1]));
  });

  it("keeps this period's shifts when the next period is planned and published", async () => {
    const before = events((await fetchFeed(feed.token)).body);
    await editInput((input) => ({ ...input, horizon: { start: "2026-03-05", end: "2026-03-07" } }));
    expect(events((await fetchFeed(feed.token)).body)).toEqual(before);
    await publish([slot("A", "2026-03-05", "D8"), slot("A", "2026-03-06", "D8")]);
    const both = events((await fetchFeed(feed.token)).body);
    expect(both.map((e) => e.start)).toEqual([...before.map((e) => e.start), at("2026-03-05", "08:00"), at("2026-03-06", "08:00")]);
    expect(both.slice(0, 2)).toEqual(before);
    // Her own assignments in the API say the same.
    const own = await h.api.get("/sites/later/staff/A/assignments", manager());
    expect(own.body.assignments.map((x: Assignment) => x.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"]);
    // Each shift names the version that published it, not the latest's (QA7 F7): the top-level one is the latest.
    const versions = (await h.api.get("/sites/later/schedules", manager())).body as { version?: number; createdAt: string }[];
    const publishedAt = (version: number): string => versions.find((v) => v.version === version)!.createdAt;
    expect(own.body.assignments.map((x: Assignment & { version: number; publishedAt: string }) => [x.date, x.version, x.publishedAt])).toEqual([
      ["2026-03-02", 2, publishedAt(2)],
      ["2026-03-03", 2, publishedAt(2)],
      ["2026-03-05", 3, publishedAt(3)],
      ["2026-03-06", 3, publishedAt(3)],
    ]);
    expect(own.body).toMatchObject({ version: 3, publishedAt: publishedAt(3) });
    // A later version of the next period speaks for its own dates only: the 6th is dropped, this period stays.
    await publish([slot("A", "2026-03-05", "D8")]);
    expect(events((await fetchFeed(feed.token)).body).map((e) => e.start)).toEqual(both.slice(0, 3).map((e) => e.start));
    expect((await h.api.get("/sites/later/staff/A/assignments", manager())).body.assignments.map((x: Assignment) => x.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-05"]);
  });
});
