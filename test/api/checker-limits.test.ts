/**
 * The checker's limits over real HTTP: beyond the requests it may hold waiting, one more (an analyze, or
 * the FTE report's productivity view, built by the same workers) is a 503 with Retry-After at once; a
 * request whose checker work runs past the time limit, or whose new worker never gets ready, is a 503
 * naming the limit (logged once for all the requests sharing it), its worker is ended and replaced, and
 * the requests behind it are answered; once new workers have failed to start as many times in a row as it
 * takes, the requests none could take are a 503 with Retry-After at once, logged once, until a cool-down
 * ends; a bug in work several requests share is a 500 for each, logged once; a bad limit given to
 * startServer is refused by name and claims nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startServer, type ServeOptions } from "../../api/server.js";
import { CheckerPool, type CheckerTask } from "../../src/jobs/checker-worker.js";
import { SYSTEM } from "../../src/store/audit.js";
import { HANG_ON_LOAD_ENV } from "../fixtures/sleepy-worker.js";
import { startHarness, testSite, untilChecker, type Harness } from "./harness.js";

const FAULTY = new URL("../fixtures/faulty-checker-worker.ts", import.meta.url);
const SCHEDULE = { assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }] };
/** The 503 detail of a request whose checker work ran past a time limit of 1000 ms. */
const PAST_TIME_LIMIT =
  "the checker's work on this request ran past its time limit of 1000 ms and was stopped (its worker thread was ended; a new one takes its place); asked again, it would most likely run as long: tell the server's administrator";

/** A harness whose checker is the faulty fixture's, with sites "hung" and "fine". */
async function faultyHarness(limits: ConstructorParameters<typeof CheckerPool>[2]): Promise<Harness & { admin: string }> {
  const h = await startHarness({ checker: new CheckerPool(1, FAULTY, limits) });
  for (const id of ["hung", "fine"]) h.store.sites.create(testSite(id), SYSTEM);
  return Object.assign(h, { admin: h.token("admin") });
}

/** An analyze of SCHEDULE at `site`, its answer read raw (status, headers, text). */
const analyze = (h: Harness & { admin: string }, site: string): Promise<Response> =>
  fetch(`${h.api.baseUrl}/sites/${site}/schedules/analyze`, { method: "POST", headers: { authorization: `Bearer ${h.admin}`, "content-type": "application/json" }, body: JSON.stringify(SCHEDULE) });

describe("the checker's bound on waiting requests", () => {
  it("answers one request more than it may hold with 503 and Retry-After at once, and keeps those it holds", async () => {
    const h = await faultyHarness({ maxWaiting: 1 });
    try {
      const held = analyze(h, "hung");
      await untilChecker(h.checker, 1, 0);
      const waiting = analyze(h, "fine");
      await untilChecker(h.checker, 1, 1);
      const refused = await h.api.post("/sites/fine/schedules/analyze", SCHEDULE, h.admin);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(refused.body).toEqual({
        type: "https://rxroster.dev/problems/service-unavailable", title: "Service unavailable", status: 503,
        detail: "the checker has 1 request(s) waiting for its worker threads, as many as it takes: try again in a few seconds",
      });
      // The FTE report's productivity view is the checker's work too, under the same bound.
      const report = await h.api.get("/sites/fine/reports/fte", h.admin);
      expect(report.status).toBe(503);
      expect(report.headers.get("retry-after")).toBe("5");
      expect(report.body.detail).toBe(refused.body.detail);
      // Nothing queued for them: the two it holds are as they were.
      expect(h.checker.stats()).toEqual({ workers: 1, busy: 1, waiting: 1 });
      // Load, not a fault: nothing logged.
      expect(h.logged).toEqual([]);
      await h.checker.close();
      for (const res of await Promise.all([held, waiting])) {
        expect(res.status).toBe(503);
        expect((await res.json()).detail).toBe("the server is shutting down; try again once it is back");
      }
    } finally {
      await h.close();
    }
  });
});

describe("the checker that holds no request waiting (maxWaiting 0)", () => {
  it("answers a request while its worker is busy with 503 saying every worker is busy and none may wait", async () => {
    const h = await faultyHarness({ maxWaiting: 0 });
    try {
      const held = analyze(h, "hung");
      await untilChecker(h.checker, 1, 0);
      const refused = await h.api.post("/sites/fine/schedules/analyze", SCHEDULE, h.admin);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(refused.body.detail).toBe("every worker thread of the checker is busy, and this server keeps no request waiting for one: try again in a few seconds");
      expect(h.logged).toEqual([]);
      await h.checker.close();
      expect((await held).status).toBe(503);
    } finally {
      await h.close();
    }
  });
});

