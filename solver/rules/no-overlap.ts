/**
 * No overlap: a person's shifts never overlap in time, history shifts before the horizon included (a
 * history night ending 07:00 on day 0 and a day-0 shift starting 06:00 overlap by 60 minutes).
 * Policy: nobody is on duty in two places at once. Hard by default: such a schedule cannot be worked at
 * all, so no weight makes it acceptable; the weight (a rule-violation unit per minute) only applies if a
 * site makes the rule soft to inspect a broken hand-made schedule. Times are the grid's exact minutes, so
 * a night across a DST change is as long as it really is. Shifts that merely touch (one ends when the next
 * starts) do not overlap; too little rest between them is `rest.min-between-shifts`'s concern. Two shifts
 * starting on one date are also `shift.one-per-day`'s; this rule adds how long they overlap.
 */
import type { ShiftInstance } from "../../models/index.js";
import { buildPairRule, clashesWithHistory } from "../model/pairs.js";
import type { RuleDefinition } from "./types.js";

/** Minutes two shifts overlap (0 when they only touch or are apart); symmetric, as the check counts a pair once. */
const overlapMinutes = (x: ShiftInstance, y: ShiftInstance): number =>
  Math.max(0, Math.min(x.endMinute, y.endMinute) - Math.max(x.startMinute, y.startMinute));

export const noOverlap: RuleDefinition = {
  id: "shift.no-overlap",
  title: "No overlapping shifts",
  policy: "A staff member is never on two shifts at the same time.",
  hardByDefault: true,
  monotone: true,
  unit: "minute",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    const name = (template: string): string => ctx.templates.get(template)?.name ?? template;
    return ctx.staff.flatMap((view) => {
      // Both lists are in start order and every history shift starts before the horizon.
      const shifts = [...view.history, ...view.shifts];
      const findings = [];
      for (let i = 0; i < shifts.length; i++) {
        const before = shifts[i]!;
        // A long shift can overlap more than the next one, so look on until a shift starts after it ends.
        for (let j = i + 1; j < shifts.length && shifts[j]!.startMinute < before.endMinute; j++) {
          const after = shifts[j]!;
          if (after.day < 0) continue;
          const minutes = Math.min(before.endMinute, after.endMinute) - after.startMinute;
          findings.push({
            subjects: { staff: view.member.id, date: after.date, template: after.template },
            amount: minutes,
            message: `${view.member.name}'s ${name(before.template)} (${before.template}) on ${before.date}${before.day < 0 ? " (history)" : ""} overlaps ${name(after.template)} (${after.template}) on ${after.date} by ${minutes} minutes`,
          });
        }
      }
      return findings;
    });
  },
  forbids(_ctx, person, shift) {
    return clashesWithHistory(person, shift, overlapMinutes);
  },
  // Pairs of shifts, history and same-date pairs included (the check counts every overlapping pair; two
  // shifts on one date are also `shift.one-per-day`'s, and this rule adds how long they overlap).
  build(ctx, rule) {
    buildPairRule(ctx, rule, overlapMinutes);
  },
};
