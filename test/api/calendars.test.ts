/**
 * Calendar feeds over real HTTP (issue 6), every response checked against the OpenAPI document: a feed
 * read back with ical.js holds exactly the published instants of its scope (never a draft), re-publishing
 * keeps UIDs and raises SEQUENCE of a moved shift, ETag/304 and invalidation by publish or input change,
 * one build for clients asking at once for a feed not yet built (its failure theirs too, and not kept),
 * and the security promises: one identical 404 for wrong, revoked and rotated tokens, no one else's
 * shifts, no managing another person's feed, and no token in anything the app logs.
 */
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Assignment, PlanningInput } from "../../models/index.js";
import type { CheckerPool, CheckerTask } from "../../src/jobs/checker-worker.js";
import { WorkerExitedError } from "../../src/jobs/worker-errors.js";
import { SYSTEM } from "../../src/store/audit.js";
import { startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
const t = {} as Record<"admin" | "manager" | "otherManager" | "hr" | "ann" | "ben", string>;
/** Every feed token handed out, so the end can check none reached a log. */
const issued: string[] = [];
/** Everything written to stderr or the console during the file, beside the app's own log. */
const written: string[] = [];

const site = testSite("test", 3);
const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });
const V1 = [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-03", "E8"), slot("B", "2026-03-03", "D8"), slot("C", "2026-03-02", "T12"), slot("C", "2026-03-03", "IV10")];

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation((...args) => void written.push(args.join(" ")));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  h = await startHarness();
  h.store.sites.create(site, SYSTEM);
  h.store.sites.create(testSite("other"), SYSTEM);
  const draft = h.store.schedules.createDraft("test", V1, "manual", undefined, SYSTEM);
  h.store.schedules.publish("test", draft.id, SYSTEM);
  // A later draft nobody publishes: its night shift must never reach a feed.
  h.store.schedules.updateDraft("test", draft.id, [...V1, slot("A", "2026-03-04", "N8")], SYSTEM, "test.edit");
  Object.assign(t, {
    admin: h.token("admin"), manager: h.token("manager", "test"), otherManager: h.token("manager", "other"), hr: h.token("hr", "test"),
    ann: h.token("staff", "test", "A"), ben: h.token("staff", "test", "B"),
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.close();
});

/** Create a feed through the API; returns the answer and remembers the token. */
async function createFeed(path: string, token: string, body?: unknown) {
  const res = await h.api.request("POST", path, { token, ...(body !== undefined ? { body } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  issued.push(res.body.token);
  return res.body as { id: string; token: string; url: string; webcalUrl: string };
}

const feedPath = (token: string): string => `/calendars/${token}.ics`;

interface ParsedEvent { uid: string; sequence: number; start: string; end: string; stamp: string; summary: string; description: string }

function events(ics: string): ParsedEvent[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid, sequence: event.sequence, summary: event.summary, description: event.description,
      start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(),
      stamp: (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString(),
    };
  });
}

/** The instants of assignments from the site's wall-clock templates, computed here with luxon alone. */
function instants(assignments: Assignment[]): string[] {
  return assignments.map((a) => {
    const template = site.shiftTemplates.find((x) => x.id === a.template)!;
    const start = DateTime.fromISO(`${a.date}T${template.start}`, { zone: site.site.timeZone });
    return `${start.toJSDate().toISOString()}/${start.plus({ minutes: template.lengthMinutes }).toJSDate().toISOString()}`;
  }).sort();
}
const eventInstants = (list: ParsedEvent[]): string[] => list.map((e) => `${e.start}/${e.end}`).sort();

async function fetchFeed(token: string, ifNoneMatch?: string) {
  return h.api.request("GET", feedPath(token), ifNoneMatch ? { headers: { "if-none-match": ifNoneMatch } } : {});
}

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
    expect(ben.map((e) => e.summary)).toEqual(["Central pharmacy — Day 07:00–15:30"]);
    expect(ann.every((e) => e.description.includes("Staff: Ann"))).toBe(true);
    expect(ben.every((e) => e.description.includes("Staff: Ben"))).toBe(true);
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
    // A later version of the next period speaks for its own dates only: the 6th is dropped, this period stays.
    await publish([slot("A", "2026-03-05", "D8")]);
    expect(events((await fetchFeed(feed.token)).body).map((e) => e.start)).toEqual(both.slice(0, 3).map((e) => e.start));
    expect((await h.api.get("/sites/later/staff/A/assignments", manager())).body.assignments.map((x: Assignment) => x.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-05"]);
  });
});

