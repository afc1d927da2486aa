/**
 * Who may work a shift template: a person of the template's role family who holds every skill it requires
 * (their level's and their own). One definition, asked by the model's columns and cover, the eligibility
 * rule's check, the FTE report's hires and the input's shift-on requests; `unqualifiedReasons` says why not
 * in a manager's words, and must name a reason exactly when `qualifiedFor` is false.
 */
import type { Level, ShiftTemplate } from "./input.js";

/** A person as eligibility sees them: their level and every skill they hold. */
export interface Qualifications {
  level: Pick<Level, "roleFamily">;
  skills: ReadonlySet<string>;
}

/** Every skill a person holds: their level's and their own. */
export function skillsOf(level: Pick<Level, "skills">, member: { skills: readonly string[] }): Set<string> {
  return new Set([...level.skills, ...member.skills]);
}

/** Whether a person may do a template's work: its role family, and every skill it requires. */
export function qualifiedFor(ctx: { templates: ReadonlyMap<string, ShiftTemplate> }, person: Qualifications, templateId: string): boolean {
  const template = ctx.templates.get(templateId)!;
  return person.level.roleFamily === template.roleFamily && template.requiredSkills.every((skill) => person.skills.has(skill));
}

/**
 * Why `name` may not work `template`: "it is technician work and Ann is a pharmacist (Pharmacist)", "Ann
 * lacks Sterile compounding (sterile)"; none when they may. `skillNames`: skill id → name.
 */
export function unqualifiedReasons(template: ShiftTemplate, name: string, person: Qualifications & { level: Pick<Level, "name"> }, skillNames: ReadonlyMap<string, string>): string[] {
  const reasons: string[] = [];
  if (person.level.roleFamily !== template.roleFamily) {
    reasons.push(`it is ${template.roleFamily} work and ${name} is a ${person.level.roleFamily} (${person.level.name})`);
  }
  const missing = template.requiredSkills.filter((skill) => !person.skills.has(skill));
  if (missing.length > 0) reasons.push(`${name} lacks ${missing.map((s) => `${skillNames.get(s) ?? s} (${s})`).join(", ")}`);
  return reasons;
}
