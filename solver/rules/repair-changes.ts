/**
 * Changes from the reference schedule: when the input names one (`reference`, the schedule published
 * before a call-out), a re-solve moves as few people as it can.
 *
 * Policy: each shift given to someone who did not have it in the reference, and each reference shift
 * taken from someone, is one change (a person moved from Tuesday's day shift to Wednesday's is two; a
 * reference shift its person may no longer work, the one who called out, is a change every schedule
 * makes). Without a reference the rule finds nothing.
 *
 * Soft (always): the re-solve must be free to change the reference where it no longer holds; to keep
 * assignments as they are, lock them. Each change weighs `changedAssignment` (300): as much as an hour of
 * forecast work uncovered, far less than the eight an open 8-h shift leaves.
 */
import type { Finding, RuleDefinition } from "./types.js";
import { penalizeColumn, penaltyConstant } from "../model/build-context.js";

const keyOf = (staff: string, template: string, date: string): string => `${staff}|${template}@${date}`;

export const repairChanges: RuleDefinition = {
  id: "repair.changes",
  title: "Few changes from the reference schedule",
  policy: "A re-solve after a call-out gives and takes as few shifts as it can against the schedule published before it.",
  hardByDefault: false,
  alwaysSoft: "a re-solve must be free to change what no longer holds (lock assignments to keep them)",
  unit: "change",
  weightKey: "changedAssignment",
  defaults: {},
  check(ctx) {
    const reference = ctx.input.reference;
    if (!reference) return [];
    const before = new Set(reference.assignments.map((a) => keyOf(a.staff, a.template, a.date)));
    const now = new Set<string>();
    const findings: Finding[] = [];
    for (const view of ctx.staff) {
      for (const shift of view.shifts) {
        now.add(keyOf(view.member.id, shift.template, shift.date));
        if (before.has(keyOf(view.member.id, shift.template, shift.date))) continue;
        findings.push({ subjects: { staff: view.member.id, date: shift.date, template: shift.template }, amount: 1, message: `${view.member.name} works ${shift.template} on ${shift.date}, not in the reference schedule` });
      }
    }
    const names = new Map(ctx.staff.map((v) => [v.member.id, v.member.name]));
    for (const a of reference.assignments) {
      if (now.has(keyOf(a.staff, a.template, a.date))) continue;
      findings.push({ subjects: { staff: a.staff, date: a.date, template: a.template }, amount: 1, message: `${names.get(a.staff)} no longer works ${a.template} on ${a.date}, as the reference schedule had it` });
    }
    return findings;
  },
  // A reference shift: w × (1 − x), a constant w and −w on its column (the constant alone when no column
  // is left for it); any other shift: w × x.
  build(ctx, rule) {
    const reference = ctx.input.reference;
    if (!reference) return;
    const before = new Set(reference.assignments.map((a) => keyOf(a.staff, a.template, a.date)));
    const people = new Map(ctx.staff.map((p) => [p.member.id, p]));
    for (const a of reference.assignments) {
      const subjects = { staff: a.staff, date: a.date, template: a.template };
      penaltyConstant(ctx, rule.id, subjects, rule.weight);
      const column = people.get(a.staff)?.x.get(`${a.template}@${a.date}`);
      if (column !== undefined) penalizeColumn(ctx, rule.id, subjects, column, -rule.weight);
    }
    for (const person of ctx.staff) {
      for (const shifts of person.byDay) {
        for (const { column, shift } of shifts) {
          if (before.has(keyOf(person.member.id, shift.template, shift.date))) continue;
          penalizeColumn(ctx, rule.id, { staff: person.member.id, date: shift.date, template: shift.template }, column, rule.weight);
        }
      }
    }
  },
};
