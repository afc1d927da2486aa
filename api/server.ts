/**
 * `rxroster serve [--port P] [--host H] [--data-dir DIR] [--public-url URL] [--checker-workers N]
 * [--checker-max-waiting N] [--checker-time-limit S] [--checker-start-limit S]`: open (or create) the
 * store, fail jobs a previous process left running, start the queue and listen. SIGINT/SIGTERM/SIGHUP close
 * gracefully: stop accepting, finish in-flight requests, stop running solves as `POST /jobs/{id}/stop` does
 * (their best schedule kept as the draft; one with none within the queue's shutdown grace, and an FTE report,
 * ends as interrupted), log how each ended, end the checker's worker threads, close the database. A second
 * signal, of any of the three, quits at once.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, constants as osConstants } from "node:os";
import { SolveQueue } from "../src/jobs/queue.js";
import type { SolveQueueOptions } from "../src/jobs/queue-options.js";
import { CheckerPool } from "../src/jobs/checker-worker.js";
import { claimDataDir } from "../src/store/claim.js";
import { DEFAULT_DATA_DIR, openStore, StoreOpenError, type Store } from "../src/store/store.js";
import { inOrderGiven, joinNegativeValues, parseDecimal, parseWhole, readArgs, type ArgProblem } from "../src/cli/flags.js";
import { SERVE_USAGE } from "../src/cli/usage.js";
import { createApp } from "./app.js";

export interface ServeOptions {
  /** TCP port; 0 picks a free one (default 8080). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Directory of the SQLite store, created if missing (default `.rxroster`). */
  dataDir?: string;
  /** Base of the links the API hands out (feed URLs), e.g. https://rx.example.org; default: the request's host. */
  publicBaseUrl?: string;
  queue?: SolveQueueOptions;
  /**
   * Worker threads at most at once for the checker's work on requests: explanations, the checks of posted
   * drafts and edits, schedule pages, candidates, the FTE productivity view, calendar feeds' first builds
   * (default 2, or 1 on one core). More requests wait their turn; each worker keeps the last two prepared
   * inputs it used (a month's each).
   */
  checkerWorkers?: number;
  /**
   * Requests at most waiting for a checker worker, besides those being worked on (default 32); one more is
   * answered at once with 503 and `Retry-After`, so a burst cannot make everyone wait without end.
   * Infinity: no bound.
   */
  checkerMaxWaiting?: number;
  /**
   * Milliseconds the checker's work on one request may take (default 60000); past it the worker is ended
   * and replaced, and the request answered 503 naming the limit. Infinity: no limit.
   */
  checkerTaskTimeoutMs?: number;
  /**
   * Milliseconds a new checker worker may take to load and be ready (default 30000); past it the worker is
   * ended and the request it was given answered 503 naming the limit. Infinity: no limit.
   */
  checkerStartTimeoutMs?: number;
  /** Where notices go (default stderr). */
  notice?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const notice = options.notice ?? ((line: string) => process.stderr.write(line + "\n"));
  // Before anything is claimed or opened: a bad checker option (0 workers, NaN) is refused by name and
  // leaves nothing behind. It starts no thread until a request needs one.
  const checker = new CheckerPool(options.checkerWorkers ?? Math.min(2, availableParallelism()), undefined, {
    maxWaiting: options.checkerMaxWaiting,
    taskTimeoutMs: options.checkerTaskTimeoutMs,
    startTimeoutMs: options.checkerStartTimeoutMs,
  });
  const release = claimDataDir(dataDir);
  let store: Store;
  try {
    store = openStore(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const queue = new SolveQueue(store, { log: notice, ...options.queue });
  const app = createApp({ store, queue, checker, log: notice, ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}) });
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands a listen error (a port in use) to this callback.
    const s = app.listen(options.port ?? 8080, options.host ?? "127.0.0.1", (error?: Error) => (error ? reject(error) : resolve(s)));
  }).catch(async (error: unknown) => {
    await checker.close();
    store.close();
    release();
    throw error;
  });
  // Only once listening: a second server started by mistake on a port in use must not mark the first
  // one's running jobs as interrupted.
  const started = queue.start();
  if (started.notice) notice(started.notice);
  if (!store.tokens.hasLiveAdmin()) {
    notice(`rxroster: no admin token yet; create one with: rxroster token create --role admin --data-dir ${dataDir}`);
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const line of await queue.close()) notice(line);
      // In-flight requests have had their answers from the checker by now.
      await stopped;
      await checker.close();
      store.close();
      release();
    })());
  return { server, port: (server.address() as AddressInfo).port, close };
}

