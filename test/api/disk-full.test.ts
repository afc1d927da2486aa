/**
 * A full disk (QA pass 5, F2 and F3): a write refused by SQLite's SQLITE_FULL answers 507 problem+json and
 * stores nothing; a job whose end the store refuses answers as failed from memory (and to stop and cancel),
 * and is stored once the store takes writes again; a refused stop can be asked again. The request path
 * meets a real SQLITE_FULL (the file's page limit, reached); the job paths a repository whose writes throw
 * what SQLite throws then.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SolveQueue } from "../../src/jobs/queue.js";
import { SYSTEM } from "../../src/store/audit.js";
import type { Store } from "../../src/store/store.js";
import { closeAndCheckLogs, freshSite, startHarness, waitForJob, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  if (h) await closeAndCheckLogs(h);
  h = undefined;
});

/** Fill the database to a page limit set at its size, so the next write of any size fails with SQLITE_FULL; returns the undo. */
function fillDisk(store: Store): () => void {
  store.db.pragma(`max_page_count = ${store.db.pragma("page_count", { simple: true }) as number}`);
  const filler = store.db.prepare("INSERT INTO audit (site_id, actor, role, action, at) VALUES ('filler', 'filler', 'admin', ?, '')");
  expect(() => {
    for (;;) filler.run("f".repeat(200));
  }).toThrow(/database or disk is full/);
  return () => void store.db.pragma("max_page_count = 1073741823");
}

/** Make the writes that end a job (and its progress writes) throw as SQLite does on a full disk, while `full.on`. */
function fullJobWrites(store: Store): { on: boolean } {
  const full = { on: false };
  const jobs = store.jobs as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ["succeed", "succeedReport", "end", "setProgress"]) {
    const real = jobs[name]!.bind(store.jobs);
    jobs[name] = (...args) => {
      if (full.on) throw new Database.SqliteError("database or disk is full", "SQLITE_FULL");
      return real(...args);
    };
  }
  return full;
}

async function until(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within 20 s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a write on a full disk", () => {
  it("answers 507 problem+json saying nothing was stored, logs one line without a stack, and is taken once there is room", async () => {
    h = await startHarness();
    const { id, token } = freshSite(h);
    const staff = (await h.api.get(`/sites/${id}/staff`, token)).body;
    const roomAgain = fillDisk(h.store);
    for (let i = 0; i < 2; i++) {
      const refused = await h.api.put(`/sites/${id}/staff`, staff, token, { "if-match": "*" });
      expect(refused.status).toBe(507);
      expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(refused.body).toEqual({ type: "https://rxroster.dev/problems/insufficient-storage", title: "Insufficient storage", status: 507, detail: "the server's disk is full; nothing was stored" });
    }
    expect(h.store.sites.get(id)!.revision).toBe(1);
    // One line for both, with SQLite's words and no stack.
    expect(h.logged.splice(0)).toEqual(["store write refused, answered 507: database or disk is full"]);
    roomAgain();
    expect((await h.api.put(`/sites/${id}/staff`, staff, token, { "if-match": "*" })).status).toBe(200);
    expect(h.store.sites.get(id)!.revision).toBe(2);
  });
});

describe("a calendar feed on a full disk", () => {
  it("is still read: its first GET writes nothing (the site's UID salt is made with the feed)", async () => {
    h = await startHarness();
    const { id, token } = freshSite(h);
    const made = await h.api.post(`/sites/${id}/feeds`, { scope: "department" }, token);
    expect(made.status).toBe(201);
    // Rows written by the server's connection: a full disk refuses any write, however small (the page
    // limit of fillDisk leaves room in a table's existing page, so that alone would not show it).
    const changes = h.store.db.prepare("SELECT total_changes() AS n").pluck();
    const roomAgain = fillDisk(h.store);
    const before = changes.get();
    const res = await fetch(h.api.baseUrl + new URL(made.body.url).pathname);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^BEGIN:VCALENDAR/);
    roomAgain();
    expect(changes.get()).toBe(before);
  });
});

