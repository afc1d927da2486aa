/** The worker pool refuses a size that would start no thread, instead of leaving every task waiting. */
import { describe, expect, it } from "vitest";
import { CheckerPool } from "../../../src/jobs/checker-worker.js";
import { WorkerPool } from "../../../src/jobs/worker-pool.js";

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
