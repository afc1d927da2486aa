/**
 * A small pool of persistent worker threads for synchronous work too heavy for the API's event loop (the
 * checker's explanation of a month takes a second or two). Input: a task, a plain message; output: the
 * worker's plain answer. A worker takes one task at a time; the rest wait in order. Workers start when
 * first needed (under the test runner one takes about half a second to load) and then stay, so a request
 * pays that once, not every time. A worker that dies fails the task it held and is replaced by the next
 * task; closing the pool fails what waits and ends the workers. Optionally, the tasks waiting are bounded
 * (one more is refused at once), a task has a time limit and a new worker a limit to start in (past either,
 * the worker is ended and replaced, and the tasks waiting go on), and after some failed starts in a row no
 * worker is started for a while (what no worker alive can take is refused at once meanwhile).
 * The errors it rejects a task with are in worker-errors.ts; the worker's side, and what it posts, in
 * pool-worker.ts.
 */
import type { Worker } from "node:worker_threads";
import type { Answer, Ready } from "./pool-worker.js";
import { WorkerExitedError, WorkerPoolClosedError, WorkerPoolFullError, WorkerStartsStoppedError, WorkerTimeoutError } from "./worker-errors.js";
import { startModuleWorker } from "./worker-thread.js";

export interface WorkerPoolOptions {
  /** Worker threads at most at once (default 1). */
  size?: number;
  /**
   * Tasks at most waiting for a worker, besides those the workers hold (default Infinity: no bound). One
   * more is refused with a WorkerPoolFullError, so a burst cannot grow the queue, and its callers' wait,
   * without end. 0: a task runs at once or is refused.
   */
  maxWaiting?: number;
  /**
   * Milliseconds a task may hold its worker (default Infinity: no limit), counted from when the worker is
   * ready (a new one loads its module first, within startTimeoutMs: half a second or more under the test
   * runner). Past it the task fails with a WorkerTimeoutError and its worker is ended, a new one taking its
   * place for the tasks waiting: a task that never answers cannot hold a worker for ever.
   */
  taskTimeoutMs?: number;
  /**
   * Milliseconds a new worker may take to load its module and be ready for tasks (default Infinity: no
   * limit), counted from when it is started. Past it the task it was given fails with a WorkerTimeoutError
   * (`starting`) and the worker is ended, a new one taking its place for the tasks waiting: a module that
   * hangs while it loads cannot hold a task for ever, which the task's own limit, counted from when the
   * worker is ready, does not cover.
   */
  startTimeoutMs?: number;
  /**
   * New workers in a row failing to get ready (ended by the start limit, or exited while loading) after
   * which none is started for startCooldownMs (default Infinity: never stop). Meanwhile the workers alive
   * take the tasks; with none left, a task is refused at once with a WorkerStartsStoppedError, and so are
   * those waiting: a module that hangs every time it loads would otherwise cost each of them the start
   * limit, and the pool would start workers for ever. A worker that gets ready sets the count back to 0;
   * after the cool-down one more failed start stops starts again.
   */
  maxFailedStarts?: number;
  /** Milliseconds no worker is started once maxFailedStarts starts in a row have failed (default 60000). */
  startCooldownMs?: number;
}

/** The longest delay `setTimeout` keeps; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `value` if it is Infinity (no limit) or a whole number from `min` to `max`, else a RangeError naming `name`. */
function assertLimit(name: string, value: number, unit: string, min: number, max?: number): number {
  if (value === Infinity) return value;
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
    throw new RangeError(`a worker pool's ${name} must be a whole number of ${unit}, ${range}, or Infinity for no limit (got ${value})`);
  }
  return value;
}

interface Task {
  message: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  /** Its module has loaded: a task's time starts counting. */
  ready?: boolean;
  /** Ends the worker when it is not ready within the start limit, then the task when it runs past the time limit. */
  timer?: NodeJS.Timeout;
  /** It ran past a limit (its task's, or its own to start): it is being ended, and takes no other task. */
  ending?: boolean;
  /** The uncaught error the worker died of, reported before its exit. */
  error?: Error;
  exited: Promise<void>;
}

let live = 0;

