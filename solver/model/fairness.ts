/**
 * Fairness in the model, shared by the weekend and night rules: the level groups (regular staff with
 * hours, by level, levels of two people or more: formed here, not with the checker's `fairnessGroups`, so
 * that a mistake in either shows as a difference between the MIP objective and the checker's total), and
 * the spread of a count across a group's members.
 */
import { qualifiedFor, unavailableOn, type RuleId } from "../../models/index.js";
import { penalizeColumn, penaltyColumn, type BuildContext, type StaffVars } from "./build-context.js";
import type { Term } from "./linear-model.js";

/**
 * Whether a person could work one weekend or night in the horizon, whatever the schedule: for weekends a
 * weekend date off their approved leave and inside their employment (`unavailableOn`); for nights a night
 * shift instance on such a date that their role family and skills allow and their contract does not forbid
 * (`maxShiftsPerTemplate` 0). Those who could not are not compared (someone on leave all month, or gone
 * before it began, had 0 by no one's choice).
 */
function couldWork(ctx: BuildContext, person: StaffVars, measure: "weekends" | "nights"): boolean {
  const free = (date: string): boolean => !unavailableOn(person.member, date);
  if (measure === "weekends") return ctx.grid.days.some((d) => d.weekday >= 6 && free(d.date));
  return ctx.grid.shifts.some((s) => s.night && free(s.date) && person.member.contract.maxShiftsPerTemplate[s.template] !== 0 && qualifiedFor(ctx, person, s.template));
}

/** Who is compared on `measure`: regular staff (not PRN or agency) with an FTE above 0 who could work one, by level, in input order. */
export function fairnessGroupsOf(ctx: BuildContext, measure: "weekends" | "nights"): { level: string; members: StaffVars[] }[] {
  const byLevel = new Map<string, StaffVars[]>();
  for (const person of ctx.staff) {
    if (person.member.employment !== "staff" || !(person.member.fte > 0) || !couldWork(ctx, person, measure)) continue;
    byLevel.set(person.level.id, [...(byLevel.get(person.level.id) ?? []), person]);
  }
  return [...byLevel].filter(([, members]) => members.length >= 2).map(([level, members]) => ({ level, members }));
}

/**
 * Spread = max − min of the members' counts (each Σ terms, integral at integer x). Soft: a column
 * hi ≥ every count priced at `weight` and a column lo ≤ every count priced at −`weight`, so their tagged
 * sum is weight × spread at the optimum; the counts must be exact in both directions (no slack that lets
 * a count rise or fall freely). Hard: every count equals the first.
 */
export function buildSpread(ctx: BuildContext, rule: { id: RuleId; hard: boolean; weight: number }, level: string, counts: Term[][]): void {
  if (counts.every((terms) => terms.length === 0)) return;
  const name = `${rule.id}[${level}]`;
  if (rule.hard) {
    counts.slice(1).forEach((terms, m) => {
      ctx.builder.addRow(`${name}=${m + 1}`, [...terms, ...counts[0]!.map((t) => ({ column: t.column, coefficient: -t.coefficient }))], 0, 0);
    });
    return;
  }
  if (rule.weight === 0) return;
  const subjects = { level };
  const hi = penaltyColumn(ctx, rule.id, subjects, rule.weight);
  const lo = ctx.builder.addColumn({ name: `${name}-min`, lower: 0 });
  penalizeColumn(ctx, rule.id, subjects, lo, -rule.weight);
  counts.forEach((terms, m) => {
    ctx.builder.addRow(`${name}-max≥${m}`, [{ column: hi, coefficient: 1 }, ...terms.map((t) => ({ column: t.column, coefficient: -t.coefficient }))], 0, Infinity);
    ctx.builder.addRow(`${name}-min≤${m}`, [{ column: lo, coefficient: -1 }, ...terms], 0, Infinity);
  });
}
