/**
 * Maximum shifts per template: a person works a template at most as often over the horizon as their
 * `contract.maxShiftsPerTemplate[template]` allows (0 forbids it; no entry, no limit). Policy: contracts
 * cap particular shifts — "no more than two nights a period", "never the IV room" for someone not yet
 * re-validated. Hard by default because it is a contract term the site wrote down per person; made soft,
 * each shift over costs one rule-violation unit. History shifts do not count: the limit is per horizon.
 */
import { penalizeColumn, penaltyColumn } from "../model/build-context.js";
import type { RuleDefinition } from "./types.js";

export const maxShiftsPerTemplate: RuleDefinition = {
  id: "shifts.max-per-template",
  title: "Maximum shifts of a template",
  policy: "A staff member works each shift template at most as often as their contract allows.",
  hardByDefault: true,
  monotone: true,
  unit: "shift",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    return ctx.staff.flatMap((view) =>
      Object.entries(view.member.contract.maxShiftsPerTemplate).flatMap(([template, limit]) => {
        const shifts = view.shifts.filter((s) => s.template === template);
        const amount = shifts.length - limit;
        if (amount <= 0) return [];
        const name = ctx.templates.get(template)?.name ?? template;
        const dates = shifts.map((s) => s.date).join(", ");
        const allowed = limit === 0 ? "may not work it at all" : `may work it at most ${limit} time${limit === 1 ? "" : "s"}`;
        return [
          {
            subjects: { staff: view.member.id, template },
            amount,
            message: `${view.member.name} works ${name} (${template}) ${shifts.length} time${shifts.length === 1 ? "" : "s"} (${dates}) but ${allowed} by contract: ${amount} over`,
          },
        ];
      }),
    );
  },
  forbids(_ctx, person, shift) {
    return person.member.contract.maxShiftsPerTemplate[shift.template] === 0;
  },
  // Σ_d x[d, template] ≤ limit, with a priced slack when soft; a limit of 0 is `forbids` when hard and a
  // price on each column when soft.
  build(ctx, rule) {
    for (const person of ctx.staff) {
      for (const [template, limit] of Object.entries(person.member.contract.maxShiftsPerTemplate)) {
        const columns = person.byDay.flat().filter((v) => v.shift.template === template).map((v) => v.column);
        if (columns.length <= limit) continue;
        const subjects = { staff: person.member.id, template };
        if (!rule.hard && limit === 0) {
          for (const column of columns) penalizeColumn(ctx, rule.id, subjects, column, rule.weight);
          continue;
        }
        const terms = columns.map((column) => ({ column, coefficient: 1 }));
        if (!rule.hard) terms.push({ column: penaltyColumn(ctx, rule.id, subjects, rule.weight), coefficient: -1 });
        ctx.builder.addRow(`${rule.id}[${person.member.id},${template}]`, terms, -Infinity, limit);
      }
    }
  },
};