const SERVE_FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  "data-dir": { type: "string" },
  "public-url": { type: "string" },
  "checker-workers": { type: "string" },
  "checker-max-waiting": { type: "string" },
  "checker-time-limit": { type: "string" },
  "checker-start-limit": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
type ValueFlag = Exclude<keyof typeof SERVE_FLAGS, "help">;

/** Most checker worker threads the command line takes: each holds up to two prepared months while it works. */
const MAX_CHECKER_WORKERS = 64;
/** Most requests waiting for the checker the command line takes. */
const MAX_CHECKER_WAITING = 10_000;
/** Most seconds of the checker's work on one request (or of a new worker's start) the command line takes, as `rxroster solve --time-limit`. */
const MAX_CHECKER_TIME_LIMIT_SECONDS = 86_400;

/**
 * `rxroster serve`'s flags as startServer's options; or a line for each bad value, naming its flag (and
 * `usage` when the flags themselves could not be read: an unknown one, a value missing); or `help` for
 * `--help` alone among readable flags.
 */
export function parseServeArgs(argv: string[]): { ok: true; value: ServeOptions } | { ok: true; help: true } | { ok: false; problems: string[]; usage: boolean } {
  // `--checker-max-waiting -1` reaches its range check rather than parseArgs' "ambiguous".
  const read = readArgs(joinNegativeValues(argv, new Set(Object.keys(SERVE_FLAGS).filter((flag) => flag !== "help"))), SERVE_FLAGS, false);
  const { values } = read;
  if (values.help && read.problems.length === 0) return { ok: true, help: true };
  // Every bad value is named at once, not only the first, with the unknown, repeated or valueless options
  // in the order given.
  const problems: ArgProblem[] = [...read.problems];
  const bad = (flag: keyof typeof SERVE_FLAGS, line: string): void => void problems.push({ at: read.at.get(flag) ?? Infinity, line });
  // Plain digits, as the other flags: Number() took "" as port 0 and "0x50" as 80.
  const port = values.port === undefined ? 8080 : parseWhole(values.port);
  if (port === undefined || port > 65535) bad("port", `--port must be an integer from 0 to 65535 (got "${values.port}")`);
  // An empty value is most likely a shell variable that was not set: taken, it meant `.rxroster` in the
  // working directory, or 127.0.0.1, without a word.
  if (values.host === "") bad("host", `--host must name a host or address such as 127.0.0.1 (got "")`);
  if (values["data-dir"] === "") bad("data-dir", `--data-dir must name a directory (got "")`);
  const publicUrl = values["public-url"];
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(publicUrl)) bad("public-url", `--public-url must be an http(s) origin such as https://rx.example.org (got "${publicUrl}")`);
  const whole = (flag: ValueFlag, min: number, max: number): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const value = parseWhole(raw);
    if (value === undefined || value < min || value > max) bad(flag, `--${flag} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const checkerWorkers = whole("checker-workers", 1, MAX_CHECKER_WORKERS);
  const checkerMaxWaiting = whole("checker-max-waiting", 0, MAX_CHECKER_WAITING);
  // Seconds in plain decimals, as `solve --time-limit`; startServer's options take milliseconds.
  const milliseconds = (flag: ValueFlag): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const seconds = parseDecimal(raw);
    if (seconds === undefined || seconds < 1 || seconds > MAX_CHECKER_TIME_LIMIT_SECONDS) bad(flag, `--${flag} must be a number of seconds from 1 to ${MAX_CHECKER_TIME_LIMIT_SECONDS} (got "${raw}")`);
    return seconds === undefined ? undefined : Math.round(seconds * 1000);
  };
  const checkerTaskTimeoutMs = milliseconds("checker-time-limit");
  const checkerStartTimeoutMs = milliseconds("checker-start-limit");
  // Options that could not be read (unknown, repeated, valueless) are followed by the usage.
  if (problems.length > 0) return { ok: false, problems: inOrderGiven(problems), usage: read.problems.length > 0 };
  return {
    ok: true,
    value: {
      port,
      ...(values.host ? { host: values.host } : {}),
      ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
      ...(publicUrl ? { publicBaseUrl: publicUrl.replace(/\/$/, "") } : {}),
      ...(checkerWorkers !== undefined ? { checkerWorkers } : {}),
      ...(checkerMaxWaiting !== undefined ? { checkerMaxWaiting } : {}),
      ...(checkerTaskTimeoutMs !== undefined ? { checkerTaskTimeoutMs } : {}),
      ...(checkerStartTimeoutMs !== undefined ? { checkerStartTimeoutMs } : {}),
    },
  };
}

/**
 * The warning `serve` gives when it listens beyond this machine without `--public-url`: a feed's link, whose
 * path is its secret, is then built from each request's Host header and protocol (plain http behind a TLS
 * proxy), so staff would subscribe over http, or to whatever host a request named.
 */
export function publicUrlWarning(host: string, publicBaseUrl: string | undefined): string | undefined {
  const loopback = host === "localhost" || host === "::1" || /^127\./.test(host);
  if (publicBaseUrl !== undefined || loopback) return undefined;
  return `rxroster serve: no --public-url: calendar feed links will be built from each request's Host header and protocol; give --public-url https://… (the address staff reach) so their links name it, over HTTPS`;
}

