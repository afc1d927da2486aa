/**
 * The Curtois–Qu instance as typed data, and the shape of a parse problem. Produced by
 * `parse-instance.ts`; read by the evaluator, the importer and the exporters.
 */

export interface CurtoisShift {
  id: string;
  lengthMinutes: number;
  /** Shifts that may not be worked the day after this one. */
  forbiddenNext: string[];
}

export interface CurtoisStaff {
  id: string;
  /** Most times each shift may be worked over the horizon (0: never); a shift not listed is not capped. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

export interface CurtoisDaysOff {
  employee: string;
  /** Days (0-based) on which the employee may not work. */
  days: number[];
}

export interface CurtoisRequest {
  employee: string;
  day: number;
  shift: string;
  /** Penalty when the request is not granted. */
  weight: number;
}

export interface CurtoisCover {
  day: number;
  shift: string;
  /** People wanted on that shift that day. */
  requirement: number;
  /** Penalty per person short. */
  weightUnder: number;
  /** Penalty per person over. */
  weightOver: number;
}

export interface CurtoisInstance {
  /** Number of days, numbered 0…horizon − 1; day 0 is a Monday. */
  horizon: number;
  shifts: CurtoisShift[];
  staff: CurtoisStaff[];
  daysOff: CurtoisDaysOff[];
  shiftOnRequests: CurtoisRequest[];
  shiftOffRequests: CurtoisRequest[];
  cover: CurtoisCover[];
}

export type CurtoisProblemCode =
  | "unknown-section"
  | "duplicate-section"
  | "missing-section"
  | "empty-section"
  | "outside-section"
  | "field-count"
  | "not-an-integer"
  | "out-of-range"
  | "bad-list-item"
  | "empty-id"
  | "duplicate-id"
  | "unknown-shift"
  | "unknown-employee"
  | "duplicate-cover";

export interface CurtoisProblem {
  code: CurtoisProblemCode;
  /** 1-based line number; absent for a problem of the whole file (a missing section). */
  line?: number;
  message: string;
}

export type CurtoisParsed<T, P = CurtoisProblem> = { ok: true; value: T } | { ok: false; problems: P[] };

/** `line 12: …`, or the message alone for a whole-file problem. */
export function formatCurtoisProblem(problem: { line?: number; message: string }): string {
  return problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`;
}
