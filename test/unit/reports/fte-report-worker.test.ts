/**
 * An FTE report job's worker reports its elapsed time while a what-if solve runs, not only after it: a
 * report of a few solves of a minute each used to show 0 s elapsed for its whole first minute.
 */
import { expect, it } from "vitest";
import type { FteReportWorkerInput, FteReportWorkerMessage } from "../../../src/jobs/fte-report-worker.js";
import { startModuleWorker } from "../../../src/jobs/worker-thread.js";
import { readDataFile } from "../../../src/io.js";
import { parseInput } from "../../../src/pipeline.js";

it("posts progress while the first what-if solve runs, its elapsed time moving on before any solve is done", async () => {
  const data = readDataFile("data/demo/department.yaml");
  if (!data.ok) throw new Error("the demo does not load");
  // The demo's first week: its solve is not proven optimal within 3 s, so it runs the whole limit.
  const parsed = parseInput({ ...(data.value as object), horizon: { start: "2026-11-01", end: "2026-11-07" } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const input: FteReportWorkerInput = { input: parsed.value, options: { maxHires: 0, timeLimitSeconds: 3, format: "json" }, source: "test" };
  const worker = startModuleWorker(new URL("../../../src/jobs/fte-report-worker.ts", import.meta.url), input);
  const messages: FteReportWorkerMessage[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (message: FteReportWorkerMessage) => messages.push(message));
    worker.on("error", reject);
    worker.on("exit", () => resolve());
  });
  const outcome = messages.at(-1)!;
  expect(outcome).toMatchObject({ type: "outcome", report: expect.anything() });
  const beforeFirst = messages.filter((m) => m.type === "progress" && m.progress.solvesDone === 0).map((m) => (m.type === "progress" ? m.progress.elapsedSeconds : NaN));
  // Its elapsed time moves on while the solve runs (it once stayed at 0 until a solve was done): no
  // figure of how far, which would be a speed check.
  expect(new Set(beforeFirst).size).toBeGreaterThanOrEqual(2);
  expect(Math.max(...beforeFirst)).toBeGreaterThan(0);
});
