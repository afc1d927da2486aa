/**
 * What a solve job is asked to do: the request body of `POST /sites/{id}/schedules`, stored with the job.
 * One zod schema serves validation, the OpenAPI document and the stored options.
 */
import { z } from "zod";

export const SolveJobOptionsSchema = z
  .strictObject({
    /** Wall-clock limit of the solve in seconds (default 60). */
    timeLimitSeconds: z.number().min(1).max(3600).default(60).meta({ description: "Solve time limit in seconds (default 60)" }),
    /** Stop when the relative gap is at most this (default: the optimizer's, 0.0001). */
    relativeGap: z.number().min(0).max(1).optional().meta({ description: "Stop at this relative gap (default 0.0001)" }),
    /** The schedule whose locked assignments are kept and which seeds the solve (default: the site's latest). */
    baseScheduleId: z.string().min(1).max(100).optional().meta({ description: "Schedule whose locks are kept and which seeds the solve (default: the latest)" }),
    /** Start from the base schedule (default true). */
    warmStart: z.boolean().default(true),
  })
  .meta({ id: "SolveRequest" });
export type SolveJobOptions = z.infer<typeof SolveJobOptionsSchema>;

/** A solve's progress as optimize reports it. */
export const ProgressSchema = z
  .object({
    elapsedSeconds: z.number(),
    incumbent: z.number().optional(),
    bound: z.number().optional(),
    gap: z.number().optional(),
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
  })
  .meta({ id: "SolveResult" });
export type SolveResult = z.infer<typeof SolveResultSchema>;
