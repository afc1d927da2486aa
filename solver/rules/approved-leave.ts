/**
 * Approved leave: nobody works a shift that starts on a date inside one of their approved leave ranges
 * (start to end, both inclusive). Policy: approved vacation, sick, FMLA or education leave is a promise to
 * the employee, and a manager who breaks it does so by hand, not the optimizer. Hard by default for that
 * reason; a site that makes it soft pays one rule-violation unit per shift on leave. A night that starts
 * the evening before a leave range and ends inside it is not on leave: the shift's start date decides.
 */
import { leaveOn, type ShiftInstance } from "../../models/index.js";
import { penalizeEachBreak, type StaffVars } from "../model/build-context.js";
import type { RuleDefinition } from "./types.js";

const onLeave = (person: StaffVars, shift: ShiftInstance): boolean => leaveOn(person.member, shift.date) !== undefined;

/**
 * The violation's message: `who` works `shiftName` (`template`) on `date`, inside `leave`. Without `leave`
 * it names neither the leave's reason nor its dates, as a reader who may not read the person's leave is
 * shown it (src/export/withhold.ts).
 */
export function onLeaveMessage(who: string, shiftName: string, template: string, date: string, leave?: { reason: string; start: string; end: string }): string {
  return `${who} is on approved leave${leave ? ` (${leave.reason}, ${leave.start} to ${leave.end})` : ""} but works ${shiftName} (${template}) on ${date}`;
}

export const approvedLeave: RuleDefinition = {
  id: "leave.approved",
  title: "No shifts during approved leave",
  policy: "A staff member on approved leave is not scheduled on any date of that leave.",
  hardByDefault: true,
  monotone: true,
  unit: "shift",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    return ctx.staff.flatMap((view) =>
      view.shifts.flatMap((shift) => {
        const leave = leaveOn(view.member, shift.date);
        if (!leave) return [];
        const name = ctx.templates.get(shift.template)?.name ?? shift.template;
        return [
          {
            subjects: { staff: view.member.id, date: shift.date, template: shift.template },
            amount: 1,
            message: onLeaveMessage(view.member.name, name, shift.template, shift.date, leave),
          },
        ];
      }),
    );
  },
  forbids(_ctx, person, shift) {
    return onLeave(person, shift);
  },
  // Hard: `forbids` made no column. Soft: each column on leave costs one unit.
  build(ctx, rule) {
    penalizeEachBreak(ctx, rule, onLeave);
  },
};
