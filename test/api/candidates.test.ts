/**
 * `GET /sites/{siteId}/schedules/{scheduleId}/candidates?date=…&shift=…` over real HTTP, every response
 * checked against the OpenAPI document: the ranking, a manager's read but never an hr or a staff token's,
 * and a bad query named by field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, freshSite, startHarness, type Harness } from "./harness.js";

let h: Harness;
let site: { id: string; token: string };
let scheduleId: string;
const path = (query: string) => `/sites/${site.id}/schedules/${scheduleId}/candidates${query}`;

beforeAll(async () => {
  h = await startHarness();
  site = freshSite(h);
  // The test site's three days, 2026-03-02 to 04: Ann works the Tuesday evening.
  scheduleId = h.store.schedules.createDraft(site.id, [{ staff: "A", date: "2026-03-03", template: "E8", locked: false }], "manual", undefined, SYSTEM).id;
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("GET …/schedules/{scheduleId}/candidates", () => {
  it("ranks who could take the open shift and says why the others may not", async () => {
    const res = await h.api.get(path("?date=2026-03-03&shift=D8"), site.token);
    expect(res.status).toBe(200);
    expect(res.body.shift).toMatchObject({ date: "2026-03-03", template: "D8", area: "central", paidHours: 8 });
    expect(res.body.calledOut).toEqual([]);
    // Ben is the one pharmacist free: his shift covers the pharmacist floor's 8 h (07:00–15:00).
    expect(res.body.candidates.map((c: { staff: string }) => c.staff)).toEqual(["B"]);
    expect(res.body.candidates[0]).toMatchObject({ laborDollarsChange: 8 * 58, overtimeHoursAdded: 0, coverageGainedStaffHours: 8 });
    expect(res.body.excluded.map((e: { staff: string; rule: string }) => `${e.staff} ${e.rule}`)).toEqual(["A shift.one-per-day", "C shift.eligibility", "D shift.eligibility"]);
  });

  it("is a manager's read: an hr token gets 403, and a staff token, even the person's own", async () => {
    expect((await h.api.get(path("?date=2026-03-03&shift=D8"), h.token("hr", site.id))).status).toBe(403);
    for (const who of ["A", "B"]) {
      const res = await h.api.get(path("?date=2026-03-03&shift=D8"), h.token("staff", site.id, who));
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("names each bad query field with a 400 problem", async () => {
    const missing = await h.api.get(path(""), site.token);
    expect(missing.status).toBe(400);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(["date", "shift"]);
    const unknown = await h.api.get(path("?date=2026-03-09&shift=XX"), site.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: "date", message: "must be within the horizon 2026-03-02…2026-03-04", value: "2026-03-09" },
      expect.objectContaining({ path: "shift", value: "XX" }),
    ]);
    const malformed = await h.api.get(path("?date=tomorrow&shift=D8&staff=A"), site.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path)).toEqual(["date", "staff"]);
  });

  it("is described in the OpenAPI document: its two required query parameters and the ranking's schema", async () => {
    const doc = (await h.api.get("/openapi.json")).body;
    const op = doc.paths["/sites/{siteId}/schedules/{scheduleId}/candidates"].get;
    const query = op.parameters.filter((p: { in: string }) => p.in === "query");
    expect(query.map((p: { name: string; required: boolean }) => `${p.name} ${p.required}`)).toEqual(["date true", "shift true"]);
    expect(op.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/CandidateRanking");
  });

  it("answers 409 naming the assignments when the schedule no longer fits the site (a leaver's shift)", async () => {
    const other = freshSite(h);
    const draft = h.store.schedules.createDraft(other.id, [{ staff: "B", date: "2026-03-02", template: "D8", locked: false }], "manual", undefined, SYSTEM);
    const staff = await h.api.get(`/sites/${other.id}/staff`, other.token);
    const left = staff.body.filter((m: { id: string }) => m.id !== "B");
    expect((await h.api.put(`/sites/${other.id}/staff`, left, other.token, { "if-match": staff.headers.get("etag")! })).status).toBe(200);
    const res = await h.api.get(`/sites/${other.id}/schedules/${draft.id}/candidates?date=2026-03-03&shift=D8`, other.token);
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "assignments[0].staff", value: "B" })]);
  });

  it("answers 404 for a schedule the site does not have", async () => {
    expect((await h.api.get(`/sites/${site.id}/schedules/nope/candidates?date=2026-03-03&shift=D8`, site.token)).status).toBe(404);
  });
});
