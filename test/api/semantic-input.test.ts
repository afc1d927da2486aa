/**
 * Planning data that is well formed but means nothing a schedule can use, over real HTTP: each write is
 * refused with a 400 problem naming the field, nothing is stored, and nothing reaches a later analyze,
 * solve or feed (audit-input).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAndCheckLogs, freshSite, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
  admin = h.token("admin");
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

/** Replace one part of a fresh site on its current revision; the answer and the site's revision after. */
async function putPart(part: string, change: (body: any) => unknown) {
  const { id, token } = freshSite(h);
  const read = await h.api.get(`/sites/${id}/${part}`, token);
  const res = await h.api.put(`/sites/${id}/${part}`, change(read.body), token, { "if-match": read.headers.get("etag")! });
  return { res, revision: h.store.sites.get(id)!.revision };
}

describe("semantic refusals of site writes", () => {
  it("refuses an hourly rate above 10,000 dollars (a rate of 1e308 answered analyze with null costs)", async () => {
    const input = testSite("rich");
    const created = await h.api.post("/sites", { ...input, staff: [{ ...input.staff[0]!, hourlyRate: 1e308 }, ...input.staff.slice(1)] }, admin);
    expect(created.status).toBe(400);
    expect(created.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(created.body.errors).toEqual([{ path: "staff[0].hourlyRate", message: "must be at most 10,000 dollars an hour", value: 1e308 }]);
    expect(h.store.sites.get("rich")).toBeUndefined();
  });

  it("refuses a history shift more than 366 days before the horizon (a year's typo made an analyze take minutes)", async () => {
    const { res, revision } = await putPart("staff", (staff) => [{ ...staff[0], history: [{ date: "0026-03-01", template: "D8" }] }, ...staff.slice(1)]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "staff[0].history[0].date", message: "must be at most 366 days before horizon.start (2026-03-02): no rule looks back further", value: "0026-03-01" }]);
    expect(revision).toBe(1);
  });

  it("refuses a rule parameter above the minutes of 366 days (1e308 made the rest penalty Infinity)", async () => {
    const { res, revision } = await putPart("rules", (rules) => ({ ...rules, "rest.min-between-shifts": { params: { minRestMinutes: 1e308 } } }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "rules.rest.min-between-shifts.params.minRestMinutes", message: "must be at most 527,040 (the minutes in 366 days: no rule counts further)", value: 1e308 }]);
    expect(revision).toBe(1);
  });

  it("echoes a number too large for a double as Infinity, not as null (JSON.parse reads 1e400 as Infinity)", async () => {
    const { id, token } = freshSite(h);
    const read = await h.api.get(`/sites/${id}/rules`, token);
    const body = JSON.stringify({ ...read.body, "rest.min-between-shifts": { params: { minRestMinutes: 424242 } } }).replace("424242", "1e400");
    const res = await h.api.request("PUT", `/sites/${id}/rules`, { rawBody: body, token, headers: { "if-match": read.headers.get("etag")! } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "rules.rest.min-between-shifts.params.minRestMinutes", message: expect.any(String), value: "Infinity" }]);
    expect(h.store.sites.get(id)!.revision).toBe(1);
  });

  it("names a part's field as the whole site does, whichever check refuses it (`staff[0].fte`, not `[0].fte`)", async () => {
    const bySchema = await putPart("staff", (staff) => [{ ...staff[0], fte: "full" }, ...staff.slice(1)]);
    expect(bySchema.res.status).toBe(400);
    expect(bySchema.res.body.errors).toEqual([{ path: "staff[0].fte", message: expect.any(String), value: "full" }]);
    const bySite = await putPart("staff", (staff) => [{ ...staff[0], history: [{ date: "0026-03-01", template: "D8" }] }, ...staff.slice(1)]);
    expect(bySite.res.body.errors).toEqual([expect.objectContaining({ path: "staff[0].history[0].date" })]);
    const whole = await putPart("rules", () => "none");
    expect(whole.res.body.errors ?? []).toEqual([]);
    expect(whole.res.body.detail).toBe("the request body must be a JSON object, not a string");
    expect([bySchema.revision, bySite.revision, whole.revision]).toEqual([1, 1, 1]);
  });

  it("refuses a slot line on a day its template does not run (it was stored and dropped from every check)", async () => {
    const { id, token } = freshSite(h);
    const read = await h.api.get(`/sites/${id}`, token);
    const input = read.body.input;
    const shiftTemplates = input.shiftTemplates.map((t: { id: string }) => (t.id === "IV10" ? { ...t, weekdays: [2, 3, 4, 5] } : t));
    const slotDemand = [{ template: "IV10", date: "2026-03-03", required: 1 }, { template: "IV10", date: "2026-03-02", required: 2 }];
    const res = await h.api.put(`/sites/${id}`, { ...input, shiftTemplates, slotDemand }, token, { "if-match": read.headers.get("etag")! });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "slotDemand[1].date", message: "is a Monday, when IV10 does not run (its weekdays: 2, 3, 4, 5): nobody could fill the line", value: "2026-03-02" }]);
    expect(h.store.sites.get(id)!.revision).toBe(1);
  });

  it("refuses a person's shift-on request for a template they may not work, named from their body (it was stored and only cost its weight)", async () => {
    const { id } = freshSite(h);
    const ann = h.token("staff", id, "A");
    const read = await h.api.get(`/sites/${id}/staff/A/requests`, ann);
    const res = await h.api.put(`/sites/${id}/staff/A/requests`, [{ kind: "shift-on", date: "2026-03-03", template: "T12", weight: 3 }], ann, { "if-match": read.headers.get("etag")! });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "[0].template", message: "Ann may not work Tech day (T12): it is technician work and Ann is a pharmacist (Pharmacist); ask for a shift Ann may work" }]);
    expect(h.store.sites.get(id)!.revision).toBe(1);
  });

  it("refuses a shift-on request on a weekday its template does not run, as candidates names the day", async () => {
    const { id, token } = freshSite(h);
    const read = await h.api.get(`/sites/${id}`, token);
    const input = read.body.input;
    const shiftTemplates = input.shiftTemplates.map((t: { id: string }) => (t.id === "IV10" ? { ...t, weekdays: [2, 3, 4, 5] } : t));
    const staff = input.staff.map((m: { id: string }) => (m.id === "C" ? { ...m, requests: [{ kind: "shift-on", date: "2026-03-02", template: "IV10", weight: 2 }] } : m));
    const res = await h.api.put(`/sites/${id}`, { ...input, shiftTemplates, staff }, token, { "if-match": read.headers.get("etag")! });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "staff[2].requests[0].date", message: "is a Monday, when IV10 does not run (it runs on Tuesday, Wednesday, Thursday, Friday): the request could never be granted", value: "2026-03-02" }]);
    expect(h.store.sites.get(id)!.revision).toBe(1);
  });

  it("refuses a person's shift-on request on a date of their approved leave, named from their body", async () => {
    const { id, token } = freshSite(h);
    const leave = await h.api.get(`/sites/${id}/staff/A/leave`, token);
    const given = await h.api.put(`/sites/${id}/staff/A/leave`, [{ start: "2026-03-03", end: "2026-03-04", reason: "vacation" }], token, { "if-match": leave.headers.get("etag")! });
    expect(given.status).toBe(200);
    const ann = h.token("staff", id, "A");
    const read = await h.api.get(`/sites/${id}/staff/A/requests`, ann);
    const res = await h.api.put(`/sites/${id}/staff/A/requests`, [{ kind: "shift-on", date: "2026-03-04", template: "D8", weight: 3 }], ann, { "if-match": read.headers.get("etag")! });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: "[0].date", message: "Ann is on approved leave that day (vacation, 2026-03-03 to 2026-03-04), and no shift may start on a day of leave: the request could never be granted", value: "2026-03-04" }]);
    expect(h.store.sites.get(id)!.revision).toBe(2);
  });

  it("refuses a shift-on request for a template its person's contract forbids, written with the contract", async () => {
    const { res, revision } = await putPart("staff", (staff) => [
      { ...staff[0], contract: { maxShiftsPerTemplate: { N8: 0 } }, requests: [{ kind: "shift-on", date: "2026-03-04", template: "N8", weight: 2 }] },
      ...staff.slice(1),
    ]);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: "staff[0].requests[0].template", message: "Ann may not work Night (N8): Ann's contract forbids it (contract.maxShiftsPerTemplate.N8 is 0); ask for a shift Ann may work" }]);
    expect(revision).toBe(1);
  });

  it("reads a site stored with such a request as it is, and takes the next writes while it stands; a new one is refused", async () => {
    const { id, token } = freshSite(h);
    // Stored before requests were judged: written to the database as it was.
    const stored = h.store.sites.get(id)!.input;
    const asked = { kind: "shift-on" as const, date: "2026-03-03", template: "T12", weight: 3 };
    h.store.db.prepare("UPDATE sites SET input = ? WHERE id = ?").run(JSON.stringify({ ...stored, staff: stored.staff.map((m) => (m.id === "A" ? { ...m, requests: [asked] } : m)) }), id);
    const ann = h.token("staff", id, "A");
    const read = await h.api.get(`/sites/${id}/staff/A/requests`, ann);
    expect(read.body).toEqual([asked]);
    // A manager's write of another part is taken while the request stands (it was judged, or not, when made).
    const rules = await h.api.get(`/sites/${id}/rules`, token);
    expect((await h.api.put(`/sites/${id}/rules`, rules.body, token, { "if-match": rules.headers.get("etag")! })).status).toBe(200);
    // Ann's own write keeps it, weight changed, beside a new request she may be granted...
    const mine = await h.api.get(`/sites/${id}/staff/A/requests`, ann);
    const kept = await h.api.put(`/sites/${id}/staff/A/requests`, [{ ...asked, weight: 5 }, { kind: "day-off", date: "2026-03-05", weight: 2 }], ann, { "if-match": mine.headers.get("etag")! });
    expect(kept.status).toBe(200);
    // ...but a new request of the same kind, another date, is judged and refused.
    const again = await h.api.put(`/sites/${id}/staff/A/requests`, [{ ...asked, weight: 5 }, { ...asked, date: "2026-03-04" }], ann, { "if-match": kept.headers.get("etag")! });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ path: "[1].template", message: expect.stringMatching(/^Ann may not work Tech day \(T12\)/) }]);
    expect(h.store.sites.get(id)!.revision).toBe(3);
  });

  it("takes a call-out recorded as leave on a day the person had asked to work: the request stands, not granted", async () => {
    const { id, token } = freshSite(h);
    const ann = h.token("staff", id, "A");
    const read = await h.api.get(`/sites/${id}/staff/A/requests`, ann);
    const asked = { kind: "shift-on", date: "2026-03-04", template: "D8", weight: 3 };
    expect((await h.api.put(`/sites/${id}/staff/A/requests`, [asked], ann, { "if-match": read.headers.get("etag")! })).status).toBe(200);
    const leave = await h.api.get(`/sites/${id}/staff/A/leave`, token);
    const callOut = await h.api.put(`/sites/${id}/staff/A/leave`, [{ start: "2026-03-04", end: "2026-03-04", reason: "sick call" }], token, { "if-match": leave.headers.get("etag")! });
    expect(callOut.status).toBe(200);
    expect((await h.api.get(`/sites/${id}/staff/A/requests`, ann)).body).toEqual([asked]);
    const analyzed = await h.api.post(`/sites/${id}/schedules/analyze`, { assignments: [] }, token);
    expect(analyzed.body.violations.filter((v: { rule: string }) => v.rule === "requests.shift-on")).toHaveLength(1);
  });
});

