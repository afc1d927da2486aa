/**
 * Maximum shifts per template: a person works a template at most as often over the horizon as their
 * `contract.maxShiftsPerTemplate[template]` allows (0 forbids it; no entry, no limit). Policy: contracts
 * cap particular shifts — "no more than two nights a period", "never the IV room" for someone not yet
 * re-validated. Hard by default because it is a contract term the site wrote down per person; made soft,
 * each shift over costs one rule-violation unit. History shifts do not count: the limit is per horizon.
 */
import type { RuleDefinition } from "./types.js";

export const maxShiftsPerTemplate: RuleDefinition = {
  id: "shifts.max-per-template",
  title: "Maximum shifts of a template",
  policy: "A staff member works each shift template at most as often as their contract allows.",
  hardByDefault: true,
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
};
