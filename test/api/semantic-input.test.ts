/**
 * Planning data that is well formed but means nothing a schedule can use, over real HTTP: each write is
 * refused with a 400 problem naming the field, nothing is stored, and nothing reaches a later analyze,
 * solve or feed (audit-input).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshSite, startHarness, testSite, type Harness } from "./harness.js";

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
  admin = h.token("admin");
});
afterAll(async () => {
  expect(h.logged).toEqual([]);
  await h.close();
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
});
