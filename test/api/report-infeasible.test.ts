/**
 * An FTE report job over real HTTP on a site no schedule can keep every hard rule of: the job succeeds
 * with a report that names the conflicts the optimizer found (JSON rows, noRecommendation, CSV), never a
 * solve that ran out of time with advice to run longer (QA finding 3, seen over the API too). An hr token
 * reads the conflicts without a person's leave reason or dates, in every format (QA 3, S1: it read
 * "approved leave (FMLA - pregnancy complications) …"); the site's manager reads them whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/store/audit.js";
import { patchStaff } from "../fixtures/patch.js";
import { closeAndCheckLogs, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

const BEN = "Ben: approved leave (surgery recovery) 2026-03-02 to 2026-03-04 and contract minimum of 2,400 paid minutes over the horizon cannot both hold";
/** The same conflict as an hr token reads it. */
const BEN_FOR_HR = "Ben: approved leave and contract minimum of 2,400 paid minutes over the horizon cannot both hold";

let h: Harness;
let hr: string;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  // Ben is on leave the whole horizon, and his contract asks 2,400 paid minutes of him.
  h.store.sites.create(patchStaff(testSite(), "B", { leave: [{ start: "2026-03-01", end: "2026-03-31", reason: "surgery recovery" }], contract: { minMinutesPerHorizon: 2400 } }), SYSTEM);
  hr = h.token("hr", "test");
  manager = h.token("manager", "test");
});
afterAll(async () => {
  try {
    await h.queue.drain();
  } finally {
    await closeAndCheckLogs(h);
  }
});

describe("an FTE report job on a site no schedule can keep every hard rule of", () => {
  it("serves a report naming the conflicts, in JSON and CSV, with no advice to run longer; to hr without the leave's reason or dates", async () => {
    const res = await h.api.post("/sites/test/reports/fte", { hire: "tech2:1.0", maxHires: 1, timeLimitSeconds: 3, format: "json" }, hr);
    expect(res.status).toBe(202);
    const job = await waitForJob(h.api, res.body.id, hr, 60_000);
    expect(job.status).toBe("succeeded");
    const path = `/sites/test/reports/fte/${job.reportId}`;

    const json = await h.api.get(path, manager);
    const whatIf = json.body.whatIf;
    expect(whatIf.rows.map((r: { status: string }) => r.status)).toEqual(["infeasible", "infeasible"]);
    expect(whatIf.rows[0].conflicts).toEqual([expect.objectContaining({ rules: ["leave.approved", "hours.horizon-band"], subjects: { staff: "B" }, message: BEN, proven: true })]);
    expect(whatIf.rows[0].conflictsComplete).toBe(true);
    expect(whatIf.recommendedHires).toBeUndefined();
    expect(whatIf.noRecommendation).toMatch(/^no schedule with today's staff keeps every hard rule, so no hire can be weighed against one\. The hard rules cannot all hold\. /);
    expect(whatIf.noRecommendation).toContain(`${BEN} [leave.approved, hours.horizon-band].`);

    const csv = await h.api.get(`${path}?format=csv`, manager);
    expect(csv.body.split("\r\n")).toContain(`what-if,,,,0,hard rules in conflict,"${BEN} [leave.approved, hours.horizon-band]",`);
    for (const body of [JSON.stringify(json.body), csv.body]) expect(body).not.toContain("Run again with a longer time limit");

    // The hr token that asked for the report: the same conflicts, without the leave's reason or dates.
    const forHr = await h.api.get(path, hr);
    expect(forHr.body.whatIf.rows[0].conflicts).toEqual([expect.objectContaining({ message: BEN_FOR_HR, sides: ["approved leave", "contract minimum of 2,400 paid minutes over the horizon"] })]);
    expect(forHr.body.whatIf.noRecommendation).toContain(`${BEN_FOR_HR} [leave.approved, hours.horizon-band].`);
    const csvForHr = await h.api.get(`${path}?format=csv`, hr);
    expect(csvForHr.body.split("\r\n")).toContain(`what-if,,,,0,hard rules in conflict,"${BEN_FOR_HR} [leave.approved, hours.horizon-band]",`);
    const htmlForHr = await h.api.get(`${path}?format=html`, hr);
    expect(htmlForHr.body as string).toContain(BEN_FOR_HR);
    for (const body of [JSON.stringify(forHr.body), csvForHr.body, htmlForHr.body as string]) {
      expect(body).not.toContain("surgery recovery");
      expect(body).not.toContain("approved leave (");
    }
  }, 90_000);
});
