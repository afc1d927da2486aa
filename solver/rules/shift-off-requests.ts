/**
 * Shift-off requests: a staff member who asked not to work a template on a date does not work it.
 *
 * Policy: each `shift-off` request dated inside the horizon is broken (one unit) when the person starts a
 * shift of that template on that date; another template that day grants it. Requests outside the horizon
 * are ignored.
 *
 * Soft: a request is a wish, never a reason to leave a gap. Each finding weighs the person's own request
 * weight × `requestWeightUnit` (10), so a weight-1 request is worth $10: enough to choose between two
 * schedules of similar cost, never enough to buy overtime or leave coverage short.
 */
import type { Finding, RuleDefinition } from "./types.js";
import { penalizeColumn } from "../model/build-context.js";

export const shiftOffRequests: RuleDefinition = {
  id: "requests.shift-off",
  title: "Shift-off requests granted",
  policy: "A person who asked not to work a given shift on a given date is not scheduled on it.",
  hardByDefault: false,
  monotone: true,
  unit: "request",
  weightKey: "requestWeightUnit",
  defaults: {},
  check(ctx, rule) {
    const dayOfDate = new Map(ctx.grid.days.map((d) => [d.date, d.index]));
    const findings: Finding[] = [];
    for (const view of ctx.staff) {
      for (const request of view.member.requests) {
        if (request.kind !== "shift-off") continue;
        const day = dayOfDate.get(request.date);
        if (day === undefined) continue;
        if (!view.byDay[day]!.some((s) => s.template === request.template)) continue;
        findings.push({
          subjects: { staff: view.member.id, date: request.date, template: request.template },
          amount: 1,
          message: `${view.member.name} asked not to work ${request.template} on ${request.date} and is scheduled on it`,
          weight: request.weight * rule.weight,
        });
      }
    }
    return findings;
  },
  // Hard: a shift the person asked not to work gets no column.
  forbids(_ctx, person, shift) {
    return person.member.requests.some((r) => r.kind === "shift-off" && r.date === shift.date && r.template === shift.template);
  },
  // Soft: the request's weight on the one column it is about (a template runs once a date).
  build(ctx, rule) {
    if (rule.hard) return;
    const dates = new Set(ctx.grid.days.map((d) => d.date));
    for (const person of ctx.staff) {
      for (const request of person.member.requests) {
        if (request.kind !== "shift-off" || !dates.has(request.date)) continue;
        const column = person.x.get(`${request.template}@${request.date}`);
        if (column === undefined) continue;
        penalizeColumn(ctx, rule.id, { staff: person.member.id, date: request.date, template: request.template }, column, request.weight * rule.weight);
      }
    }
  },
};
