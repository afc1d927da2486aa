/**
 * The worker pool refuses a size or a limit that would leave tasks waiting forever or refuse none; beyond
 * its bound it refuses a task at once; a task past its time limit, or given to a worker that does not get
 * ready within the start limit, fails, its worker is ended and replaced, and the tasks waiting go on; after
 * some failed starts in a row it starts no worker for a cool-down, refusing at once what none could take.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { CheckerPool } from "../../../src/jobs/checker-worker.js";
import { WorkerPoolClosedError, WorkerPoolFullError, WorkerStartsStoppedError, WorkerTimeoutError } from "../../../src/jobs/worker-errors.js";
import { pooledWorkers, WorkerPool, type WorkerPoolOptions } from "../../../src/jobs/worker-pool.js";
import { HANG_ON_LOAD_ENV, type SleepyTask } from "../../fixtures/sleepy-worker.js";

const SLEEPY = new URL("../../fixtures/sleepy-worker.ts", import.meta.url);

const pools: WorkerPool<SleepyTask, unknown>[] = [];
/** A pool of the sleepy worker, closed after the test. */
function sleepyPool(options: WorkerPoolOptions): WorkerPool<SleepyTask, unknown> {
  const pool = new WorkerPool<SleepyTask, unknown>(SLEEPY, options);
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

/** Resolves once the pool has `busy` tasks in workers and `waiting` waiting (within 20 s). */
async function until(pool: WorkerPool<SleepyTask, unknown>, busy: number, waiting: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (pool.stats().busy !== busy || pool.stats().waiting !== waiting) {
    if (Date.now() > deadline) throw new Error(`the pool did not reach ${busy} busy and ${waiting} waiting within 20 s: ${JSON.stringify(pool.stats())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("a worker pool's size", () => {
  it.each([NaN, 0, -1, 1.5, Infinity])("refuses %s by name", (size) => {
    expect(() => new WorkerPool(new URL(import.meta.url), { size })).toThrow(`a worker pool's size must be a whole number of threads, at least 1 (got ${size})`);
  });

  it("takes a whole number, as the server's checkerWorkers passes it", async () => {
    const pool = new CheckerPool(2);
    expect(pool.stats()).toEqual({ workers: 0, busy: 0, waiting: 0 });
    await pool.close();
  });
});

describe("a worker pool's limits", () => {
  it.each([NaN, -1, 1.5, -Infinity])("refuses a maxWaiting of %s by name", (maxWaiting) => {
    expect(() => new WorkerPool(new URL(import.meta.url), { maxWaiting })).toThrow(`a worker pool's maxWaiting must be a whole number of tasks, at least 0, or Infinity for no limit (got ${maxWaiting})`);
  });

  // 2^31 ms and more would overflow setTimeout, which then fires at once: every task would time out.
  it.each([NaN, 0, -5, 2.5, 2 ** 31])("refuses a taskTimeoutMs of %s by name", (taskTimeoutMs) => {
    expect(() => new WorkerPool(new URL(import.meta.url), { taskTimeoutMs })).toThrow(`a worker pool's taskTimeoutMs must be a whole number of milliseconds, from 1 to 2147483647, or Infinity for no limit (got ${taskTimeoutMs})`);
  });

  it.each([NaN, 0, 2.5, 2 ** 31])("refuses a startTimeoutMs of %s by name", (startTimeoutMs) => {
    expect(() => new WorkerPool(new URL(import.meta.url), { startTimeoutMs })).toThrow(`a worker pool's startTimeoutMs must be a whole number of milliseconds, from 1 to 2147483647, or Infinity for no limit (got ${startTimeoutMs})`);
  });

  it.each([NaN, 0, 1.5, -Infinity])("refuses a maxFailedStarts of %s by name", (maxFailedStarts) => {
    expect(() => new WorkerPool(new URL(import.meta.url), { maxFailedStarts })).toThrow(`a worker pool's maxFailedStarts must be a whole number of starts, at least 1, or Infinity for no limit (got ${maxFailedStarts})`);
  });

  // Infinity would never start a worker again.
  it.each([NaN, 0, 2.5, Infinity])("refuses a startCooldownMs of %s by name", (startCooldownMs) => {
    expect(() => new WorkerPool(new URL(import.meta.url), { startCooldownMs })).toThrow(`a worker pool's startCooldownMs must be a whole number of milliseconds, at least 1 (got ${startCooldownMs})`);
  });

  it("takes whole numbers, 0 tasks waiting, and Infinity for no limit", () => {
    for (const options of [{ maxWaiting: 0, taskTimeoutMs: 1 }, { maxWaiting: 32, taskTimeoutMs: 2 ** 31 - 1 }, { maxWaiting: Infinity, taskTimeoutMs: Infinity }]) {
      const pool = new WorkerPool(new URL(import.meta.url), options);
      expect([pool.maxWaiting, pool.taskTimeoutMs]).toEqual([options.maxWaiting, options.taskTimeoutMs]);
    }
  });
});

