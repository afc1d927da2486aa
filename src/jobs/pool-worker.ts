/**
 * A worker pool's worker side (worker-pool.ts is the main thread's): the worker's module calls
 * `serveTasks(handle)` when `isPoolWorker(import.meta.url)`, which is false wherever the module is merely
 * imported (by the main thread, or by another pool's worker module). It posts `Ready` once its module has
 * loaded, then an `Answer` for each task.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";

/** What a pool worker posts for each task. */
export type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string; stack?: string } };
/** What a pool worker posts once, when its module has loaded and it takes tasks. */
export type Ready = { ready: true };

/** Whether this thread is a pool's worker started from the module at `moduleUrl` (its `import.meta.url`). */
export function isPoolWorker(moduleUrl: string): boolean {
  const pooled = (workerData as { pooled?: unknown } | null)?.pooled;
  return !isMainThread && typeof pooled === "string" && new URL(pooled).pathname === new URL(moduleUrl).pathname;
}

/** The worker's side: answers each task with `handle`'s value, or with the error it threw. */
export function serveTasks<TTask>(handle: (task: TTask) => unknown): void {
  const port = parentPort!;
  port.postMessage({ ready: true } satisfies Ready);
  port.on("message", (task: TTask) => {
    try {
      port.postMessage({ ok: true, value: handle(task) } satisfies Answer);
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ ok: false, error: { message, ...(stack ? { stack } : {}) } } satisfies Answer);
    }
  });
}
