/**
 * Forbidden succession: a person who works template X on one date does not work, on the next date, any
 * template listed in X's `forbiddenNext`; a history shift on the day before the horizon counts for day 0.
 * Policy: some turnarounds are banned outright whatever the rest hours (a night then a day shift wrecks
 * sleep; a union contract may forbid an evening before an early). Hard by default, as the site wrote the
 * list to forbid; made soft, each forbidden pair costs one rule-violation unit, charged to the later shift.
 * Days are start dates, so a night starting on day d is followed by the shift starting on day d + 1.
 */
import type { ShiftInstance } from "../../models/index.js";
import { penaltyBinary, penalizeColumn, type BuildContext, type StaffVars } from "../model/build-context.js";
import type { RuleDefinition } from "./types.js";

/** History shifts on the day before the horizon after which `shift` (on day 0) may not follow. */
function historyForbidding(ctx: BuildContext, person: StaffVars, shift: ShiftInstance): number {
  if (shift.day !== 0) return 0;
  return person.history.filter((h) => h.day === -1 && ctx.templates.get(h.template)!.forbiddenNext.includes(shift.template)).length;
}

export const forbiddenSuccession: RuleDefinition = {
  id: "shift.forbidden-succession",
  title: "No forbidden shift successions",
  policy: "Certain shifts may not be followed the next day by certain others (e.g. no day shift after a night).",
  hardByDefault: true,
  monotone: true,
  unit: "shift",
  weightKey: "ruleViolationUnit",
  defaults: {},
  check(ctx) {
    const name = (template: string): string => ctx.templates.get(template)?.name ?? template;
    return ctx.staff.flatMap((view) => {
      const dayBefore = (day: number): ShiftInstance[] =>
        day > 0 ? view.byDay[day - 1]! : view.history.filter((h) => h.day === day - 1);
      const findings = [];
      for (const after of view.shifts) {
        for (const before of dayBefore(after.day)) {
          if (!ctx.templates.get(before.template)!.forbiddenNext.includes(after.template)) continue;
          findings.push({
            subjects: { staff: view.member.id, date: after.date, template: after.template },
            amount: 1,
            message: `${view.member.name} works ${name(before.template)} (${before.template}) on ${before.date}${before.day < 0 ? " (history)" : ""} and then ${name(after.template)} (${after.template}) on ${after.date}, which may not follow it`,
          });
        }
      }
      return findings;
    });
  },
  forbids(ctx, person, shift) {
    return historyForbidding(ctx, person, shift) > 0;
  },
  // Hard: one row per shift with forbidden successors, x[d, A] + Σ x[d + 1, B ∈ A.forbiddenNext] ≤ 1 —
  // valid when a day holds at most one shift, and tighter than a row per pair (else a row per pair).
  // Soft: a priced binary per pair, as the check counts pairs; a history shift before day 0 prices the
  // day-0 column itself.
  build(ctx, rule) {
    const aggregate = ctx.oneShiftADay;
    for (const person of ctx.staff) {
      person.byDay.forEach((vars, day) => {
        const next = person.byDay[day + 1] ?? [];
        for (const before of vars) {
          const forbidden = ctx.templates.get(before.shift.template)!.forbiddenNext;
          const after = next.filter((v) => forbidden.includes(v.shift.template));
          if (after.length === 0) continue;
          if (rule.hard) {
            for (const group of aggregate ? [after] : after.map((v) => [v])) {
              const name = `${rule.id}[${person.member.id},${before.shift.key},${aggregate ? "next" : group[0]!.shift.key}]`;
              ctx.builder.addRow(name, [before, ...group].map((v) => ({ column: v.column, coefficient: 1 })), -Infinity, 1);
            }
            continue;
          }
          for (const later of after) {
            const both = penaltyBinary(ctx, rule.id, { staff: person.member.id, date: later.shift.date, template: later.shift.template }, rule.weight);
            // both ≥ x[before] + x[later] − 1
            ctx.builder.addRow(`${rule.id}[${person.member.id},${before.shift.key},${later.shift.key}]`, [
              { column: before.column, coefficient: 1 },
              { column: later.column, coefficient: 1 },
              { column: both, coefficient: -1 },
            ], -Infinity, 1);
          }
        }
      });
      if (rule.hard) continue;
      for (const { shift, column } of person.byDay[0] ?? []) {
        const count = historyForbidding(ctx, person, shift);
        if (count > 0) penalizeColumn(ctx, rule.id, { staff: person.member.id, date: shift.date, template: shift.template }, column, count * rule.weight);
      }
    }
  },
};
