/**
 * A job's life beyond who may see it: the site revision it ran against (its draft is checked against that
 * input, not the site's when the solve ends), its last progress kept when it ends, a reason when it is
 * cancelled, a solve the shutdown could not stop in time interrupted, the cause of a worker's crash, a job
 * that cannot start failed at once, and the queue shared fairly between sites with a bound per site. (Audit findings 1–5, scratch/audit-jobs/REPORT.md.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PlanningInput } from "../../models/index.js";
import { SolveQueue } from "../../src/jobs/queue.js";
import { SYSTEM } from "../../src/store/audit.js";
import { openStore, type Store } from "../../src/store/store.js";
import { closeAndCheckLogs, freshSite as siteFor, startHarness, testSite, waitForJob, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ queue: { concurrency: 1, maxQueuedPerSite: 2 } });
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

const freshSite = () => siteFor(h);

const laterDayShift = (input: PlanningInput): PlanningInput => ({
  ...input,
  shiftTemplates: input.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, start: "07:30" } : t)),
});

describe("a solve job and the site it solved", () => {
  it("drafts against the revision it started on, says so, and warns when the site changed meanwhile; publishing then meets the changed shift times", async () => {
    const { id, token } = freshSite();
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5 }, token);
    expect(submitted.status).toBe(202);
    // The job read the site when it started (at once: the queue was empty); change a shift's time under it.
    expect(submitted.body).toMatchObject({ status: "running", siteRevision: 1 });
    const changed = h.store.sites.update(id, SYSTEM, "site.update", laterDayShift);
    expect(changed).toMatchObject({ ok: true, value: { revision: 2 } });

    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job).toMatchObject({ status: "succeeded", siteRevision: 1 });
    expect(job.result.warnings).toContainEqual(expect.stringMatching(/^the site changed while this job ran \(revision 1, now 2\)/));
    const draft = h.store.schedules.get(id, job.scheduleId)!;
    expect(draft.siteRevision).toBe(1);
    expect(draft.assignments.some((a) => a.template === "D8")).toBe(true);

    const read = await h.api.get(`/sites/${id}/schedules/${job.scheduleId}`, token);
    const published = await h.api.post(`/sites/${id}/schedules/${job.scheduleId}/publish`, undefined, token, { "if-match": read.headers.get("etag")! });
    expect(published.status).toBe(409);
    expect(published.body.detail).toMatch(/^shift times changed since the draft was made \(it was drafted at site revision 1, the site is at 2\)/);
  });

  it("gives no such warning when the site stayed as it was", async () => {
    const { id, token } = freshSite();
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5 }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job).toMatchObject({ status: "succeeded", siteRevision: 1 });
    expect(job.result.warnings ?? []).not.toContainEqual(expect.stringMatching(/site changed/));
  });
});

describe("a finished job's progress", () => {
  it("is the last progress the solve reported, not an older throttled write", async () => {
    const store = freshStore();
    const queue = new SolveQueue(store, { concurrency: 1, progressIntervalMs: 60_000 });
    queue.start();
    const job = queue.submit("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    const seen: unknown[] = [];
    const watcher = setInterval(() => {
      const live = queue.get(job.id);
      if (live?.status === "running" && live.progress) seen.push(live.progress);
    }, 5);
    await queue.drain();
    clearInterval(watcher);
    const done = store.jobs.get(job.id)!;
    expect(done.status).toBe("succeeded");
    // With one write a minute, only the first progress would be stored; the last one must be.
    expect(done.progress).toMatchObject({ incumbent: done.result!.objective });
    if (seen.length > 0) expect(done.progress!.elapsedSeconds).toBeGreaterThanOrEqual((seen.at(-1) as { elapsedSeconds: number }).elapsedSeconds);
    await queue.close();
  });
});

describe("cancelling", () => {
  it("says why a cancelled job ended: before it started, or while it ran with its schedule discarded", async () => {
    const store = freshStore();
    const queue = new SolveQueue(store, { concurrency: 1 });
    queue.start();
    const running = queue.submit("test", { timeLimitSeconds: 30, warmStart: false }, SYSTEM);
    const waiting = queue.submit("test", { timeLimitSeconds: 30, warmStart: false }, SYSTEM);
    expect(queue.cancel(waiting.id, SYSTEM)).toMatchObject({ status: "cancelled", error: "cancelled before it started" });
    expect(queue.cancel(running.id, SYSTEM)).toMatchObject({ status: "cancelled", error: expect.stringMatching(/^cancelled while it ran: its best schedule so far was discarded/) });
    await queue.drain();
    await queue.close();
  });
});

describe("a shutdown", () => {
  it("ends a running solve that has not answered its stop within the grace as interrupted, ends its worker, and says so", async () => {
    const store = freshStore();
    const queue = new SolveQueue(store, { concurrency: 1, shutdownGraceMs: 100 });
    queue.start();
    const job = queue.submit("test", { timeLimitSeconds: 30, relativeGap: 0, warmStart: false }, SYSTEM);
    // A solve with no schedule by the end of the grace: its worker never hears of the stop and goes on.
    const worker = (queue as unknown as { running: Map<string, { worker: import("node:worker_threads").Worker }> }).running.get(job.id)!.worker;
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: unknown) => void (message === "stop" || post(message));
    expect(await queue.close()).toEqual([`rxroster: solve job ${job.id} of site test failed: interrupted: the server stopped during the solve`]);
    expect(store.jobs.get(job.id)).toMatchObject({ status: "failed", error: "interrupted: the server stopped during the solve" });
    expect(store.schedules.list("test")).toEqual([]);
    expect(worker.threadId).toBe(-1);
  });
});

describe("a base schedule's locks", () => {
  it("are kept, locked, in the job's draft when they keep every hard rule", async () => {
    const { id, token } = freshSite();
    const draft = h.store.schedules.createDraft(id, [{ staff: "B", date: "2026-03-03", template: "N8", locked: true }], "manual", undefined, SYSTEM);
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 5, baseScheduleId: draft.id }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job.status).toBe("succeeded");
    expect(h.store.schedules.get(id, job.scheduleId)!.assignments).toContainEqual({ staff: "B", date: "2026-03-03", template: "N8", locked: true });
  });

  it("fail the job before any solve when they break a hard rule, alone or together, each named by its place in the schedule, as `solve --from` names a file's", async () => {
    const { id, token } = freshSite();
    const draft = h.store.schedules.createDraft(
      id,
      [
        { staff: "A", date: "2026-03-02", template: "D8", locked: false },
        // Dan has no sterile skill; Ben's night ends at 07:00 on 03-03, when his day shift starts.
        { staff: "D", date: "2026-03-02", template: "IV10", locked: true },
        { staff: "B", date: "2026-03-02", template: "N8", locked: true },
        { staff: "B", date: "2026-03-03", template: "D8", locked: true },
      ],
      "manual",
      undefined,
      SYSTEM,
    );
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 30, baseScheduleId: draft.id }, token);
    const job = await waitForJob(h.api, submitted.body.id, token);
    expect(job).toMatchObject({ status: "failed", result: { solveStatus: "infeasible", seconds: 0 } });
    expect(job.error).toBe(
      `the locked assignments of schedule ${draft.id} break hard rules: ` +
        "assignments[1]: locked, but breaks the hard rule shift.eligibility: Dan may not work IV day (IV10) on 2026-03-02: Dan lacks Sterile compounding (sterile); " +
        "assignments[2], assignments[3]: locked together, they break the hard rule rest.min-between-shifts: Ben rests 0.0 h between N8 on 2026-03-02 and D8 on 2026-03-03 (at least 10.0 h)",
    );
  });
});

describe("a job that cannot run", () => {
  it("fails at once with the reason, logged, when it cannot start, and the queue goes on to the next", async () => {
    const store = freshStore();
    const logged: string[] = [];
    const queue = new SolveQueue(store, { concurrency: 1, log: (line) => logged.push(line) });
    queue.start();
    // The base schedule named by the first job cannot be read: its stored assignments are not JSON.
    const draft = store.schedules.createDraft("test", [], "manual", undefined, SYSTEM);
    store.db.prepare("UPDATE schedules SET assignments = 'not json' WHERE id = ?").run(draft.id);
    const broken = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: true, baseScheduleId: draft.id }, SYSTEM);
    store.sites.create(testSite("other", 3), SYSTEM);
    const next = queue.submit("other", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    expect(store.jobs.get(broken.id)).toMatchObject({ status: "failed", error: expect.stringMatching(/^the job could not start: .*JSON/) });
    expect(logged).toEqual([expect.stringMatching(new RegExp(`^rxroster: job ${broken.id} could not start: .*JSON`))]);
    expect(store.jobs.get(next.id)!.status).toBe("running");
    await queue.drain();
    expect(store.jobs.get(next.id)!.status).toBe("succeeded");
    await queue.close();
  });

  it("names the cause when its worker dies, and logs it", async () => {
    const store = freshStore();
    const logged: string[] = [];
    const queue = new SolveQueue(store, { concurrency: 1, log: (line) => logged.push(line) });
    queue.start();
    const job = queue.submit("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    // A worker's uncaught error reaches the queue as the worker's "error" event, as an out-of-memory end does.
    const worker = (queue as unknown as { running: Map<string, { worker: import("node:worker_threads").Worker }> }).running.get(job.id)!.worker;
    worker.emit("error", Object.assign(new Error("Worker terminated due to reaching memory limit: JS heap out of memory"), { code: "ERR_WORKER_OUT_OF_MEMORY" }));
    await worker.terminate();
    await queue.drain();
    expect(store.jobs.get(job.id)).toMatchObject({ status: "failed", error: expect.stringContaining("ERR_WORKER_OUT_OF_MEMORY") });
    expect(logged).toEqual([expect.stringMatching(new RegExp(`^rxroster: job ${job.id}'s worker failed: .*JS heap out of memory`))]);
    await queue.close();
  });
});

describe("the queue shared between sites", () => {
  it("starts next the oldest job of the site with the fewest running, so one site's backlog does not hold another back", () => {
    const store = freshStore();
    store.sites.create(testSite("other", 3), SYSTEM);
    const first = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    store.jobs.claim(first.id, 1);
    store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    const other = store.jobs.create("other", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    expect(store.jobs.nextQueued()!.id).toBe(other.id);
  });

  it("keeps the last free slot for a site with nothing running: a site's second job waits, another site's starts (QA7 F7)", async () => {
    const store = freshStore();
    store.sites.create(testSite("other", 3), SYSTEM);
    const queue = new SolveQueue(store, { concurrency: 2 });
    queue.start();
    const jobs = [queue.submit("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM), queue.submit("test", { timeLimitSeconds: 6, warmStart: false }, SYSTEM)];
    jobs.push(queue.submit("other", { timeLimitSeconds: 5, warmStart: false }, SYSTEM));
    expect(jobs.map((j) => `${j.siteId} ${j.status}`)).toEqual(["test running", "test queued", "other running"]);
    for (const job of jobs) queue.cancel(job.id, SYSTEM);
    await queue.drain();
    await queue.close();
  });

  it("runs a site's jobs side by side where the store holds no other site to keep a slot for", async () => {
    const store = freshStore();
    const queue = new SolveQueue(store, { concurrency: 2 });
    queue.start();
    const jobs = [queue.submit("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM), queue.submit("test", { timeLimitSeconds: 6, warmStart: false }, SYSTEM)];
    expect(jobs.map((j) => `${j.siteId} ${j.status}`)).toEqual(["test running", "test running"]);
    for (const job of jobs) queue.cancel(job.id, SYSTEM);
    await queue.drain();
    await queue.close();
  });

  it("refuses with 429 a job past the site's bound on waiting jobs, storing nothing; other sites are not affected", async () => {
    const a = freshSite();
    const b = freshSite();
    // Each with its own time limit: an identical one would be answered with the job already there.
    const submit = (s: { id: string; token: string }, timeLimitSeconds = 30) => h.api.post(`/sites/${s.id}/schedules`, { timeLimitSeconds }, s.token);
    const accepted = [await submit(a, 30), await submit(a, 31), await submit(a, 32)];
    expect(accepted.map((r) => r.status)).toEqual([202, 202, 202]); // one running, two waiting
    const before = h.store.db.prepare("SELECT COUNT(*) AS n FROM jobs").get();
    const refused = await submit(a, 33);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(new RegExp(`^site ${a.id} already has 2 jobs waiting`));
    const report = await h.api.post(`/sites/${a.id}/reports/fte`, { maxHires: 1, timeLimitSeconds: 5 }, a.token);
    expect(report.status).toBe(429);
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM jobs").get()).toEqual(before);
    const other = await submit(b);
    expect(other.status).toBe(202);
    // Every job cancelled, the other site's too: what they would solve is not what this test is about.
    for (const r of accepted) await h.api.post(`/jobs/${r.body.id}/cancel`, undefined, a.token);
    await h.api.post(`/jobs/${other.body.id}/cancel`, undefined, b.token);
    await h.queue.drain();
  });
});

describe("an identical solve", () => {
  it("is answered with the job already queued or running (200, Location), until the site changes (QA7 F7)", async () => {
    const { id, token } = freshSite();
    const submit = (timeLimitSeconds: number) => h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds }, token);
    const first = await submit(30);
    const second = await submit(31);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect([first.body.status, second.body.status]).toEqual(["running", "queued"]);
    // A double click: on the running job, and on the queued one.
    for (const [again, job] of [[await submit(30), first], [await submit(31), second]] as const) {
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(job.body.id);
      expect(again.headers.get("location")).toBe(`/jobs/${job.body.id}`);
    }
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE site_id = ?").get(id)).toEqual({ n: 2 });
    // The site changed under the running job: the same body now asks for another schedule. The queued job
    // reads the site when it starts, so it is still the one.
    h.store.sites.update(id, SYSTEM, "site.update", laterDayShift);
    const afterChange = [await submit(30), await submit(31)];
    expect(afterChange.map((r) => r.status)).toEqual([202, 200]);
    expect(afterChange[0]!.body.id).not.toBe(first.body.id);
    for (const r of [first, second, afterChange[0]!]) await h.api.post(`/jobs/${r.body.id}/cancel`, undefined, token);
    await h.queue.drain();
  });

  it("is not a running one that started before a schedule of the site was written (another base, another history)", () => {
    const store = freshStore();
    const options = { timeLimitSeconds: 5, warmStart: true };
    const job = store.jobs.create("test", options, SYSTEM);
    store.jobs.claim(job.id, 1);
    expect(store.jobs.identical("test", "solve", options, 1)?.id).toBe(job.id);
    store.schedules.createDraft("test", [], "manual", undefined, SYSTEM);
    expect(store.jobs.identical("test", "solve", options, 1)).toBeUndefined();
  });
});

const dirs: string[] = [];
const stores: Store[] = [];
function freshStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), "rxroster-jobs-"));
  dirs.push(dir);
  const store = openStore(dir);
  stores.push(store);
  store.sites.create(testSite(), SYSTEM);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
