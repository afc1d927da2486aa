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

/** The top-level fields of an object (none for anything else). */
const fieldsOf = (data: unknown): Set<string> => new Set(data !== null && typeof data === "object" && !Array.isArray(data) ? Object.keys(data) : []);

/**
 * One line for a schedule given where a planning input goes, or the reverse (`check SCHEDULE INPUT`,
 * `--history-from` given the input), instead of a line per field of the other kind ("site: Invalid input",
 * "assignments: unknown field", …). Undefined when `data` is no clearly other kind.
 */
function otherKind(data: unknown, wanted: "schedule" | "planning input"): Problem | undefined {
  const fields = fieldsOf(data);
  if (wanted === "schedule" && !fields.has("assignments") && ["site", "staff", "shiftTemplates"].every((f) => fields.has(f))) {
    return { path: "assignments", message: "missing: this is a planning input (it has site, staff and shiftTemplates), not a schedule; give the schedule (solve writes schedule.json)" };
  }
  if (wanted === "planning input" && fields.has("assignments") && !fields.has("site") && !fields.has("staff")) {
    return { path: "site", message: "missing: this is a schedule (it has assignments), not a planning input; give the department's planning input" };
  }
  return undefined;
}

/** `options.standing`: the stored input a write replaces, whose shift-on requests stand (`checkReferences`). */
export function parsePlanningInput(data: unknown, options: ReferenceOptions = {}): Parsed<PlanningInput> {
  const result = PlanningInputSchema.safeParse(data);
  const other = result.success ? undefined : otherKind(data, "planning input");
  if (other) return { ok: false, problems: [other] };
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error, data) };
  const dropped = prototypeKeys(data);
  if (dropped.length > 0) return { ok: false, problems: dropped };
  const problems = checkReferences(result.data, options);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}

export function parseSchedule(data: unknown): Parsed<Schedule> {
  const result = ScheduleSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const other = otherKind(data, "schedule");
  return { ok: false, problems: other ? [other] : problemsFromZod(result.error, data) };
}
