/**
 * A schedule: staff × date × template assignments. What the optimizer returns, what a manager edits by
 * hand, and what the checker explains. Nothing here is trusted: the checker judges it against the input.
 */
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "./input.js";

export const AssignmentSchema = z.object({
  staff: IdSchema,
  /** Local date the shift starts on. */
  date: IsoDateSchema,
  template: IdSchema,
  /** Pinned by a manager: the optimizer keeps it. */
  locked: z.boolean().default(false),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ScheduleSchema = z.object({
  assignments: z.array(AssignmentSchema),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