/** Pool worker threads alive in this process, across pools (for tests and diagnostics). */
export function pooledWorkers(): number {
  return live;
}

export class WorkerPool<TTask, TAnswer> {
  readonly size: number;
  readonly maxWaiting: number;
  readonly taskTimeoutMs: number;
  readonly startTimeoutMs: number;
  readonly maxFailedStarts: number;
  readonly startCooldownMs: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private closed = false;
  /** New workers in a row that failed to get ready. */
  private failedStarts = 0;
  /** Set when failedStarts reached maxFailedStarts: no worker is started before its untilMs. */
  private startsStopped?: WorkerStartsStoppedError;

  constructor(
    private readonly moduleUrl: URL,
    options: WorkerPoolOptions = {},
  ) {
    const size = options.size ?? 1;
    // A size that is not a whole number of threads (NaN, 0, 1.5) would start none, and every task would wait forever.
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a worker pool's size must be a whole number of threads, at least 1 (got ${size})`);
    this.size = size;
    // A bound of NaN would refuse nothing; a time limit of NaN, or past setTimeout's range, would fire at once.
    this.maxWaiting = assertLimit("maxWaiting", options.maxWaiting ?? Infinity, "tasks", 0);
    this.taskTimeoutMs = assertLimit("taskTimeoutMs", options.taskTimeoutMs ?? Infinity, "milliseconds", 1, MAX_TIMER_MS);
    this.startTimeoutMs = assertLimit("startTimeoutMs", options.startTimeoutMs ?? Infinity, "milliseconds", 1, MAX_TIMER_MS);
    this.maxFailedStarts = assertLimit("maxFailedStarts", options.maxFailedStarts ?? Infinity, "starts", 1);
    // Measured on the clock, not a timer: any whole number will do, but not Infinity (never start again).
    this.startCooldownMs = options.startCooldownMs ?? 60_000;
    if (!Number.isInteger(this.startCooldownMs) || this.startCooldownMs < 1) {
      throw new RangeError(`a worker pool's startCooldownMs must be a whole number of milliseconds, at least 1 (got ${this.startCooldownMs})`);
    }
  }