describe("a job whose end the store refuses", () => {
  it("answers failed with the reason, also to stop and cancel, and is stored as such once the store takes writes again", async () => {
    const queueLog: string[] = [];
    h = await startHarness({ queue: { concurrency: 1, retryIntervalMs: 20, log: (line) => queueLog.push(line) } });
    const { id, token } = freshSite(h);
    const full = fullJobWrites(h.store);
    // Full before the solve can end; submitting and claiming the job still fit.
    full.on = true;
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 2 }, token);
    expect(submitted.status).toBe(202);
    const jobId = submitted.body.id as string;
    await h.queue.drain();

    const failed = { status: "failed", error: "its result could not be stored: the disk is full", finishedAt: expect.any(String) };
    const seen = await h.api.get(`/jobs/${jobId}`, token);
    expect(seen.body).toMatchObject(failed);
    expect(h.store.jobs.get(jobId)!.status).toBe("running");
    // It has ended: a stop and a cancel leave it as it is, and say so.
    expect((await h.api.post(`/jobs/${jobId}/stop`, undefined, token)).body).toMatchObject(failed);
    expect((await h.api.post(`/jobs/${jobId}/cancel`, undefined, token)).body).toEqual(seen.body);
    expect(h.store.audit.list(id).map((a) => a.action)).not.toContain("job.cancel");
    expect(queueLog).toContainEqual(expect.stringMatching(new RegExp(`^rxroster: storing job ${jobId}'s outcome failed: database or disk is full`)));
    expect(queueLog).toContainEqual(`rxroster: job ${jobId} failed (its result could not be stored: the disk is full), and the store refused that too: it answers as failed and is stored once the store takes writes again`);
    expect(queueLog.filter((line) => line.includes("progress")).length).toBeLessThanOrEqual(1);

    full.on = false;
    await until("the job's failure is stored", () => h!.store.jobs.get(jobId)!.status === "failed");
    expect(h.store.jobs.get(jobId)).toMatchObject({ error: failed.error, finishedAt: seen.body.finishedAt });
    expect((await h.api.get(`/jobs/${jobId}`, token)).body).toEqual(seen.body);
    expect(queueLog.at(-1)).toBe(`rxroster: job ${jobId}'s failure is stored now`);
    expect(h.store.schedules.list(id)).toEqual([]);
  });

  it("is an FTE report's too: cancelling it does not claim it was cancelled while it ran", async () => {
    const queueLog: string[] = [];
    h = await startHarness({ queue: { concurrency: 1, retryIntervalMs: 20, log: (line) => queueLog.push(line) } });
    const { id } = freshSite(h);
    const queue: SolveQueue = h.queue;
    const full = fullJobWrites(h.store);
    full.on = true;
    const job = queue.submitReport(id, { maxHires: 1, timeLimitSeconds: 1, format: "json" }, SYSTEM);
    await queue.drain();
    const failed = { status: "failed", error: "its result could not be stored: the disk is full" };
    expect(queue.get(job.id)).toMatchObject(failed);
    expect(queue.cancel(job.id, SYSTEM)).toMatchObject(failed);
    full.on = false;
    await until("the report job's failure is stored", () => h!.store.jobs.get(job.id)!.status === "failed");
    expect(h.store.jobs.get(job.id)).toMatchObject(failed);
  });
});

describe("a stop of a running solve on a full disk", () => {
  it("answers 507, and can be asked again once there is room", async () => {
    h = await startHarness({ queue: { concurrency: 1 } });
    const { id, token } = freshSite(h);
    const submitted = await h.api.post(`/sites/${id}/schedules`, { timeLimitSeconds: 30 }, token);
    const jobId = submitted.body.id as string;
    const jobs = h.store.jobs as unknown as { auditStop: (...args: unknown[]) => void };
    const auditStop = jobs.auditStop.bind(h.store.jobs);
    jobs.auditStop = () => {
      throw new Database.SqliteError("database or disk is full", "SQLITE_FULL");
    };
    expect((await h.api.post(`/jobs/${jobId}/stop`, undefined, token)).status).toBe(507);
    jobs.auditStop = auditStop;
    expect((await h.api.post(`/jobs/${jobId}/stop`, undefined, token)).status).toBe(200);
    expect(h.store.audit.list(id).map((a) => a.action)).toContain("job.stop");
    expect(await waitForJob(h.api, jobId, token)).toMatchObject({ status: "succeeded" });
    h.logged.splice(0);
  });
});
