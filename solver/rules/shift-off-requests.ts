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

export const shiftOffRequests: RuleDefinition = {
  id: "requests.shift-off",
  title: "Shift-off requests granted",
  policy: "A person who asked not to work a given shift on a given date is not scheduled on it.",
  hardByDefault: false,
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
};