/** Why `--host` and `--port` cannot be listened on, by the error's code: the user's to mend, said in a line. */
const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: "another program uses the port",
  EACCES: "permission denied",
  EADDRNOTAVAIL: "no such address here",
  // A host name that does not resolve (getaddrinfo), or not now (no name server answered).
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be looked up",
};

/** The `serve` command (bin/rxroster.js dispatches here). Returns the exit code on bad flags; otherwise runs until a signal. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseServeArgs(argv);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`rxroster serve: ${problem}\n`);
    if (parsed.usage) process.stderr.write(`usage:\n${SERVE_USAGE}\n`);
    return 2;
  }
  if ("help" in parsed) {
    process.stdout.write(`usage:\n${SERVE_USAGE}\n`);
    return 0;
  }
  const options = parsed.value;
  const host = options.host ?? "127.0.0.1";
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    // The user's to mend: a data directory that is not ours, a port another program holds.
    const { code } = error as NodeJS.ErrnoException;
    if (error instanceof StoreOpenError) process.stderr.write(`rxroster serve: --data-dir: ${error.message}\n`);
    else if (code !== undefined && code in LISTEN_ERRORS) process.stderr.write(`rxroster serve: cannot listen on ${host}:${options.port} (${LISTEN_ERRORS[code]})\n`);
    else throw error;
    return 2;
  }
  process.stdout.write(`rxroster: listening on http://${host}:${running.port} (data in ${options.dataDir ?? DEFAULT_DATA_DIR})\n`);
  const warning = publicUrlWarning(host, options.publicBaseUrl);
  if (warning) process.stderr.write(`${warning}\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // Any second signal, not only a repeat of the first (which Node's default ended the process on): Ctrl-C
    // and then `kill` mean the same, and the shutdown may now wait seconds for running solves.
    if (stopping) {
      process.stderr.write(`rxroster: ${signal} again: quitting at once; jobs still running are marked interrupted at the next start\n`);
      process.exit(128 + osConstants.signals[signal]);
    }
    stopping = true;
    process.stderr.write("rxroster: shutting down… (running solves are stopped and keep their best schedule; a second signal quits at once)\n");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // A closed terminal (the session `serve` ran in) or `systemctl reload`: there is nothing to reload, and
  // Node's default ended the server at once, its running jobs unfinished and server.pid left behind.
  process.on("SIGHUP", stop);
  return new Promise<number>(() => {});
}
