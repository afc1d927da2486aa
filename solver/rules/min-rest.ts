/**
 * Minimum rest: at least `minRestMinutes` (default 600 = 10 h) between the end of one shift and the start
 * of the next, history included. Hard by default: fatigue after a short turnaround is a patient-safety
 * risk in order verification and compounding. Overlapping shifts are `shift.no-overlap`'s, not this rule's.
 */
import type { RuleDefinition } from "./types.js";

export const minRest: RuleDefinition<{ minRestMinutes: number }> = {
  id: "rest.min-between-shifts",
  title: "Minimum rest between shifts",
  policy: "At least 10 h between the end of one shift and the start of the next.",
  hardByDefault: true,
  unit: "minute",
  weightKey: "ruleViolationUnit",
  defaults: { minRestMinutes: 600 },
  check(ctx, rule) {
    const min = rule.params.minRestMinutes;
    return ctx.staff.flatMap((view) => {
      const shifts = [...view.history, ...view.shifts];
      const findings = [];
      for (let i = 1; i < shifts.length; i++) {
        const before = shifts[i - 1]!;
        const after = shifts[i]!;
        const rest = after.startMinute - before.endMinute;
        if (rest >= 0 && rest < min && after.day >= 0) {
          findings.push({
            subjects: { staff: view.member.id, date: after.date, template: after.template },
            amount: min - rest,
            message: `${view.member.name} rests ${(rest / 60).toFixed(1)} h between ${before.template} on ${before.date} and ${after.template} on ${after.date} (at least ${(min / 60).toFixed(1)} h)`,
          });
        }
      }
      return findings;
    });
  },
};
