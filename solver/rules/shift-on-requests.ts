/**
 * Shift-on requests: a staff member who asked to work a template on a date works exactly that template
 * that date.
 *
 * Policy: each `shift-on` request dated inside the horizon is granted when the person starts a shift of
 * that template on that date, otherwise it is one unit; a request for a template that does not run that
 * day cannot be granted and is reported as such. Requests outside the horizon are ignored. The input
 * refuses a request on a day its template does not run or of its person's approved leave, or for work its
 * person may not do or their contract forbids (models/references.ts), when the request is made; a stored
 * one stands through a later change that makes it so (a call-out recorded as leave), and a site stored
 * before those checks may still hold one: it is priced as here, and a day of leave is named as such.
 *
 * Soft: a request is a wish, never a reason to leave a gap. Each finding weighs the person's own request
 * weight × `requestWeightUnit` (10), so a weight-1 request is worth $10: enough to choose between two
 * schedules of similar cost, never enough to buy overtime or leave coverage short.
 */
import { employedOn, employmentWords, leaveOn } from "../../models/index.js";
import type { Finding, RuleDefinition } from "./types.js";
import { penalizeColumn, penaltyConstant } from "../model/build-context.js";

export const shiftOnRequests: RuleDefinition = {
  id: "requests.shift-on",
  title: "Shift-on requests granted",
  policy: "A person who asked to work a given shift on a given date is scheduled on it.",
  hardByDefault: false,
  unit: "request",
  weightKey: "requestWeightUnit",
  defaults: {},
  check(ctx, rule) {
    const dayOfDate = new Map(ctx.grid.days.map((d) => [d.date, d.index]));
    const runs = new Set(ctx.grid.shifts.map((s) => s.key));
    const findings: Finding[] = [];
    for (const view of ctx.staff) {
      for (const request of view.member.requests) {
        if (request.kind !== "shift-on") continue;
        const day = dayOfDate.get(request.date);
        if (day === undefined) continue;
        const worked = view.byDay[day]!;
        if (worked.some((s) => s.template === request.template)) continue;
        const instead = worked.length > 0 ? `works ${worked.map((s) => s.template).join(", ")} instead` : leaveOn(view.member, request.date) ? "is on approved leave" : !employedOn(view.member, request.date) ? `is not employed (${employmentWords(view.member)})` : "is off";
        const why = runs.has(`${request.template}@${request.date}`) ? instead : `${instead}; ${request.template} does not run that day`;
        findings.push({
          subjects: { staff: view.member.id, date: request.date, template: request.template },
          amount: 1,
          message: `${view.member.name} asked to work ${request.template} on ${request.date} and ${why}`,
          weight: request.weight * rule.weight,
        });
      }
    }
    return findings;
  },
  // Soft: w × (1 − x), a constant w and −w on the column (the constant alone when no column can grant
  // it). Hard: x = 1, and a request no column can grant leaves no schedule.
  build(ctx, rule) {
    const dates = new Set(ctx.grid.days.map((d) => d.date));
    for (const person of ctx.staff) {
      for (const request of person.member.requests) {
        if (request.kind !== "shift-on" || !dates.has(request.date)) continue;
        const key = `${request.template}@${request.date}`;
        const column = person.x.get(key);
        if (rule.hard) {
          // x ≥ 1; with no column the row is empty and no schedule can keep it, as the check finds.
          ctx.builder.addRow(`${rule.id}[${person.member.id},${key}]`, column === undefined ? [] : [{ column, coefficient: 1 }], 1, Infinity);
          continue;
        }
        const subjects = { staff: person.member.id, date: request.date, template: request.template };
        const weight = request.weight * rule.weight;
        penaltyConstant(ctx, rule.id, subjects, weight);
        if (column !== undefined) penalizeColumn(ctx, rule.id, subjects, column, -weight);
      }
    }
  },
};