describe("a worker pool's bound on waiting tasks", () => {
  it("refuses a task at once when as many as it may hold are waiting, and queues none of it", async () => {
    const pool = sleepyPool({ size: 1, maxWaiting: 1 });
    // The held task and the waiting one end only when the pool closes.
    const ended = [pool.run({ op: "hang" }), pool.run({ op: "echo", value: "second" })].map((task) => task.catch((error: unknown) => error));
    await until(pool, 1, 1);
    await expect(pool.run({ op: "echo", value: "third" })).rejects.toThrow(new WorkerPoolFullError(1));
    expect(pool.stats()).toEqual({ workers: 1, busy: 1, waiting: 1 });
    await pool.close();
    expect(await Promise.all(ended)).toEqual([expect.any(WorkerPoolClosedError), expect.any(WorkerPoolClosedError)]);
  });

  it("does not count the tasks that start at once: with 0 waiting allowed, each worker still takes one", async () => {
    const pool = sleepyPool({ size: 2, maxWaiting: 0 });
    const answers = [pool.run({ op: "echo", value: 1 }), pool.run({ op: "echo", value: 2 })];
    await expect(pool.run({ op: "echo", value: 3 })).rejects.toBeInstanceOf(WorkerPoolFullError);
    expect(await Promise.all(answers)).toEqual([1, 2]);
  });
});

describe("a worker pool's time limit", () => {
  it("fails a task that never answers, ends its worker, and runs the task waiting behind it in a new one", async () => {
    const before = pooledWorkers();
    const pool = sleepyPool({ size: 1, taskTimeoutMs: 500 });
    const hung = pool.run({ op: "hang" });
    const next = pool.run({ op: "echo", value: "after" });
    await expect(hung).rejects.toBeInstanceOf(WorkerTimeoutError);
    await expect(hung).rejects.toThrow(/^the task took longer than the worker pool's time limit of 500 ms; its worker thread was ended$/);
    // The ended worker holds its place until it has exited: never more threads than the size.
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 1 });
    expect(await next).toBe("after");
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    expect(pooledWorkers()).toBe(before + 1);
  });
});

describe("a worker pool's start limit", () => {
  it("fails the task given to a worker that never gets ready, ends that worker, and runs the task waiting behind it in a new one", async () => {
    const before = pooledWorkers();
    // Long enough for a sound worker to load under the test runner on a busy machine (0.2-0.3 s from its
    // bundle at load 5, 0.7 s when it loaded through tsx and the limit was 5 s); the stuck one waits it out.
    const pool = sleepyPool({ size: 1, startTimeoutMs: 2000 });
    // The worker starts in `run`, copying the environment: it never gets ready; the next one will.
    process.env[HANG_ON_LOAD_ENV] = "1";
    const stuck = pool.run({ op: "echo", value: "first" });
    delete process.env[HANG_ON_LOAD_ENV];
    const next = pool.run({ op: "echo", value: "after" });
    const error = await stuck.catch((e: unknown) => e);
    // The ended worker holds its place until it has exited: never more threads than the size.
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 1 });
    expect(error).toBeInstanceOf(WorkerTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 2000, starting: true, message: "the worker thread did not get ready within the worker pool's start limit of 2000 ms; it was ended" });
    expect(await next).toBe("after");
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    expect(pooledWorkers()).toBe(before + 1);
  });
});

/** What became of a task, by kind: its answer, a failed start, or a refusal while starts are stopped. */
function outcome(result: unknown): string {
  if (result instanceof WorkerTimeoutError) return result.starting ? "start limit" : "time limit";
  if (result instanceof WorkerStartsStoppedError) return "stopped";
  return result instanceof Error ? `${result.constructor.name}: ${result.message}` : `answered ${String(result)}`;
}

