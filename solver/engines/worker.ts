/**
 * Worker-thread entry: loads the engine named in `workerData`, then solves each model posted to it in
 * turn, posting progress and the result. A solve blocks this thread for its whole duration; the caller's
 * event loop stays free. Cancel arrives through a shared flag (the thread cannot read messages while the
 * engine runs).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { LinearModel } from "../model/linear-model.js";
import type { EngineName, EngineResult, Incumbent, Progress, SolveOptions } from "./types.js";
import { loadHighsEngine } from "./highs.js";
import { jslpEngine } from "./jslp.js";

export interface SolveRequest {
  model: LinearModel;
  options: SolveOptions;
  /** Int32Array over a SharedArrayBuffer: element 0 becomes 1 to ask for a stop. */
  stop: SharedArrayBuffer;
  /** Post every incumbent's column values (costly on big models: only when a caller wants them). */
  streamIncumbents?: boolean;
}

export type WorkerMessage = { type: "progress"; progress: Progress } | { type: "incumbent"; incumbent: Incumbent } | { type: "result"; result: EngineResult; memoryBytes?: number };

const { engine: name } = workerData as { engine: EngineName };
const engine = name === "highs" ? await loadHighsEngine() : jslpEngine;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(message, transfer);

parentPort!.on("message", (request: SolveRequest) => {
  const stop = new Int32Array(request.stop);
  const result = engine.solve(request.model, request.options, {
    onProgress: (progress) => post({ type: "progress", progress }),
    shouldStop: () => Atomics.load(stop, 0) === 1,
    ...(request.streamIncumbents
      ? { onIncumbent: (incumbent: Incumbent) => post({ type: "incumbent", incumbent }, [incumbent.values.buffer as ArrayBuffer]) }
      : {}),
  });
  post({ type: "result", result, ...(engine.memoryBytes ? { memoryBytes: engine.memoryBytes() } : {}) }, result.values ? [result.values.buffer as ArrayBuffer] : []);
});