describe("a staff member's own write on a site whose stored data a later check refuses", () => {
  /** A fresh site where B's requests hold the same day off twice, as a release before that check stored them. */
  function siteWithStaleRequests(): { id: string; manager: string } {
    const { id, token } = freshSite(h);
    const input = h.store.sites.get(id)!.input;
    const stale = { ...input, staff: input.staff.map((s) => (s.id === "B" ? { ...s, requests: [0, 1].map(() => ({ kind: "day-off", date: "2026-03-03", weight: 4 })) } : s)) };
    h.store.db.prepare("UPDATE sites SET input = ? WHERE id = ?").run(JSON.stringify(stale), id);
    return { id, manager: token };
  }

  it("tells a staff token the site needs its manager, without quoting a colleague's data (qa5 F5)", async () => {
    const { id } = siteWithStaleRequests();
    const staffA = h.token("staff", id, "A");
    const read = await h.api.get(`/sites/${id}/staff/A/requests`, staffA);
    const res = await h.api.put(`/sites/${id}/staff/A/requests`, [{ kind: "day-off", date: "2026-03-04", weight: 3 }], staffA, { "if-match": read.headers.get("etag")! });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe("the site's planning data has 1 problem outside A's own data, which only the site's manager can fix: nothing was stored; ask the manager");
    expect(JSON.stringify(res.body)).not.toMatch(/2026-03-03|staff\[1\]/);
    expect(h.store.sites.get(id)!.input.staff.find((s) => s.id === "A")!.requests).toEqual([]);
  });

  it("still names the staff token's own problems, and every problem to the manager", async () => {
    const { id, manager } = siteWithStaleRequests();
    const staffA = h.token("staff", id, "A");
    const read = await h.api.get(`/sites/${id}/staff/A/requests`, staffA);
    const twice = [0, 1].map(() => ({ kind: "day-off", date: "2026-03-04", weight: 3 }));
    const own = await h.api.put(`/sites/${id}/staff/A/requests`, twice, staffA, { "if-match": read.headers.get("etag")! });
    expect(own.status).toBe(409);
    expect(own.body.errors.map((e: { path: string }) => e.path)).toEqual(["[1]"]);
    const byManager = await h.api.put(`/sites/${id}/staff/A/requests`, twice, manager, { "if-match": read.headers.get("etag")! });
    expect(byManager.status).toBe(400);
    expect(byManager.body.errors.map((e: { path: string }) => e.path)).toEqual(["[1]", "staff[1].requests[1]"]);
  });
});
