/**
 * Stopping a solve of `solve`, `demo` or `repair` from outside: Ctrl-C (SIGINT), or SIGTERM, which
 * `timeout`, systemd and `docker stop` send and which used to end the run silently with nothing written.
 * The first ends the search as its time limit would (once it has a schedule), so the best schedule found
 * so far is written and summed up; a second quits at once without it, exit 128 + the signal's number as a
 * shell reports it (130 for Ctrl-C, 143 for SIGTERM).
 */
import { constants } from "node:os";

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** Runs `work` with a signal that either stop signal aborts; the handlers are removed when it ends. */
export async function stoppable<T>(say: (line: string) => void, work: (stop: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const handler = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) process.exit(128 + constants.signals[signal]);
    say(
      signal === "SIGINT"
        ? "stopping: the best schedule found so far is written once it is in (Ctrl-C again quits without it)"
        : `stopping on ${signal}: the best schedule found so far is written once it is in (a second ${signal} or Ctrl-C quits without it)`,
    );
    stop.abort();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, handler);
  try {
    return await work(stop.signal);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, handler);
  }
}
