/**
 * FTE reports over real HTTP (every response checked against the OpenAPI document): the productivity view
 * answered at once with the CLI's figures, a what-if job on the three-day test world fetched in every
 * format, and bad settings refused naming the field. Who may call the routes is in roles.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanningInputSchema, type PlanningInput } from "../../models/index.js";
import { run } from "../../src/cli/main.js";
import { SYSTEM } from "../../src/store/audit.js";
import { closeAndCheckLogs, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

/** The test site with FTE settings, so the productivity view has fixed hours and budgets to compare. */
function reportSite(): PlanningInput {
  return PlanningInputSchema.parse({
    ...testSite(),
    fte: {
      productiveShare: 0.85,
      fixedActivities: [
        { name: "Clinical rounds", roleFamily: "pharmacist", level: "rph", hoursPerPayPeriod: 20 },
        { name: "Training", roleFamily: "technician", hoursPerPayPeriod: 6 },
      ],
      budgetedFte: { rph: 2, tech1: 1, tech2: 1 },
      benefitsLoad: 0.25,
    },
  });
}

let h: Harness;
let dir: string;
let manager: string;
let hr: string;
beforeAll(async () => {
  h = await startHarness();
  h.store.sites.create(reportSite(), SYSTEM);
  manager = h.token("manager", "test");
  hr = h.token("hr", "test");
  dir = mkdtempSync(join(tmpdir(), "rxroster-report-"));
});
afterAll(async () => {
  try {
    await h.queue.drain();
  } finally {
    try {
      await closeAndCheckLogs(h);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

describe("the productivity view", () => {
  it("answers the same figures as rxroster report fte for the same input", async () => {
    const file = join(dir, "site.json");
    writeFileSync(file, JSON.stringify(h.store.sites.get("test")!.input));
    const out: string[] = [];
    const code = await run(["report", "fte", file, "--max-hires", "0", "--time-limit", "1", "--format", "json"], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    const cli = JSON.parse(out.join("\n"));

    const res = await h.api.get("/sites/test/reports/fte", hr);
    expect(res.status).toBe(200);
    expect(res.body.productivity).toEqual(cli.productivity);
    expect(res.body.settings).toEqual(cli.settings);
    const rph = res.body.productivity.roleFamilies.find((f: { roleFamily: string }) => f.roleFamily === "pharmacist");
    // 20 h of rounds per pay period over 3 days: 20 × 3/14 h.
    expect(rph.fixedHours).toBeCloseTo((20 * 3) / 14, 9);

    const posted = await h.api.post("/sites/test/reports/fte", { maxHires: 0 }, manager);
    expect(posted.status).toBe(200);
    expect(posted.body.productivity).toEqual(cli.productivity);
  });

  it("builds at most two views at once however many are asked for", async () => {
    // Eight requests: four for the site as it is, four for four other sites (other inputs).
    for (let i = 1; i <= 4; i++) h.store.sites.create({ ...reportSite(), site: { ...reportSite().site, id: `view${i}` } }, SYSTEM);
    const paths = [..."0000"].map(() => "/sites/test/reports/fte").concat([1, 2, 3, 4].map((i) => `/sites/view${i}/reports/fte`));
    const answers = await Promise.all(paths.map((path) => h.api.get(path, h.token("admin"))));
    expect(answers.map((r) => r.status)).toEqual(paths.map(() => 200));
    expect(answers.slice(1, 4).map((r) => r.body)).toEqual(answers.slice(0, 3).map(() => answers[0]!.body));
    // Built in the checker's workers, two at most (the harness's pool): they stay, so the count is the
    // most that ever ran at once (how many overlap below it depends on timing, so it is not asserted).
    expect(h.checker.size).toBe(2);
    expect(h.checker.stats().workers).toBeGreaterThanOrEqual(1);
    expect(h.checker.stats().workers).toBeLessThanOrEqual(h.checker.size);
    expect(h.checker.stats()).toMatchObject({ busy: 0, waiting: 0 });
  });
});

describe("a what-if report job", () => {
  let reportId: string;

  it("runs off the request, reports progress, and serves its report as HTML, JSON and CSV", async () => {
    const res = await h.api.post("/sites/test/reports/fte", { hire: "tech1:1.0:day", maxHires: 1, timeLimitSeconds: 2.5, format: "html" }, hr);
    expect(res.status).toBe(202);
    expect(res.body.kind).toBe("fte-report");
    expect(res.headers.get("location")).toBe(`/jobs/${res.body.id}`);
    // A double click, or the manager asking the same meanwhile: that job, not a second report's solves.
    const again = await h.api.post("/sites/test/reports/fte", { hire: "tech1:1.0:day", maxHires: 1, timeLimitSeconds: 2.5, format: "html" }, manager);
    expect([again.status, again.body.id, again.headers.get("location")]).toEqual([200, res.body.id, `/jobs/${res.body.id}`]);
    const job = await waitForJob(h.api, res.body.id, hr, 60_000);
    expect(job.status).toBe("succeeded");
    expect(job.progress).toMatchObject({ solvesDone: 2, solvesTotal: 2 });
    reportId = job.reportId;
    const path = `/sites/test/reports/fte/${job.reportId}`;

    const html = await h.api.get(path, hr);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.body).toMatch(/^<!DOCTYPE html>/i);
    expect(html.body).toContain("<svg");

    const json = await h.api.get(`${path}?format=json`, manager);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    // IV10 is a day template too, but it needs sterile compounding, which Technician I lacks.
    expect(json.body.whatIf.hire).toMatchObject({ level: "tech1", fte: 1, pattern: "day", templates: ["T12"] });
    expect(json.body.whatIf.rows.map((r: { hires: number }) => r.hires)).toEqual([0, 1]);
    expect(json.body.provenance.source).toBe("site test, revision 1");
    expect(json.body.whatIf.timeLimitSeconds).toBe(2.5);

    const csv = await h.api.get(`${path}?format=csv`, manager);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.body.split("\r\n")[0]).toBe("section,role_family,level,area,hires,measure,value,unit");
    expect(csv.body).toContain("what-if,,tech1,,,hire FTE,1,FTE");
    // A report does not stop early: its later what-ifs would have no schedule.
    const stop = await h.api.post(`/jobs/${job.id}/stop`, undefined, manager);
    expect(stop.status).toBe(409);
    expect(stop.body.detail).toMatch(/cannot stop early/);
  });

  it("answers 404 for a report of another site's path or an unknown id", async () => {
    expect((await h.api.get("/sites/test/reports/fte/no-such-report", hr)).status).toBe(404);
    h.store.sites.create({ ...reportSite(), site: { ...reportSite().site, id: "elsewhere" } }, SYSTEM);
    expect(reportId).toEqual(expect.any(String));
    const admin = h.token("admin");
    expect((await h.api.get(`/sites/test/reports/fte/${reportId}`, admin)).status).toBe(200);
    expect((await h.api.get(`/sites/elsewhere/reports/fte/${reportId}`, admin)).status).toBe(404);
  });
});

describe("bad settings", () => {
  const cases: { name: string; body: unknown; path: string }[] = [
    { name: "an unknown level", body: { hire: "chief:1.0" }, path: "hire.level" },
    { name: "a hire without an FTE", body: { hire: "rph" }, path: "hire" },
    { name: "a structured hire over 1.5 FTE", body: { hire: { level: "rph", fte: 3 } }, path: "hire.fte" },
    { name: "an unknown pattern", body: { hire: "rph:1:brunch" }, path: "hire.pattern" },
    { name: "a hire qualified for no template of the pattern", body: { hire: "tech1:1.0:IV10" }, path: "hire.pattern" },
    { name: "too many hires", body: { maxHires: 6 }, path: "maxHires" },
    { name: "a time limit over the cap", body: { maxHires: 1, timeLimitSeconds: 601 }, path: "timeLimitSeconds" },
    { name: "an unknown format", body: { format: "pdf" }, path: "format" },
    { name: "csv without a what-if", body: { maxHires: 0, format: "csv" }, path: "format" },
    { name: "an unknown setting", body: { hires: 2 }, path: "hires" },
  ];
  it.each(cases)("refuses $name with a problem naming the field", async ({ body, path }) => {
    const res = await h.api.post("/sites/test/reports/fte", body, manager);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("refuses a query format the productivity view does not have, and unknown query parameters", async () => {
    const csv = await h.api.get("/sites/test/reports/fte?format=csv", hr);
    expect(csv.status).toBe(400);
    // Why, as POST with maxHires 0 says it, not zod's "Invalid input: expected \"json\"".
    expect(csv.body.errors).toEqual([{ path: "format", message: "the productivity view is json; csv and html come with a what-if report (maxHires 1 or more)", value: "csv" }]);
    expect((await h.api.get("/sites/test/reports/fte?maxHires=2", hr)).status).toBe(400);
    expect((await h.api.get(`/sites/test/reports/fte/x?format=pdf`, hr)).status).toBe(400);
  });

  it("names a query parameter given twice as such, with what was given", async () => {
    const twice = await h.api.get("/sites/test/reports/fte?format=html&format=json", hr);
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: "format", message: "is given more than once: give it once", value: ["html", "json"] }]);
  });
});
