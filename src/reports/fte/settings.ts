/**
 * FTE report settings: the input's `fte` section with its defaults, checked against the department
 * (level and template ids, the non-productive split), and the hypothetical hire of the what-if
 * (`LEVEL:FTE[:PATTERN]`). Output: resolved settings, or one Problem per bad field.
 */
import { checkFteSettings, FteSettingsSchema, minuteOfDayOf, qualifiedFor, type FteSettings, type Level, type Parsed, type PlanningInput, type Problem, type ShiftTemplate } from "../../../models/index.js";
import { regularRate } from "./productivity.js";

/** A hypothetical hire: a staff member of this level and FTE, limited to the pattern's templates. */
export interface HireSpec {
  level: string;
  /** 1.0 = 80 h per pay period. */
  fte: number;
  /** `day`, `evening`, `night`, `any`, or template ids separated by commas. */
  pattern: string;
  /** Dollars per hour; default the FTE-weighted mean rate of the level's regular staff. */
  hourlyRate?: number;
}

/** A hire with everything settled: the rate and the templates the pattern allows. */
export interface ResolvedHire extends Required<HireSpec> {
  /** Templates of the pattern that the level is qualified for (role family and required skills). */
  templates: string[];
  /** Whether the rate was given (with the hire or as the site's default hire) or is the level's mean. */
  rateFrom: "given" | "level mean";
}

export const PATTERNS = ["day", "evening", "night", "any"] as const;

const NOON_MINUTES = 12 * 60;

/** Day: starts before noon; evening: starts at noon or later; night: the template's night flag. */
export function templateShift(t: ShiftTemplate): "day" | "evening" | "night" {
  if (t.night) return "night";
  return minuteOfDayOf(t.start) < NOON_MINUTES ? "day" : "evening";
}

/**
 * The input's `fte` section with its defaults. Its checks are every input's (models/fte-checks.ts); they run
 * here again for an input stored before they did.
 */
export function resolveSettings(input: PlanningInput): Parsed<FteSettings> {
  const problems = checkFteSettings(input);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: input.fte ?? FteSettingsSchema.parse({}) };
}



/**
 * Whether a hire of this level may work a template, decided as the model decides eligibility. A hire has
 * the level's skills and none of their own; `qualifiedFor` reads only the templates, the level and the skills.
 */
function hireQualifiedFor(input: PlanningInput, level: Level): (templateId: string) => boolean {
  const ctx = { templates: new Map(input.shiftTemplates.map((t) => [t.id, t])) };
  const person = { level, skills: new Set(level.skills) };
  return (templateId) => qualifiedFor(ctx, person, templateId);
}

/** `LEVEL:FTE[:PATTERN]` as given on the command line; problems name the flag. */
export function parseHireFlag(text: string, field = "--hire"): Parsed<HireSpec> {
  const [level, fte, ...rest] = text.split(":");
  const value = Number(fte);
  if (!level || fte === undefined || fte.trim() === "" || !Number.isFinite(value)) {
    return { ok: false, problems: [{ path: field, message: "must be LEVEL:FTE[:PATTERN], e.g. rph:1.0:day", value: text }] };
  }
  return { ok: true, value: { level, fte: value, pattern: rest.length > 0 ? rest.join(":") : "any" } };
}

/** Checks a hire against the department and settles its rate and templates. */
export function resolveHire(input: PlanningInput, hire: HireSpec, field = "hire"): Parsed<ResolvedHire> {
  const problems: Problem[] = [];
  const level = input.levels.find((l) => l.id === hire.level);
  if (!level) problems.push({ path: `${field}.level`, message: `unknown level id (levels: ${input.levels.map((l) => l.id).join(", ")})`, value: hire.level });
  if (!(hire.fte > 0 && hire.fte <= 1.5)) problems.push({ path: `${field}.fte`, message: "must be above 0 and at most 1.5", value: hire.fte });
  if (!level) return { ok: false, problems };

  const qualified = hireQualifiedFor(input, level);
  const family = input.shiftTemplates.filter((t) => t.roleFamily === level.roleFamily);
  let templates: string[];
  if ((PATTERNS as readonly string[]).includes(hire.pattern)) {
    const matching = family.filter((t) => hire.pattern === "any" || templateShift(t) === hire.pattern);
    templates = matching.filter((t) => qualified(t.id)).map((t) => t.id);
    if (matching.length === 0) problems.push({ path: `${field}.pattern`, message: `no ${level.roleFamily} template matches`, value: hire.pattern });
    else if (templates.length === 0) {
      problems.push({ path: `${field}.pattern`, message: `${level.name} (${level.id}) lacks the skills every ${hire.pattern === "any" ? "" : `${hire.pattern} `}${level.roleFamily} template requires (${matching.map((t) => t.id).join(", ")}): the hire could work no shift`, value: hire.pattern });
    }
  } else {
    templates = hire.pattern.split(",").map((s) => s.trim());
    for (const id of templates) {
      const t = input.shiftTemplates.find((x) => x.id === id);
      if (!t) problems.push({ path: `${field}.pattern`, message: `must be ${PATTERNS.join(", ")} or template ids separated by commas; unknown template id`, value: id });
      else if (t.roleFamily !== level.roleFamily) problems.push({ path: `${field}.pattern`, message: `template is for ${t.roleFamily}s, the level is ${level.roleFamily}`, value: id });
      else if (!qualified(id)) {
        const missing = t.requiredSkills.filter((skill) => !level.skills.includes(skill)).map((skill) => `${input.skills.find((x) => x.id === skill)?.name ?? skill} (${skill})`);
        problems.push({ path: `${field}.pattern`, message: `${level.name} (${level.id}) lacks ${missing.join(", ")} for ${id}: the hire may not work it`, value: id });
      }
    }
  }

  let rate = hire.hourlyRate;
  if (rate === undefined) {
    rate = regularRate(input.staff.filter((s) => s.level === level.id));
    if (rate === undefined) problems.push({ path: `${field}.hourlyRate`, message: `level ${level.id} has no regular staff (employment staff, FTE above 0) to take a rate from; give fte.defaultHire.hourlyRate` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { level: level.id, fte: hire.fte, pattern: hire.pattern, hourlyRate: rate!, templates, rateFrom: hire.hourlyRate === undefined ? "level mean" : "given" } };
}