/** What became of tasks echoing each of `values`, all given at once. */
const echoes = (pool: WorkerPool<SleepyTask, unknown>, values: unknown[]): Promise<unknown[]> =>
  Promise.all(values.map((value) => pool.run({ op: "echo", value }).catch((error: unknown) => error)));

describe("a worker pool's stop on starting workers", () => {
  // The cool-down is measured on the clock: frozen, it stays in force until a test moves the clock on.
  afterEach(() => {
    vi.useRealTimers();
    delete process.env[HANG_ON_LOAD_ENV];
  });

  it("after maxFailedStarts new workers in a row fail to get ready, starts none for the cool-down and refuses at once, with one error, the tasks waiting and those given meanwhile", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const before = pooledWorkers();
    // Every start hangs (each worker copies the environment as it starts), so a short start limit will do.
    process.env[HANG_ON_LOAD_ENV] = "1";
    const pool = sleepyPool({ size: 1, startTimeoutMs: 200, maxFailedStarts: 3, startCooldownMs: 60_000 });
    const results = await echoes(pool, [1, 2, 3, 4, 5]);
    // Three workers started, one after another, each failing the task it was given; the two tasks left were
    // refused as soon as the third failed, not given a fourth worker.
    expect(results.map(outcome)).toEqual(["start limit", "start limit", "start limit", "stopped", "stopped"]);
    const stop = results[3];
    expect(results[4]).toBe(stop);
    const untilMs = Date.now() + 60_000;
    expect(stop).toMatchObject({ failedStarts: 3, untilMs, message: `3 new worker thread(s) in a row failed to get ready; the worker pool starts no other until ${new Date(untilMs).toISOString()}` });
    // Meanwhile a task is refused at once with that same error, and no worker is started for it.
    await expect(pool.run({ op: "echo", value: 6 })).rejects.toBe(stop);
    expect(pool.stats()).toEqual({ workers: 0, busy: 0, waiting: 0 });
    expect(pooledWorkers()).toBe(before);
  });

  it("starts a worker again once the cool-down is over, and stops starts again at its first failure", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    process.env[HANG_ON_LOAD_ENV] = "1";
    const pool = sleepyPool({ size: 1, startTimeoutMs: 200, maxFailedStarts: 2, startCooldownMs: 60_000 });
    const first = await echoes(pool, [1, 2, 3]);
    expect(first.map(outcome)).toEqual(["start limit", "start limit", "stopped"]);
    vi.setSystemTime(Date.now() + 59_999);
    await expect(pool.run({ op: "echo", value: 4 })).rejects.toBe(first[2]);
    vi.setSystemTime(Date.now() + 1);
    // The cool-down is over: a worker is started for the first task; it fails too, and the second is refused.
    const again = await echoes(pool, [5, 6]);
    expect(again.map(outcome)).toEqual(["start limit", "stopped"]);
    expect(again[1]).not.toBe(first[2]);
    expect(again[1]).toMatchObject({ failedStarts: 3, untilMs: Date.now() + 60_000 });
  });

  it("counts failed starts in a row only: a worker that gets ready sets the count back to 0", async () => {
    // Long enough for a sound worker to load under the test runner on a busy machine (as above); the stuck ones wait it out.
    const pool = sleepyPool({ size: 1, startTimeoutMs: 2000, taskTimeoutMs: 1000, maxFailedStarts: 2 });
    process.env[HANG_ON_LOAD_ENV] = "1";
    const stuck = pool.run({ op: "echo", value: 1 }).catch((error: unknown) => error);
    delete process.env[HANG_ON_LOAD_ENV];
    // Given to the sound worker started next, which gets ready, then ended by the task's own time limit.
    const hung = pool.run({ op: "hang" }).catch((error: unknown) => error);
    expect([outcome(await stuck), outcome(await hung)]).toEqual(["start limit", "time limit"]);
    // One more failed start: the second in a row only if the ready worker did not set the count back.
    process.env[HANG_ON_LOAD_ENV] = "1";
    const stuckAgain = pool.run({ op: "echo", value: 2 }).catch((error: unknown) => error);
    // Given to the worker started when the ended one has exited.
    await until(pool, 1, 0);
    delete process.env[HANG_ON_LOAD_ENV];
    const next = pool.run({ op: "echo", value: "after" }).catch((error: unknown) => error);
    expect([outcome(await stuckAgain), outcome(await next)]).toEqual(["start limit", "answered after"]);
  });
});