/**
 * `ended` (the request holding the only worker, which is being ended for a limit) is answered 503
 * problem+json with `detail`, and `logged` is the one line logged; a request sent meanwhile waits, then is
 * answered by the worker that takes its place.
 */
async function expectEndedAndReplaced(h: Harness & { admin: string }, ended: Promise<Response>, detail: string, logged: string): Promise<void> {
  const next = h.api.post("/sites/fine/schedules/analyze", SCHEDULE, h.admin);
  const res = await ended;
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect((await res.json()).detail).toBe(detail);
  expect(h.logged).toEqual([logged]);
  const fine = await next;
  expect(fine.status).toBe(200);
  expect(fine.body.feasible).toBeTypeOf("boolean");
  expect(h.checker.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
}

describe("the checker's time limit", () => {
  it("answers a request whose check never ends with 503 naming the limit, logged, and answers the next in a new worker", async () => {
    const h = await faultyHarness({ taskTimeoutMs: 1000 });
    try {
      const hung = analyze(h, "hung");
      await untilChecker(h.checker, 1, 0);
      await expectEndedAndReplaced(
        h,
        hung,
        PAST_TIME_LIMIT,
        "checker task timed out: explain for site hung: the task took longer than the worker pool's time limit of 1000 ms; its worker thread was ended",
      );
    } finally {
      await h.close();
    }
  });
});

/**
 * `count` GETs of `site`'s productivity view at once, its task held until all of them share it (so none can
 * come after it has ended), and how many tasks the checker was given for them.
 */
async function sharedViews(h: Harness & { admin: string }, site: string, count: number): Promise<{ answers: Awaited<ReturnType<Harness["api"]["get"]>>[]; tasks: number }> {
  const run = h.checker.run.bind(h.checker);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const given = vi.spyOn(h.checker, "run").mockImplementation((async (task: CheckerTask) => (await released, run(task))) as CheckerPool["run"]);
  const shared = vi.spyOn(h.checker, "runShared");
  const views = Array.from({ length: count }, () => h.api.get(`/sites/${site}/reports/fte`, h.admin));
  while (shared.mock.calls.length < count) await new Promise((r) => setTimeout(r, 5));
  release();
  const answers = await Promise.all(views);
  return { answers, tasks: given.mock.calls.length };
}

describe("the checker's work shared by several requests", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs a shared productivity view that runs past the time limit once, and answers each request sharing it 503", async () => {
    const h = await faultyHarness({ taskTimeoutMs: 1000 });
    try {
      const { answers, tasks } = await sharedViews(h, "hung", 2);
      expect(tasks).toBe(1);
      expect(answers.map((res) => [res.status, res.body.detail])).toEqual(Array(2).fill([
        503,
        PAST_TIME_LIMIT,
      ]));
      expect(h.logged).toEqual(["checker task timed out: productivity for site hung: the task took longer than the worker pool's time limit of 1000 ms; its worker thread was ended"]);
    } finally {
      await h.close();
    }
  });

  it("logs a bug in a shared productivity view once, and answers each request sharing it 500 problem+json without the stack", async () => {
    const h = await faultyHarness({});
    try {
      h.store.sites.create(testSite("buggy"), SYSTEM);
      const { answers, tasks } = await sharedViews(h, "buggy", 3);
      expect(tasks).toBe(1);
      for (const res of answers) {
        expect(res.status).toBe(500);
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect(res.body).toEqual({
          type: "https://rxroster.dev/problems/internal-error", title: "Internal server error", status: 500,
          detail: "an unexpected error occurred; it has been logged",
        });
      }
      expect(h.logged).toEqual([expect.stringMatching(/^internal error: Error: a bug in the checker\n\s+at /)]);
    } finally {
      await h.close();
    }
  });
});

describe("the checker's start limit", () => {
  it("answers a request whose new worker never gets ready with 503 naming the limit, logged, and answers the next in a new worker", async () => {
    // Long enough for a sound checker worker to load under the test runner on a busy machine: 0.3-0.6 s from
    // its bundle at load 5, 1 s at load 8 (1-2 s when it loaded through tsx and the limit was 8 s).
    const h = await faultyHarness({ startTimeoutMs: 4000 });
    try {
      // The worker starts when the request reaches the checker, copying the environment: it never gets ready.
      process.env[HANG_ON_LOAD_ENV] = "1";
      const stuck = analyze(h, "fine");
      try {
        await untilChecker(h.checker, 1, 0);
      } finally {
        delete process.env[HANG_ON_LOAD_ENV];
      }
      await expectEndedAndReplaced(
        h,
        stuck,
        "the checker's worker thread for this request did not start within its limit of 4000 ms and was ended (a new one takes its place); try again, and if this goes on, tell the server's administrator",
        "checker task timed out: explain for site fine: the worker thread did not get ready within the worker pool's start limit of 4000 ms; it was ended",
      );
    } finally {
      await h.close();
    }
  });
});

