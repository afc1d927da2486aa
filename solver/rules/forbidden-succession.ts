/**
 * Forbidden succession: a person who works template X on one date does not work, on the next date, any
 * template listed in X's `forbiddenNext`; a history shift on the day before the horizon counts for day 0.
 * Policy: some turnarounds are banned outright whatever the rest hours (a night then a day shift wrecks
 * sleep; a union contract may forbid an evening before an early). Hard by default, as the site wrote the
 * list to forbid; made soft, each forbidden pair costs one rule-violation unit, charged to the later shift.
 * Days are start dates, so a night starting on day d is followed by the shift starting on day d + 1.
 */
import type { ShiftInstance } from "../../models/index.js";
import type { RuleDefinition } from "./types.js";

export const forbiddenSuccession: RuleDefinition = {
  id: "shift.forbidden-succession",
  title: "No forbidden shift successions",
  policy: "Certain shifts may not be followed the next day by certain others (e.g. no day shift after a night).",
  hardByDefault: true,
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
};
