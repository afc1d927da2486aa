/**
 * Decode a solved model back into a schedule: every x[staff, shift] at 1 becomes an assignment. The
 * checker, not the model, then explains it.
 */
import type { Schedule } from "../models/index.js";
import type { BuiltModel } from "./model/build.js";

export function decodeSchedule(built: BuiltModel, values: ArrayLike<number>, locked: ReadonlySet<string> = new Set()): Schedule {
  const assignments: Schedule["assignments"] = [];
  for (const person of built.ctx.staff) {
    for (const day of person.byDay) {
      for (const { shift, column } of day) {
        if (values[column]! > 0.5) {
          const key = `${person.member.id}|${shift.key}`;
          assignments.push({ staff: person.member.id, date: shift.date, template: shift.template, locked: locked.has(key) });
        }
      }
    }
  }
  return { assignments };
}

/** Σ penalty per rule in the solved model, to compare with the checker rule by rule. */
export function penaltiesByRule(built: BuiltModel, values: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const tag of built.ctx.penalties) {
    const cost = tag.column === undefined ? tag.weight : tag.weight * values[tag.column]!;
    out.set(tag.rule, (out.get(tag.rule) ?? 0) + cost);
  }
  return out;
}
