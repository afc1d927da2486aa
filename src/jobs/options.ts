/**
 * What a job is asked to do, stored with the job: a solve (the request body of `POST /sites/{id}/schedules`;
 * one zod schema serves validation, the OpenAPI document and the stored options) or an FTE report.
 */
import { z } from "zod";
import { IsoDateSchema } from "../../models/index.js";

export const SolveJobOptionsSchema = z
  .strictObject({
    /** Wall-clock limit of the solve in seconds (default 60). */
    timeLimitSeconds: z.number().min(1).max(3600).default(60).meta({ description: "Solve time limit in seconds (default 60)" }),
    /** Stop when the relative gap is at most this (default: the optimizer's, 0.0001). */
    relativeGap: z.number().min(0).max(1).optional().meta({ description: "Stop at this relative gap (default 0.0001)" }),
    /**
     * The schedule whose locked assignments are kept and which seeds the solve (default: the site's schedule
     * changed last, draft or published; a repair's: the latest published version speaking for dates of the
     * horizon, else the latest, and none is a 400).
     */
    baseScheduleId: z.string().min(1).max(100).optional().meta({ description: "Schedule whose locks are kept and which seeds the solve (default: the schedule changed last; for a repair, the latest published version speaking for dates of the site's horizon, else the latest)" }),
    /** Start from the base schedule (default true). */
    warmStart: z.boolean().default(true),
    /**
     * A repair after a call-out (recorded as leave in the site's input): the base schedule is the reference
     * whose changes `repair.changes` prices, and only the dates from `changeFrom` until `changeUntil`
     * (default: the horizon's) may change; on the others the base stays exactly as it is.
     */
    repair: z
      .strictObject({
        changeFrom: IsoDateSchema.optional(),
        changeUntil: IsoDateSchema.optional(),
      })
      .optional()
      .meta({
        description:
          "Repair after a call-out: the base schedule becomes the reference each change from it is priced against (repair.changes), and only the dates from changeFrom until changeUntil (default: the whole horizon) may change; on the others the base stays exactly as it is",
      }),
  })
  .meta({ id: "SolveRequest" });
export type SolveJobOptions = z.infer<typeof SolveJobOptionsSchema>;

/** An FTE report job's settings, checked by the route before the job is queued. */
export interface FteReportJobOptions {
  /** The hypothetical hire (default: the site's `fte.defaultHire`, else the report's choice). */
  hire?: { level: string; fte: number; pattern: string; hourlyRate?: number };
  /** Hires tried after today's staff: maxHires + 1 solves. */
  maxHires: number;
  /** Per what-if solve, seconds. */
  timeLimitSeconds: number;
  /** The format the result is served in unless the reader asks for another. */
  format: "json" | "csv" | "html";
}

/** A job's progress: a solve's as optimize reports it; an FTE report's in solves done of the total. */
export const ProgressSchema = z
  .object({
    elapsedSeconds: z.number(),
    incumbent: z.number().optional(),
    bound: z.number().optional(),
    gap: z.number().optional(),
    solvesDone: z.number().int().optional().meta({ description: "FTE report jobs: what-if solves finished" }),
    solvesTotal: z.number().int().optional().meta({ description: "FTE report jobs: what-if solves in all (maxHires + 1)" }),
    conflictSearch: z
      .object({
        step: z.enum(["people", "narrowing", "department"]),
        done: z.number().int(),
        of: z.number().int(),
      })
      .optional()
      .meta({
        description:
          "Solve jobs found infeasible: how far the search for the conflicting rules is — each person's hard rules checked alone (people), each person who cannot be scheduled narrowed to the rules that conflict (narrowing), then the department-wide rules",
      }),
  })
  .meta({ id: "Progress" });
export type JobProgress = z.infer<typeof ProgressSchema>;

/** How the solve ended, for a finished job. */
export const SolveResultSchema = z
  .object({
    solveStatus: z.enum(["optimal", "feasible", "infeasible", "timedout"]),
    objective: z.number().optional(),
    bound: z.number().optional(),
    gap: z.number().optional(),
    seconds: z.number(),
    warnings: z.array(z.string()).optional().meta({ description: "What went wrong along the way without ending the solve; the schedule is the best found without it" }),
    changes: z
      .array(z.object({ staff: z.string(), date: z.string(), template: z.string(), message: z.string() }))
      .optional()
      .meta({
        description:
          "Repair jobs: each shift given to someone or taken from someone against the base schedule, as repair.changes counts them (objective includes their price; the draft's explanation, judged against the site's input, which holds no reference, does not)",
      }),
  })
  .meta({ id: "SolveResult" });
export type SolveResult = z.infer<typeof SolveResultSchema>;
