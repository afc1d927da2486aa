/**
 * Calendar feeds over real HTTP (issue 6), every response checked against the OpenAPI document: a feed
 * read back with ical.js holds exactly the published instants of its scope (never a draft), re-publishing
 * keeps UIDs and raises SEQUENCE of a moved shift, ETag/304 and invalidation by publish or input change;
 * and the security promises: one identical 404 for wrong, revoked and rotated tokens, no one else's
 * shifts, no managing another person's feed, and no token in anything the app logs. The security tests
 * read Ann's feed, which the first content test makes, and look for every token the file handed out in
 * the logs, so both stay in this file. Versions and concurrent builds: calendar-versions.test.ts and
 * calendar-builds.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createFeed, eventInstants, events, fetchFeed, h, instants, issued, slot, t, useFeedHarness, V1, written } from "./calendar-fixture.js";

useFeedHarness();

let annFeed: { id: string; token: string; url: string; webcalUrl: string };

describe("feed content", () => {
  it("holds exactly the person's published instants, with links, content type and cache headers", async () => {
    annFeed = await createFeed("/sites/test/staff/A/feeds", t.ann);
    expect(annFeed.url).toBe(`${h.api.baseUrl}/calendars/${annFeed.token}.ics`);
    expect(annFeed.webcalUrl).toBe(annFeed.url.replace(/^http:/, "webcal:"));
    const res = await fetchFeed(annFeed.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, max-age=900, must-revalidate");
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const got = events(res.body);
    expect(eventInstants(got)).toEqual(instants(V1.filter((a) => a.staff === "A")));
    expect(got.every((e) => !e.description.includes("Ben") && !e.description.includes("Cat"))).toBe(true);
  });

  it("never shows a draft, in a personal or the department feed", async () => {
    const department = await createFeed("/sites/test/feeds", t.manager, { scope: "department" });
    const all = events((await fetchFeed(department.token)).body);
    expect(eventInstants(all)).toEqual(instants(V1));
    expect(all.some((e) => e.start.startsWith("2026-03-05"))).toBe(false); // the draft's 23:00 CST night
  });

  it("gives a manager one area's feed and names a missing area", async () => {
    const iv = await createFeed("/sites/test/feeds", t.manager, { scope: "area", areaId: "iv-room" });
    expect(eventInstants(events((await fetchFeed(iv.token)).body))).toEqual(instants([slot("C", "2026-03-03", "IV10")]));
    const missing = await h.api.post("/sites/test/feeds", { scope: "area", areaId: "nowhere" }, t.manager);
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: "areaId", message: "no area at site test", value: "nowhere" }]);
  });

  it("answers If-None-Match with 304, and a publish or an input change with a new ETag", async () => {
    const first = await fetchFeed(annFeed.token);
    const etag = first.headers.get("etag")!;
    const again = await fetchFeed(annFeed.token, etag);
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await fetchFeed(annFeed.token, `"stale", ${etag}`)).status).toBe(304);
    expect((await fetchFeed(annFeed.token, '"stale"')).status).toBe(200);

    const settings = await h.api.get("/sites/test/settings", t.manager);
    expect((await h.api.put("/sites/test/settings", { ...settings.body, name: "Renamed Pharmacy" }, t.manager, { "if-match": settings.headers.get("etag")! })).status).toBe(200);
    const renamed = await fetchFeed(annFeed.token, etag);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toContain("Renamed Pharmacy");
    // The name back as it was, so the next test's re-publish changes nothing but the moved shift (a
    // shift's LOCATION carries the site's name, and a new one would raise every SEQUENCE).
    const back = await h.api.get("/sites/test/settings", t.manager);
    expect((await h.api.put("/sites/test/settings", settings.body, t.manager, { "if-match": back.headers.get("etag")! })).status).toBe(200);
  });

  it("keeps UIDs across a re-publish and raises SEQUENCE only for the moved shift", async () => {
    const before = events((await fetchFeed(annFeed.token)).body);
    const v2 = V1.map((a) => (a.staff === "A" && a.date === "2026-03-03" ? slot("A", "2026-03-03", "N8") : a));
    const draft = await h.api.post("/sites/test/schedules/drafts", { assignments: v2 }, t.manager);
    const published = await h.api.post(`/sites/test/schedules/${draft.body.schedule.id}/publish`, undefined, t.manager, { "if-match": draft.headers.get("etag")! });
    expect(published.status).toBe(201);
    const after = events((await fetchFeed(annFeed.token)).body);
    expect(eventInstants(after)).toEqual(instants(v2.filter((a) => a.staff === "A")));
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const byUid = new Map(before.map((e) => [e.uid, e]));
    const [kept, moved] = [...after].sort((a, b) => a.start.localeCompare(b.start));
    expect(kept!.sequence).toBe(byUid.get(kept!.uid)!.sequence);
    expect(kept!.stamp).toBe(byUid.get(kept!.uid)!.stamp);
    expect(moved!.sequence).toBe(byUid.get(moved!.uid)!.sequence + 1);
    // DTSTAMP is the publish time of the version that changed it, to the second (two publishes may share one).
    const publishedAt = new Date(published.body.schedule.createdAt);
    publishedAt.setUTCMilliseconds(0);
    expect(moved!.stamp).toBe(publishedAt.toISOString());
  });
});

describe("security", () => {
  it("answers wrong, malformed, rotated and revoked tokens with one identical 404", async () => {
    const rotatedOut = await createFeed("/sites/test/staff/A/feeds", t.ann);
    const rotation = await h.api.post(`/sites/test/staff/A/feeds/${rotatedOut.id}/rotate`, undefined, t.ann);
    expect(rotation.status).toBe(200);
    issued.push(rotation.body.token);
    expect(rotation.body.rotatedAt).toBeDefined();
    expect((await fetchFeed(rotation.body.token)).status).toBe(200);

    const revokedOut = await createFeed("/sites/test/staff/A/feeds", t.manager);
    const revoke = await h.api.request("DELETE", `/sites/test/staff/A/feeds/${revokedOut.id}`, { token: t.ann });
    expect(revoke.body.revokedAt).toBeDefined();
    expect((await h.api.request("DELETE", `/sites/test/staff/A/feeds/${revokedOut.id}`, { token: t.ann })).status).toBe(200);
    expect((await h.api.post(`/sites/test/staff/A/feeds/${revokedOut.id}/rotate`, undefined, t.ann)).status).toBe(409);

    const answers = await Promise.all(["A".repeat(43), "short", rotatedOut.token, revokedOut.token, `${annFeed.token}x`].map((token) => fetchFeed(token)));
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(res.body).toEqual(answers[0]!.body);
    }
    // Without the .ics suffix the path falls through to the catch-all 404, which must not echo the token.
    const bare = await h.api.request("GET", `/calendars/${annFeed.token}`, {});
    expect(bare.status).toBe(404);
    expect(JSON.stringify(bare.body)).not.toContain(annFeed.token);
    // Nor in another case (Express matches paths whatever their case), another method, or with a broken
    // percent-encoding (the router's error quotes the path).
    for (const [method, path] of [["GET", `/Calendars/${annFeed.token}.ics/x`], ["POST", `/CALENDARS/${annFeed.token}.ics`], ["GET", `/calendars/${annFeed.token}%zz.ics`]] as const) {
      const res = await h.api.request(method, path, {});
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(res.body)).not.toContain(annFeed.token);
    }
  });

  it("never lets staff A's feed show staff B's shifts", async () => {
    const benFeed = await createFeed("/sites/test/staff/B/feeds", t.ben);
    const ben = events((await fetchFeed(benFeed.token)).body);
    const ann = events((await fetchFeed(annFeed.token)).body);
    // Each feed holds exactly its own person's published shifts: an empty feed, or one with the other's
    // shifts beside its own, fails here (a check of the events' descriptions alone passes an empty feed).
    const published = h.store.schedules.latestPublished("test")!.assignments;
    const own = (staff: string) => instants(published.filter((a) => a.staff === staff));
    expect(own("A")).toHaveLength(2);
    expect(eventInstants(ann)).toEqual(own("A"));
    expect(eventInstants(ben)).toEqual(own("B"));
    expect(ben.map((e) => e.summary)).toEqual(["Central pharmacy — Day 07:00–15:30"]);
    // The whole line, not a substring ("Staff: Ann" is in "Staff: Annabel").
    for (const e of ann) expect(e.description.split("\n")).toContain("Staff: Ann");
    for (const e of ben) expect(e.description.split("\n")).toContain("Staff: Ben");
  });

  it("refuses to let staff A, hr or another site's manager create, rotate or revoke staff B's feed", async () => {
    const benFeed = await createFeed("/sites/test/staff/B/feeds", t.manager);
    for (const token of [t.ann, t.hr, t.otherManager]) {
      expect((await h.api.post("/sites/test/staff/B/feeds", undefined, token)).status).toBe(403);
      expect((await h.api.post(`/sites/test/staff/B/feeds/${benFeed.id}/rotate`, undefined, token)).status).toBe(403);
      expect((await h.api.request("DELETE", `/sites/test/staff/B/feeds/${benFeed.id}`, { token })).status).toBe(403);
      expect((await h.api.post(`/sites/test/feeds/${benFeed.id}/rotate`, undefined, token)).status).toBe(403);
      expect((await h.api.post("/sites/test/feeds", { scope: "department" }, token)).status).toBe(403);
    }
    // Ben's feed id on Ann's own path is not Ann's feed.
    expect((await h.api.post(`/sites/test/staff/A/feeds/${benFeed.id}/rotate`, undefined, t.ann)).status).toBe(404);
    expect((await fetchFeed(benFeed.token)).status).toBe(200);
    expect((await h.api.get("/sites/test/staff/B/feeds", t.ben)).body.map((f: { id: string }) => f.id)).toContain(benFeed.id);
  });

  it("logs an internal error and a left-out assignment by feed id, never by token", async () => {
    const department = await createFeed("/sites/test/feeds", t.admin, { scope: "department" });
    expect((await h.api.get("/calendars/%E0%A4%A.ics")).status).toBe(400);
    // A site document that no longer parses makes the feed route fail as a bug would: 500, logged.
    const row = h.store.db.prepare("SELECT input FROM sites WHERE id = 'test'").get() as { input: string };
    h.store.db.prepare("UPDATE sites SET input = '{', revision = revision + 1 WHERE id = 'test'").run();
    expect((await fetchFeed(department.token)).status).toBe(500);
    h.store.db.prepare("UPDATE sites SET input = ?, revision = revision + 1 WHERE id = 'test'").run(row.input);
    // Cat leaves the staff list: her shifts stay in the department's feed as they were published.
    const read = await h.api.get("/sites/test/staff", t.manager);
    const staff = read.body.filter((s: { id: string }) => s.id !== "C");
    expect((await h.api.put("/sites/test/staff", staff, t.manager, { "if-match": read.headers.get("etag")! })).status).toBe(200);
    expect(events((await fetchFeed(department.token)).body)).toHaveLength(5);
    // A version published before versions kept their input is read against today's input, where Cat's
    // shifts can no longer be placed: they are left out, and that is logged.
    const { v } = h.store.db.prepare("SELECT MAX(version) + 1 AS v FROM schedules WHERE site_id = 'test'").get() as { v: number };
    h.store.db
      .prepare("INSERT INTO schedules (id, site_id, status, version, source, assignments, created_at, updated_at) VALUES ('legacy', 'test', 'published', ?, 'publish', ?, ?, ?)")
      .run(v, JSON.stringify(V1), new Date().toISOString(), new Date().toISOString());
    expect(events((await fetchFeed(department.token)).body)).toHaveLength(3);

    expect(h.logged.some((line) => line.startsWith("internal error: SyntaxError"))).toBe(true);
    expect(h.logged).toContainEqual(expect.stringMatching(new RegExp(`^calendar feed ${department.id} of site test: \\d+ published assignment\\(s\\) left out, e.g. versions\\[\\d+\\]`)));
    expect(issued.length).toBeGreaterThanOrEqual(8);
    for (const line of [...h.logged, ...written]) for (const token of issued) expect(line).not.toContain(token);
  });
});
