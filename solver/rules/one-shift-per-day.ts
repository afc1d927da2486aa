/**
 * One shift per day: nobody starts two shifts on the same date. Hard: a person cannot be in two
 * places. Hard, it also lets other rules' rows assume a day holds at most one shift (tighter rows);
 * soft or off, those rules pair and count a date's shifts one by one (`pairs.ts`, `workedDay`).
 */
import { penaltyColumn, workedTerms } from "../model/build-context.js";
import type { RuleDefinition } from "./types.js";

export const oneShiftPerDay: RuleDefinition = {
  id: "shift.one-per-day",
  title: "At most one shift per day",
  policy: "A staff member starts at most one shift on any date.",
  hardByDefault: true,
  monotone: true,
  unit: "shift",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    return ctx.staff.flatMap((view) =>
      view.byDay
        .filter((shifts) => shifts.length > 1)
        .map((shifts) => ({
          subjects: { staff: view.member.id, date: shifts[0]!.date },
          amount: shifts.length - 1,
          message: `${view.member.name} has ${shifts.length} shifts on ${shifts[0]!.date} (${shifts.map((s) => s.template).join(", ")})`,
        })),
    );
  },
  build(ctx, rule) {
    for (const person of ctx.staff) {
      person.byDay.forEach((vars, day) => {
        if (vars.length < 2) return;
        const terms = workedTerms(person, day);
        // Soft: shifts beyond the first are paid for by a slack.
        if (!rule.hard) terms.push({ column: penaltyColumn(ctx, rule.id, { staff: person.member.id, date: vars[0]!.shift.date }, rule.weight), coefficient: -1 });
        ctx.builder.addRow(`${rule.id}[${person.member.id},${day}]`, terms, -Infinity, 1);
      });
    }
  },
};