describe("the checker's stop on starting workers", () => {
  // The cool-down is measured on the clock: frozen, it stays in force until the test moves the clock on.
  afterEach(() => {
    vi.useRealTimers();
    delete process.env[HANG_ON_LOAD_ENV];
  });

  it("after a failed start, answers the requests needing a worker 503 at once with the seconds left as Retry-After, logs it once, and starts one again after the cool-down", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // A start limit long enough for a sound checker worker to load under the test runner on a busy machine;
    // one failed start stops starts, so the test waits that limit out once.
    const h = await faultyHarness({ startTimeoutMs: 4000, maxFailedStarts: 1, startCooldownMs: 60_000 });
    try {
      process.env[HANG_ON_LOAD_ENV] = "1";
      const stuck = analyze(h, "fine");
      await untilChecker(h.checker, 1, 0);
      delete process.env[HANG_ON_LOAD_ENV];
      const waiting = analyze(h, "fine");
      await untilChecker(h.checker, 1, 1);
      expect((await stuck).status).toBe(503);
      const untilIso = new Date(Date.now() + 60_000).toISOString();
      const detail = `the checker's worker threads failed to start 1 time(s) in a row, so it starts no other until ${untilIso}: try again then, and if this goes on, tell the server's administrator`;
      // The request waiting for the worker that never came, and one sent meanwhile: both refused, nothing started for them.
      const refused = [await waiting, await analyze(h, "fine")];
      vi.setSystemTime(Date.now() + 30_500);
      refused.push(await analyze(h, "fine"));
      expect(refused.map((res) => [res.status, res.headers.get("content-type"), res.headers.get("retry-after")])).toEqual([
        [503, expect.stringMatching(/^application\/problem\+json/), "60"],
        [503, expect.stringMatching(/^application\/problem\+json/), "60"],
        [503, expect.stringMatching(/^application\/problem\+json/), "30"],
      ]);
      for (const res of refused) expect((await res.json()).detail).toBe(detail);
      expect(h.checker.stats()).toEqual({ workers: 0, busy: 0, waiting: 0 });
      // The failed start, then the stop once for the three requests it refused.
      expect(h.logged).toEqual([
        "checker task timed out: explain for site fine: the worker thread did not get ready within the worker pool's start limit of 4000 ms; it was ended",
        `checker workers failed to start: 1 new worker thread(s) in a row failed to get ready; the worker pool starts no other until ${untilIso}`,
      ]);
      vi.setSystemTime(Date.now() + 29_500);
      const fine = await h.api.post("/sites/fine/schedules/analyze", SCHEDULE, h.admin);
      expect(fine.status).toBe(200);
      expect(h.checker.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    } finally {
      await h.close();
    }
  });
});

describe("startServer's checker options", () => {
  const bad: [ServeOptions, string][] = [
    [{ checkerWorkers: 0 }, "a worker pool's size must be a whole number of threads, at least 1 (got 0)"],
    [{ checkerMaxWaiting: NaN }, "a worker pool's maxWaiting must be a whole number of tasks, at least 0, or Infinity for no limit (got NaN)"],
    [{ checkerTaskTimeoutMs: 0 }, "a worker pool's taskTimeoutMs must be a whole number of milliseconds, from 1 to 2147483647, or Infinity for no limit (got 0)"],
    [{ checkerStartTimeoutMs: 2.5 }, "a worker pool's startTimeoutMs must be a whole number of milliseconds, from 1 to 2147483647, or Infinity for no limit (got 2.5)"],
  ];
  it.each(bad)("refuses %o by name, claiming nothing: a server starts on the same directory after", async (options, message) => {
    const dataDir = mkdtempSync(join(tmpdir(), "rxroster-checker-options-"));
    try {
      await expect(startServer({ port: 0, dataDir, notice: () => {}, ...options })).rejects.toThrow(message);
      const running = await startServer({ port: 0, dataDir, notice: () => {} });
      await running.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
