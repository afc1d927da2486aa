/**
 * A schedule: staff × date × template assignments. What the optimizer returns, what a manager edits by
 * hand, and what the checker explains. Nothing here is trusted: the checker judges it against the input.
 */
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "./primitives.js";
import { PlannedHorizonSchema } from "./input.js";

/** Strict, as the input is: a misspelt field (`lockd`) is named, not dropped with the lock it meant. */
export const AssignmentSchema = z.strictObject({
  staff: IdSchema,
  /** Local date the shift starts on. */
  date: IsoDateSchema,
  template: IdSchema,
  /** Pinned by a manager: the optimizer keeps it. */
  locked: z.boolean().default(false),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ScheduleSchema = z
  .strictObject({
    horizon: PlannedHorizonSchema.optional(),
    assignments: z.array(AssignmentSchema),
  })
  .superRefine((schedule, ctx) => {
    // A horizon its own shifts run past was not the one the schedule was planned for: a repair would take
    // dates the schedule covers for dates it never did. (One the wrong way round is named as such alone.)
    const { horizon } = schedule;
    const outside = horizon && horizon.start <= horizon.end ? schedule.assignments.findIndex((a) => a.date < horizon.start || a.date > horizon.end) : -1;
    if (horizon && outside >= 0) {
      ctx.addIssue({ code: "custom", path: ["horizon"], input: horizon, message: `must take in the dates of the schedule's assignments (assignments[${outside}] is on ${schedule.assignments[outside]!.date}, outside ${horizon.start}…${horizon.end})` });
    }
  });
export type Schedule = z.infer<typeof ScheduleSchema>;
