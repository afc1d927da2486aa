/**
 * Eligibility: a person works only templates of their role family whose required skills they all hold
 * (level skills plus their own). Policy: pharmacist work needs a pharmacist, and sterile compounding or
 * order verification needs the trained, credentialed person — a licensing and accreditation matter
 * (state boards, USP <797>), not a preference. Hard by default for that reason; if a site makes it soft
 * (to explain an imported roster), each ineligible assignment costs one rule-violation unit, and the
 * person counts toward no cover there (`countsForCover`): a technician on a pharmacist shift is no
 * pharmacist on duty.
 * History shifts are not judged: they were worked already and only feed other rules.
 */
import { qualifiedFor, unqualifiedReasons, type ShiftInstance } from "../../models/index.js";
import { penalizeEachBreak, type BuildContext, type StaffVars } from "../model/build-context.js";
import type { RuleDefinition } from "./types.js";

/** Whether the person lacks the shift's role family or one of its required skills. */
function ineligible(ctx: BuildContext, person: StaffVars, shift: ShiftInstance): boolean {
  return !qualifiedFor(ctx, person, shift.template);
}

export const eligibility: RuleDefinition = {
  id: "shift.eligibility",
  title: "Only eligible staff on each shift",
  policy: "A staff member works only shifts of their role family whose required skills they hold.",
  hardByDefault: true,
  monotone: true,
  unit: "shift",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    const skillName = new Map(ctx.input.skills.map((s) => [s.id, s.name]));
    return ctx.staff.flatMap((view) =>
      view.shifts.flatMap((shift) => {
        if (qualifiedFor(ctx, view, shift.template)) return [];
        const template = ctx.templates.get(shift.template)!;
        const reasons = unqualifiedReasons(template, view.member.name, view, skillName);
        return [
          {
            subjects: { staff: view.member.id, date: shift.date, template: shift.template },
            amount: 1,
            message: `${view.member.name} may not work ${template.name} (${template.id}) on ${shift.date}: ${reasons.join("; ")}`,
          },
        ];
      }),
    );
  },
  forbids(ctx, person, shift) {
    return ineligible(ctx, person, shift);
  },
  // Hard: `forbids` made no column. Soft: each ineligible column costs one unit.
  build(ctx, rule) {
    penalizeEachBreak(ctx, rule, (person, shift) => ineligible(ctx, person, shift));
  },
};
