/**
 * The engine interface: one adapter per MIP library. An engine solves a LinearModel synchronously inside a
 * worker thread (see `run.ts`); outcomes are values, never exceptions.
 */
import type { LinearModel } from "../model/linear-model.js";

/**
 * - `optimal`: proven optimal within the relative gap asked for.
 * - `feasible`: stopped early (time limit or cancel) with an incumbent; its gap says how good it is.
 * - `infeasible`: the hard rules cannot all hold.
 * - `timedout`: stopped early without any incumbent.
 */
export type SolveStatus = "optimal" | "feasible" | "infeasible" | "timedout";

export type EngineName = "highs" | "jslp";

export interface SolveOptions {
  /** Wall-clock limit in seconds (default 60). */
  timeLimitSeconds?: number;
  /** Stop when (incumbent − bound) / |incumbent| is at most this (default 0.0001). */
  relativeGap?: number;
  /** Engine-specific options passed through as they are (HiGHS option names), for tuning. */
  engineOptions?: Record<string, number | string | boolean>;
  /** Column values to start from (a previous schedule's x columns); engines that cannot use one ignore it. */
  warmStart?: { indices: Int32Array; values: Float64Array };
}

export const DEFAULT_TIME_LIMIT_SECONDS = 60;
export const DEFAULT_RELATIVE_GAP = 1e-4;

export interface Incumbent {
  objective: number;
  values: Float64Array;
  elapsedSeconds: number;
}

export interface Progress {
  elapsedSeconds: number;
  incumbent?: number;
  bound?: number;
  gap?: number;
  /** Once a solve is infeasible (or ends with no schedule), how far the search for the conflicting rules is. */
  conflictSearch?: ConflictSearchProgress;
}

/**
 * The conflict search's steps: each person's hard rules checked alone (`people`), each person who cannot
 * be scheduled narrowed to the rules that conflict (`narrowing`), then the department-wide rules.
 */
export interface ConflictSearchProgress {
  step: "people" | "narrowing" | "department";
  done: number;
  of: number;
}

export interface EngineResult {
  status: SolveStatus;
  /** Objective of the returned column values. */
  objective?: number;
  /** Best proven lower bound. */
  bound?: number;
  /** Relative gap between objective and bound. */
  gap?: number;
  seconds: number;
  /** Seconds until the first incumbent, when the engine reports it. */
  firstFeasibleSeconds?: number;
  values?: Float64Array;
  /** Why the engine said what it said, for logs and tests. */
  detail?: string;
  /** What went wrong along the way without ending the solve (a search's solve that threw), for the user. */
  warnings?: string[];
}

export interface EngineHooks {
  onProgress?: (progress: Progress) => void;
  /** Polled during the solve; true asks the engine to stop with what it has. */
  shouldStop?: () => boolean;
  /** Each new incumbent's column values, where the engine gives them during the solve (HiGHS does). */
  onIncumbent?: (incumbent: Incumbent) => void;
}

export interface Engine {
  name: EngineName;
  solve(model: LinearModel, options: SolveOptions, hooks: EngineHooks): EngineResult;
  /** Bytes the engine holds in this thread now, where it can tell (HiGHS: its WebAssembly memory, which never shrinks). */
  memoryBytes?: () => number;
}

/** Relative gap as HiGHS defines it. */
export function relativeGap(objective: number, bound: number): number {
  if (objective === bound) return 0;
  return Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-9);
}
