/**
 * An API under test: `createApp` on a temporary store, listening on port 0, with a checked client, a token
 * per role, and the small test world (with staffing floors, so a solve assigns shifts) as site "test".
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createApp } from "../../api/app.js";
import { SolveQueue } from "../../src/jobs/queue.js";
import type { SolveQueueOptions } from "../../src/jobs/queue-options.js";
import { CheckerPool } from "../../src/jobs/checker-worker.js";
import { SYSTEM } from "../../src/store/audit.js";
import { openStore, type Store } from "../../src/store/store.js";
import type { Role } from "../../src/store/tokens.js";
import type { PlanningInput } from "../../models/index.js";
import { smallWorld } from "../fixtures/small-world.js";
import { CheckedClient } from "./openapi-client.js";

export interface Harness {
  api: CheckedClient;
  store: Store;
  queue: SolveQueue;
  checker: CheckerPool;
  /** Internal errors the app logged (a passing suite has none). */
  logged: string[];
  token(role: Role, siteId?: string, staffId?: string): string;
  close(): Promise<void>;
}

/** Three days of the test world with a pharmacist and a technician floor in central pharmacy. */
export function testSite(id = "test", days = 3): PlanningInput {
  const input = smallWorld(days, {
    floors: [
      { area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00" },
      { area: "central", roleFamily: "technician", count: 1, from: "07:00", to: "19:00" },
    ],
  });
  return { ...input, site: { ...input.site, id, name: `Test Pharmacy ${id}` } };
}

/** Runs every step, though one before it threw (the first error is thrown at the end): nothing is left behind. */
async function inTurn(steps: (() => unknown)[]): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

/** `checker`: the checker's pool, closed with the harness (default: two workers, started when first needed). */
export async function startHarness(options: { queue?: SolveQueueOptions; bodyLimitBytes?: number; checker?: CheckerPool } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "rxroster-api-"));
  const store = openStore(dir);
  const queue = new SolveQueue(store, { concurrency: 2, progressIntervalMs: 0, ...options.queue });
  queue.start();
  const checker = options.checker ?? new CheckerPool(2);
  const logged: string[] = [];
  const app = createApp({ store, queue, checker, log: (line) => logged.push(line), ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const doc = await (await fetch(`${baseUrl}/openapi.json`)).json();
  return {
    api: new CheckedClient(baseUrl, doc),
    store,
    queue,
    checker,
    logged,
    token: (role, siteId, staffId) => store.tokens.create(role, siteId, staffId).secret,
    close: () =>
      inTurn([
        async () => {
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
        },
        () => queue.close(),
        () => checker.close(),
        () => store.close(),
        () => rmSync(dir, { recursive: true, force: true }),
      ]),
  };
}

/**
 * Closes the harness, then checks that the app logged nothing (a passing file logs no internal error).
 * Checked after closing, so a failing check leaves no server, worker or temporary store behind; a line
 * logged while closing fails it too.
 */
export async function closeAndCheckLogs(h: Harness): Promise<void> {
  await h.close();
  expect(h.logged).toEqual([]);
}

let sites = 0;
/** A fresh site of its own (the test world over 3 days) with a manager token for it, so tests' drafts and versions do not mix. */
export function freshSite(h: Pick<Harness, "store" | "token">): { id: string; token: string } {
  const id = `s${++sites}`;
  h.store.sites.create(testSite(id, 3), SYSTEM);
  return { id, token: h.token("manager", id) };
}

/** Moves a site's horizon over the API, with the ETag read just before (a manager's `token`). */
export async function setHorizon(h: Pick<Harness, "api">, siteId: string, token: string, start: string, end: string): Promise<void> {
  const read = await h.api.get(`/sites/${siteId}/horizon`, token);
  const res = await h.api.put(`/sites/${siteId}/horizon`, { start, end }, token, { "if-match": read.headers.get("etag")! });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Resolves once the checker's pool has `busy` tasks in its workers and `waiting` waiting (polled; within 20 s). */
export async function untilChecker(pool: CheckerPool, busy: number, waiting = 0): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (pool.stats().busy !== busy || pool.stats().waiting !== waiting) {
    if (Date.now() > deadline) throw new Error(`the checker did not reach ${busy} busy and ${waiting} waiting within 20 s: ${JSON.stringify(pool.stats())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Poll a job until it leaves queued/running (or the deadline passes). */
export async function waitForJob(api: CheckedClient, jobId: string, token: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`/jobs/${jobId}`, token);
    if (res.body.status !== "queued" && res.body.status !== "running") return res.body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
