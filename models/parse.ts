/**
 * Parse a planning input or a schedule from already-decoded data (JSON or YAML): schema first, then
 * cross-references. Returns every problem found, never throws on bad data.
 */
import { PlanningInputSchema, type PlanningInput } from "./input.js";
import { ScheduleSchema, type Schedule } from "./schedule.js";
import { checkReferences } from "./references.js";
import { problemsFromZod, type Parsed } from "./problems.js";

export function parsePlanningInput(data: unknown): Parsed<PlanningInput> {
  const result = PlanningInputSchema.safeParse(data);
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error, data) };
  const problems = checkReferences(result.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}

export function parseSchedule(data: unknown): Parsed<Schedule> {
  const result = ScheduleSchema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsFromZod(result.error, data) };
}
