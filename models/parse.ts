/**
 * Parse a planning input or a schedule from already-decoded data (JSON or YAML): schema first, then
 * cross-references. Returns every problem found, never throws on bad data.
 */
import { PlanningInputSchema, type PlanningInput } from "./input.js";
import { ScheduleSchema, type Schedule } from "./schedule.js";
import { checkReferences, type ReferenceOptions } from "./references.js";
import { formatPath, problemsFromZod, type Parsed, type Problem } from "./problems.js";

/**
 * Own `__proto__` keys of the raw data, as paths. zod's records (rules, params, dailyUnitsByDate,
 * budgetedFte, maxShiftsPerTemplate) skip such a key without a word; every other unknown field is named.
 */
function prototypeKeys(value: unknown, path: PropertyKey[] = []): Problem[] {
  if (value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const own = !Array.isArray(value) && Object.hasOwn(value, "__proto__") ? [{ path: formatPath([...path, "__proto__"]), message: "unknown field" }] : [];
  return [...own, ...entries.flatMap(([key, v]) => prototypeKeys(v, [...path, key]))];
}

/** `options.standing`: the stored input a write replaces, whose shift-on requests stand (`checkReferences`). */
export function parsePlanningInput(data: unknown, options: ReferenceOptions = {}): Parsed<PlanningInput> {
  const result = PlanningInputSchema.safeParse(data);
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error, data) };
  const dropped = prototypeKeys(data);
  if (dropped.length > 0) return { ok: false, problems: dropped };
  const problems = checkReferences(result.data, options);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}

export function parseSchedule(data: unknown): Parsed<Schedule> {
  const result = ScheduleSchema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsFromZod(result.error, data) };
}
