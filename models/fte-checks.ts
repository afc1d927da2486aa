/**
 * The input's `fte` section checked against the department, as any planning input is checked when it is
 * read (a file, a site's write): fixed activities and budgeted FTE name levels that exist (of the activity's
 * role family), and a split of the non-productive share adds up to it. When these ran for an FTE report
 * alone, such a section was stored, passed `check` and solves, and was then refused by the report.
 */
import { FteSettingsSchema, type PlanningInput } from "./input.js";
import type { Problem } from "./problems.js";

export function checkFteSettings(input: PlanningInput): Problem[] {
  const settings = input.fte ?? FteSettingsSchema.parse({});
  const problems: Problem[] = [];
  const levelFamily = new Map(input.levels.map((l) => [l.id, l.roleFamily]));
  settings.fixedActivities.forEach((a, i) => {
    if (a.level === undefined) return;
    const family = levelFamily.get(a.level);
    if (family === undefined) problems.push({ path: `fte.fixedActivities[${i}].level`, message: "unknown level id", value: a.level });
    else if (family !== a.roleFamily) problems.push({ path: `fte.fixedActivities[${i}].level`, message: `is a ${family} level, not ${a.roleFamily}`, value: a.level });
  });
  for (const id of Object.keys(settings.budgetedFte)) {
    if (!levelFamily.has(id)) problems.push({ path: `fte.budgetedFte.${id}`, message: "unknown level id", value: id });
  }
  const split = settings.nonProductiveSplit;
  if (split) {
    const sum = split.pto + split.education + split.sick;
    const expected = 1 - settings.productiveShare;
    if (Math.abs(sum - expected) > 1e-6) {
      problems.push({ path: "fte.nonProductiveSplit", message: `pto + education + sick must equal 1 − productiveShare = ${round(expected)} (got ${round(sum)})` });
    }
  }
  return problems;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
