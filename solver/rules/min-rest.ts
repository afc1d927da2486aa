/**
 * Minimum rest: at least `minRestMinutes` (default 600 = 10 h) between the end of one shift and the start
 * of the next, history included. Hard by default: fatigue after a short turnaround is a patient-safety
 * risk in order verification and compounding. Overlapping shifts are `shift.no-overlap`'s, not this rule's.
 */
import type { RuleId, ShiftInstance } from "../../models/index.js";
import { penaltyColumn, type BuildContext, type ShiftVar } from "../model/build-context.js";
import type { Term } from "../model/linear-model.js";
import { buildOccupancyCliques, buildPairRule, clashesWithHistory, pairReachDays } from "../model/pairs.js";
import { noOverlap } from "./no-overlap.js";
import { resolveRule } from "./resolve.js";
import type { RuleDefinition } from "./types.js";

/** Minutes of rest short of the minimum between two shifts (0 when enough, or when they overlap). */
const restShort = (min: number) => (earlier: ShiftInstance, later: ShiftInstance): number => {
  const rest = later.startMinute - earlier.endMinute;
  return rest >= 0 && rest < min ? min - rest : 0;
};

/** The check's order of one person's shifts: by start, then by template id. */
const startsBefore = (a: ShiftInstance, b: ShiftInstance): boolean => a.startMinute < b.startMinute || (a.startMinute === b.startMinute && a.template.localeCompare(b.template) < 0);

/**
 * Soft rest as the check prices it: each shift's rest runs from the latest end among the shifts that
 * start before it (history included), and only a rest of 0 or more counts (an overlap is
 * `shift.no-overlap`'s). One column p per shift that may come too soon, priced per minute short, with
 *   p ≥ short(e) · (x[e] + x[later] − 1 − Σ x[f])
 * for each earlier shift e it comes too soon after, f the earlier-starting shifts that overlap it (when
 * overlaps may be worked): p takes the largest short among the worked e, the latest end's — and nothing
 * when an overlapping shift is worked, its end the latest. (A price per pair charged a third shift twice.)
 */
function buildSoftRest(ctx: BuildContext, rule: { id: RuleId; weight: number }, min: number, overlapsPossible: boolean): void {
  const short = restShort(min);
  const oneADay = ctx.oneShiftADay;
  const reachDays = pairReachDays(min);
  for (const person of ctx.staff) {
    person.byDay.forEach((vars, day) => {
      for (const later of vars) {
        // A history shift overlapping this one ends last: no rest to judge (nor a column, if overlaps are hard).
        if (person.history.some((h) => h.endMinute > later.shift.startMinute)) continue;
        const earlier: ShiftVar[] = [];
        for (let back = oneADay ? 1 : 0; back <= reachDays && day - back >= 0; back++) {
          earlier.push(...person.byDay[day - back]!.filter((v) => v !== later && startsBefore(v.shift, later.shift)));
        }
        const tooSoon = earlier.filter((v) => short(v.shift, later.shift) > 0);
        const tooSoonAfterHistory = person.history.filter((h) => short(h, later.shift) > 0);
        if (tooSoon.length === 0 && tooSoonAfterHistory.length === 0) continue;
        const overlapping = overlapsPossible ? earlier.filter((v) => v.shift.endMinute > later.shift.startMinute) : [];
        const most = Math.max(...tooSoon.map((v) => short(v.shift, later.shift)), ...tooSoonAfterHistory.map((h) => short(h, later.shift)));
        const p = penaltyColumn(ctx, rule.id, { staff: person.member.id, date: later.shift.date, template: later.shift.template }, rule.weight, most);
        const unlessOverlapped = (a: number): Term[] => [{ column: later.column, coefficient: a }, ...overlapping.map((f) => ({ column: f.column, coefficient: -a })), { column: p, coefficient: -1 }];
        for (const e of tooSoon) {
          const a = short(e.shift, later.shift);
          ctx.builder.addRow(`${rule.id}[${person.member.id},${e.shift.key},${later.shift.key}]`, [{ column: e.column, coefficient: a }, ...unlessOverlapped(a)], -Infinity, a);
        }
        for (const h of tooSoonAfterHistory) {
          const a = short(h, later.shift);
          ctx.builder.addRow(`${rule.id}[${person.member.id},history ${h.key},${later.shift.key}]`, unlessOverlapped(a), -Infinity, 0);
        }
      }
    });
  }
}

export const minRest: RuleDefinition<{ minRestMinutes: number }> = {
  id: "rest.min-between-shifts",
  title: "Minimum rest between shifts",
  policy: "At least 10 h between the end of one shift and the start of the next.",
  hardByDefault: true,
  monotone: true,
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
  // Hard, with overlaps forbidden too (the default), the clashes are "starts before the other's end +
  // rest": clique rows over each person's shift occupancies, far tighter than pairs in the LP. Hard
  // otherwise, every pair too close (as many days apart as the rest reaches). Soft, priced as the check
  // judges it: from the latest end.
  build(ctx, rule) {
    const min = rule.params.minRestMinutes;
    const overlap = resolveRule(noOverlap, ctx.input);
    const overlapsForbidden = overlap.enabled && overlap.hard;
    if (rule.hard && overlapsForbidden) buildOccupancyCliques(ctx, rule, min);
    else if (rule.hard) buildPairRule(ctx, rule, restShort(min), min);
    else buildSoftRest(ctx, rule, min, !overlapsForbidden);
  },
};