  /**
   * The worker's answer to `task`; rejects with the worker's error, a WorkerExitedError, a WorkerTimeoutError,
   * a WorkerPoolFullError (at once, nothing queued), a WorkerStartsStoppedError (at once, or while it waits
   * when starts stop with no worker left) or a WorkerPoolClosedError.
   */
  run(task: TTask): Promise<TAnswer> {
    if (this.closed) return Promise.reject(new WorkerPoolClosedError());
    const stop = this.stoppedWithNoWorker();
    if (stop) return Promise.reject(stop);
    if (!this.idleOrRoom() && this.waiting.length >= this.maxWaiting) return Promise.reject(new WorkerPoolFullError(this.maxWaiting));
    return new Promise<TAnswer>((resolve, reject) => {
      this.waiting.push({ message: task, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Workers alive now (one being ended for a limit included), and tasks held by them or waiting. */
  stats(): { workers: number; busy: number; waiting: number } {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.task).length, waiting: this.waiting.length };
  }

  /** Fails the tasks waiting and those running (their workers are ended), and resolves once every worker has exited. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new WorkerPoolClosedError());
    const slots = [...this.slots];
    for (const slot of slots) {
      // Ended by the close, not by a limit.
      clearTimeout(slot.timer);
      void slot.worker.terminate();
    }
    await Promise.all(slots.map((s) => s.exited));
  }

  /** Whether a task given now starts at once: a worker is idle, or another may start. */
  private idleOrRoom(): boolean {
    return this.slots.some((s) => !s.task && !s.ending) || (this.slots.length < this.size && !this.stopped());
  }

  /** The stop on starting workers in force now, if any; one whose cool-down is over is lifted. */
  private stopped(): WorkerStartsStoppedError | undefined {
    if (this.startsStopped && Date.now() >= this.startsStopped.untilMs) this.startsStopped = undefined;
    return this.startsStopped;
  }

  /** The stop in force, when no worker is left to take a task either: it would wait for nothing until the cool-down ends. */
  private stoppedWithNoWorker(): WorkerStartsStoppedError | undefined {
    const stop = this.stopped();
    return stop && !this.slots.some((s) => !s.ending) ? stop : undefined;
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      // A worker being ended for a limit counts against the size until it has exited.
      const slot = this.slots.find((s) => !s.task && !s.ending) ?? (this.slots.length < this.size && !this.stopped() ? this.spawn() : undefined);
      if (!slot) {
        const stop = this.stoppedWithNoWorker();
        if (stop) for (const queued of this.waiting.splice(0)) queued.reject(stop);
        return;
      }
      const task = this.waiting.shift()!;
      slot.task = task;
      // Held while it works, so an answer is awaited even where nothing else keeps the process alive; an
      // idle worker never holds a process (a test's, a script's) open.
      slot.worker.ref();
      try {
        slot.worker.postMessage(task.message);
      } catch (error) {
        // A task that cannot be copied to a thread (a function in it): the caller's bug, not the worker's.
        slot.task = undefined;
        slot.worker.unref();
        task.reject(error as Error);
        continue;
      }
      if (slot.ready) this.startClock(slot);
    }
  }

  /** Starts the time limit of the task `slot` holds. */
  private startClock(slot: Slot): void {
    if (this.taskTimeoutMs < Infinity) slot.timer = setTimeout(() => this.expire(slot, false), this.taskTimeoutMs).unref();
  }

  /**
   * The task in `slot` ran out of time, or (`starting`) its worker did not get ready in time: the task fails,
   * and the worker is ended; its exit lets a new one start.
   */
  private expire(slot: Slot, starting: boolean): void {
    const task = slot.task;
    slot.task = undefined;
    slot.timer = undefined;
    slot.ending = true;
    task?.reject(new WorkerTimeoutError(starting ? this.startTimeoutMs : this.taskTimeoutMs, starting));
    void slot.worker.terminate();
  }

  private spawn(): Slot {
    const worker = startModuleWorker(this.moduleUrl, { pooled: this.moduleUrl.href });
    worker.unref();
    live++;
    let exited!: () => void;
    const slot: Slot = { worker, exited: new Promise<void>((resolve) => (exited = resolve)) };
    // A module that never finishes loading would hold the task it is given for ever: the task's own clock starts only once it is ready.
    if (this.startTimeoutMs < Infinity) slot.timer = setTimeout(() => this.expire(slot, true), this.startTimeoutMs).unref();
    const answered = (answer: Answer): void => {
      const task = slot.task;
      slot.task = undefined;
      clearTimeout(slot.timer);
      slot.timer = undefined;
      // Unless it is being ended for a limit: held until it has exited, as it was while it worked.
      if (!slot.ending) worker.unref();
      if (task) {
        if (answer.ok) task.resolve(answer.value);
        else task.reject(Object.assign(new Error(answer.error.message), answer.error.stack ? { stack: answer.error.stack } : {}));
      }
      this.dispatch();
    };
    worker.on("message", (message: Answer | Ready) => {
      if (!("ready" in message)) return answered(message);
      // Ready too late: it is being ended for the start limit, a failed start.
      if (slot.ending) return;
      clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.ready = true;
      this.failedStarts = 0;
      // A task given to it while it loaded starts its clock now.
      if (slot.task) this.startClock(slot);
    });
    worker.on("messageerror", (error) => answered({ ok: false, error: { message: `the worker's answer could not be read: ${error.message}` } }));
    worker.on("error", (error) => (slot.error = error));
    worker.once("exit", (code) => {
      live--;
      clearTimeout(slot.timer);
      this.slots.splice(this.slots.indexOf(slot), 1);
      // Ended by the start limit or dead while loading (not by a close): one more failed start in a row.
      if (!slot.ready && !this.closed && ++this.failedStarts >= this.maxFailedStarts && !this.stopped()) {
        this.startsStopped = new WorkerStartsStoppedError(this.failedStarts, Date.now() + this.startCooldownMs);
      }
      slot.task?.reject(this.closed ? new WorkerPoolClosedError() : new WorkerExitedError(code, slot.error));
      exited();
      // A task waiting starts a new worker in its place.
      this.dispatch();
    });
    this.slots.push(slot);
    return slot;
  }
}
