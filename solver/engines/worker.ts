/**
 * Worker-thread entry: receives a model, solves it with the named engine, posts progress and the result.
 * A solve blocks this thread for its whole duration; the caller's event loop stays free.
 * Cancel arrives through a shared flag (the thread cannot read messages while the engine runs).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { LinearModel } from "../model/linear-model.js";
import type { EngineName, Incumbent, SolveOptions } from "./types.js";
import { loadHighsEngine } from "./highs.js";
import { jslpEngine } from "./jslp.js";

export interface WorkerInput {
  engine: EngineName;
  model: LinearModel;
  options: SolveOptions;
  /** Int32Array over a SharedArrayBuffer: element 0 becomes 1 to ask for a stop. */
  stop: SharedArrayBuffer;
  /** Post every incumbent's column values (costly on big models: only when a caller wants them). */
  streamIncumbents?: boolean;
}

const input = workerData as WorkerInput;
const stop = new Int32Array(input.stop);
const engine = input.engine === "highs" ? await loadHighsEngine() : jslpEngine;
const result = engine.solve(input.model, input.options, {
  onProgress: (progress) => parentPort!.postMessage({ type: "progress", progress }),
  shouldStop: () => Atomics.load(stop, 0) === 1,
  ...(input.streamIncumbents
    ? { onIncumbent: (incumbent: Incumbent) => parentPort!.postMessage({ type: "incumbent", incumbent }, [incumbent.values.buffer as ArrayBuffer]) }
    : {}),
});
parentPort!.postMessage({ type: "result", result }, result.values ? [result.values.buffer as ArrayBuffer] : []);
