/**
 * Minimum rest: at least `minRestMinutes` (default 600 = 10 h) between the end of one shift and the start
 * of the next, history included. Hard by default: fatigue after a short turnaround is a patient-safety
 * risk in order verification and compounding. Overlapping shifts are `shift.no-overlap`'s, not this rule's.
 */
import type { ShiftInstance } from "../../models/index.js";
import { buildOccupancyCliques, buildPairRule, clashesWithHistory } from "../model/pairs.js";
import { noOverlap } from "./no-overlap.js";
import { resolveRule } from "./resolve.js";
import type { RuleDefinition } from "./types.js";

/** Minutes of rest short of the minimum between two shifts (0 when enough, or when they overlap). */
const restShort = (min: number) => (earlier: ShiftInstance, later: ShiftInstance): number => {
  const rest = later.startMinute - earlier.endMinute;
  return rest >= 0 && rest < min ? min - rest : 0;
};

export const minRest: RuleDefinition<{ minRestMinutes: number }> = {
  id: "rest.min-between-shifts",
  title: "Minimum rest between shifts",
  policy: "At least 10 h between the end of one shift and the start of the next.",
  hardByDefault: true,
  unit: "minute",
  weightKey: "ruleViolationUnit",
  defaults: { minRestMinutes: 600 },
  whole: ["minRestMinutes"],
  check(ctx, rule) {
    const min = rule.params.minRestMinutes;
    return ctx.staff.flatMap((view) => {
      const shifts = [...view.history, ...view.shifts];
      const findings = [];
      // Rest runs from the latest end so far, not the previous start's: a short shift inside a long one
      // (history, or overlaps made soft) does not end the long one early.
      let before = shifts[0]!;
      for (const after of shifts.slice(1)) {
        const rest = after.startMinute - before.endMinute;
        if (rest >= 0 && rest < min && after.day >= 0) {
          findings.push({
            subjects: { staff: view.member.id, date: after.date, template: after.template },
            amount: min - rest,
            message: `${view.member.name} rests ${(rest / 60).toFixed(1)} h between ${before.template} on ${before.date} and ${after.template} on ${after.date} (at least ${(min / 60).toFixed(1)} h)`,
          });
        }
        if (after.endMinute > before.endMinute) before = after;
      }
      return findings;
    });
  },
  forbids(_ctx, person, shift, rule) {
    return clashesWithHistory(person, shift, restShort(rule.params.minRestMinutes));
  },
  // Pairs, not only neighbours: with the rule hard they are the same; soft, a third shift between two
  // clashing ones is itself too close to one of them, so the prices differ only on broken-up schedules.
  // Hard, with overlaps forbidden too (the default), the clashes are "starts before the other's end +
  // rest": clique rows over each person's shift occupancies, far tighter than pairs in the LP.
  build(ctx, rule) {
    const overlap = resolveRule(noOverlap, ctx.input);
    if (rule.hard && overlap.enabled && overlap.hard) buildOccupancyCliques(ctx, rule, rule.params.minRestMinutes);
    else buildPairRule(ctx, rule, restShort(rule.params.minRestMinutes));
  },
};
