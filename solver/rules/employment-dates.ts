/**
 * Employment dates: nobody works a shift that starts on a date outside their employment (`employedFrom`
 * to `employedUntil`, both inclusive, either open). Policy: a leaver is ended by date and kept on staff, so
 * their published shifts, token and feed stay while the months after plan without them; a hire is dated
 * from their first day. A day outside the employment is one the person cannot work, as a day of approved
 * leave is (`unavailableOn`: off the pay-period target and fairness's "could work"), but named as what it
 * is, not as leave. Hard by default: nobody is paid to work for a department that does not employ them; a
 * site that makes it soft (to explain an imported roster) pays one rule-violation unit per shift outside.
 * A night that starts on the last day of employment and ends the day after is inside: the start date decides.
 */
import { employedOn, employmentWords, type ShiftInstance } from "../../models/index.js";
import { penalizeEachBreak, type StaffVars } from "../model/build-context.js";
import type { RuleDefinition } from "./types.js";

const outside = (person: StaffVars, shift: ShiftInstance): boolean => !employedOn(person.member, shift.date);

export const employmentDates: RuleDefinition = {
  id: "employment.dates",
  title: "No shifts outside a person's employment",
  policy: "A staff member is scheduled only on dates from their first to their last day of employment.",
  hardByDefault: true,
  monotone: true,
  unit: "shift",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    return ctx.staff.flatMap((view) =>
      view.shifts.flatMap((shift) => {
        if (employedOn(view.member, shift.date)) return [];
        const name = ctx.templates.get(shift.template)?.name ?? shift.template;
        return [
          {
            subjects: { staff: view.member.id, date: shift.date, template: shift.template },
            amount: 1,
            message: `${view.member.name} is not employed on ${shift.date} (${employmentWords(view.member)}) but works ${name} (${shift.template})`,
          },
        ];
      }),
    );
  },
  forbids(_ctx, person, shift) {
    return outside(person, shift);
  },
  // Hard: `forbids` made no column. Soft: each column outside the employment costs one unit.
  build(ctx, rule) {
    penalizeEachBreak(ctx, rule, outside);
  },
};