describe("clients asking at once for a feed not built yet", () => {
  /**
   * Feed builds the checker is asked for, counted and each held until `release` (with an error: each fails
   * with it, as a build whose worker died), the rest of its work untouched.
   */
  function holdFeedBuilds(): { builds: () => number; release: (error?: Error) => void; restore: () => void } {
    const run = h.checker.run.bind(h.checker);
    let release!: (error?: Error) => void;
    const released = new Promise<Error | undefined>((resolve) => (release = resolve));
    let builds = 0;
    const spy = vi.spyOn(h.checker, "run").mockImplementation((async (task: CheckerTask) => {
      if (task.op !== "feed") return run(task);
      builds++;
      const error = await released;
      if (error) throw error;
      return run(task);
    }) as CheckerPool["run"]);
    // A test that fails before releasing them must not leave its requests waiting for ever.
    return { builds: () => builds, release, restore: () => (release(), spy.mockRestore()) };
  }

  /**
   * Resolves once the feed route has read a site's state `count` times more (each request's first step
   * after its token; what follows up to a build, or to waiting for one, runs before this resolves).
   */
  function untilStateReads(count: number): Promise<void> {
    const read = h.store.feeds.sourceState.bind(h.store.feeds);
    let reads = 0;
    return new Promise((resolve) => {
      const spy = vi.spyOn(h.store.feeds, "sourceState").mockImplementation((siteId) => {
        const state = read(siteId);
        if (++reads === count) {
          spy.mockRestore();
          resolve();
        }
        return state;
      });
    });
  }

  /** A site of its own with V1 published, and a department feed of it. */
  async function publishedFeed(id: string): Promise<{ token: string }> {
    h.store.sites.create(testSite(id, 3), SYSTEM);
    const draft = h.store.schedules.createDraft(id, V1, "manual", undefined, SYSTEM);
    expect(h.store.schedules.publish(id, draft.id, SYSTEM).ok).toBe(true);
    return createFeed(`/sites/${id}/feeds`, t.admin, { scope: "department" });
  }

  it("builds it once, and both get that build", async () => {
    const feed = await publishedFeed("together");
    const held = holdFeedBuilds();
    try {
      const both = untilStateReads(2);
      const answers = [fetchFeed(feed.token), fetchFeed(feed.token)];
      await both;
      expect(held.builds()).toBe(1);
      held.release();
      const [first, second] = await Promise.all(answers);
      expect([first!.status, second!.status]).toEqual([200, 200]);
      expect(second!.body).toBe(first!.body);
      expect(second!.headers.get("etag")).toBe(first!.headers.get("etag"));
      expect(eventInstants(events(first!.body))).toEqual(instants(V1));
      expect(held.builds()).toBe(1);
    } finally {
      held.restore();
    }
  });

  it("gives both the one build's failure, and keeps none of it: the next request builds again", async () => {
    const feed = await publishedFeed("apart");
    const logged = h.logged.length;
    const failing = holdFeedBuilds();
    try {
      const both = untilStateReads(2);
      const answers = [fetchFeed(feed.token), fetchFeed(feed.token)];
      await both;
      failing.release(new WorkerExitedError(70));
      const [first, second] = await Promise.all(answers);
      expect([first!.status, second!.status]).toEqual([503, 503]);
      expect(first!.body.detail).toBe("the checker's worker thread stopped (exit code 70) while working on this request; a new one takes its place: try again");
      expect(second!.body).toEqual(first!.body);
      expect(failing.builds()).toBe(1);
      expect(h.logged.slice(logged)).toEqual(["checker worker died: the worker thread exited with code 70 before answering"]);
    } finally {
      failing.restore();
    }
    const again = holdFeedBuilds();
    try {
      again.release();
      const res = await fetchFeed(feed.token);
      expect(res.status).toBe(200);
      expect(eventInstants(events(res.body))).toEqual(instants(V1));
      expect(again.builds()).toBe(1);
    } finally {
      again.restore();
    }
  });
});
