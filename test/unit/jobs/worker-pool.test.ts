/**
 * The worker pool refuses a size or a limit that would leave tasks waiting forever or refuse none; beyond
 * its bound it refuses a task at once; a task past its time limit, or given to a worker that does not get
 * ready within the start limit, fails, its worker is ended and replaced, and the tasks waiting go on.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CheckerPool } from "../../../src/jobs/checker-worker.js";
import { pooledWorkers, WorkerPool, WorkerPoolClosedError, WorkerPoolFullError, WorkerTimeoutError, type WorkerPoolOptions } from "../../../src/jobs/worker-pool.js";
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
    // Long enough for a sound worker to load under the test runner on a busy machine; the stuck one waits it out.
    const pool = sleepyPool({ size: 1, startTimeoutMs: 5000 });
    // The worker starts in `run`, copying the environment: it never gets ready; the next one will.
    process.env[HANG_ON_LOAD_ENV] = "1";
    const stuck = pool.run({ op: "echo", value: "first" });
    delete process.env[HANG_ON_LOAD_ENV];
    const next = pool.run({ op: "echo", value: "after" });
    const error = await stuck.catch((e: unknown) => e);
    // The ended worker holds its place until it has exited: never more threads than the size.
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 1 });
    expect(error).toBeInstanceOf(WorkerTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 5000, starting: true, message: "the worker thread did not get ready within the worker pool's start limit of 5000 ms; it was ended" });
    expect(await next).toBe("after");
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    expect(pooledWorkers()).toBe(before + 1);
  });
});
