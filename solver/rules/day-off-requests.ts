/**
 * Day-off requests: a staff member who asked for a date off starts no shift on that date.
 *
 * Policy: each `day-off` request dated inside the horizon is broken (one unit) when the person starts any
 * shift on that date; a night that started the evening before and ends that morning belongs to the day
 * before, as every shift belongs to the date it starts on. Requests outside the horizon are ignored.
 *
 * Soft: a request is a wish (approved leave is the hard `leave.approved`). Each finding weighs the
 * person's own request weight × `requestWeightUnit` (10), so a weight-1 request is worth $10: enough to
 * choose between two schedules of similar cost, never enough to buy overtime or leave coverage short.
 */
import type { Finding, RuleDefinition } from "./types.js";
import { penalizeColumn, penaltyColumn } from "../model/build-context.js";

export const dayOffRequests: RuleDefinition = {
  id: "requests.day-off",
  title: "Day-off requests granted",
  policy: "A person who asked for a date off starts no shift on it.",
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
        if (request.kind !== "day-off") continue;
        const day = dayOfDate.get(request.date);
        if (day === undefined) continue;
        const worked = view.byDay[day]!;
        if (worked.length === 0) continue;
        findings.push({
          subjects: { staff: view.member.id, date: request.date },
          amount: 1,
          message: `${view.member.name} asked for ${request.date} off and is scheduled on ${worked.map((s) => s.template).join(", ")}`,
          weight: request.weight * rule.weight,
        });
      }
    }
    return findings;
  },
  // Hard: no column on a date the person asked off.
  forbids(_ctx, person, shift) {
    return person.member.requests.some((r) => r.kind === "day-off" && r.date === shift.date);
  },
  // Soft: the request's weight on each shift column that day, exact while one shift a day is hard;
  // otherwise on a "works that day" column v ≥ each x, so two shifts that day still break it once.
  build(ctx, rule) {
    if (rule.hard) return;
    const dayOf = new Map(ctx.grid.days.map((d) => [d.date, d.index]));
    const atMostOne = ctx.oneShiftADay;
    for (const person of ctx.staff) {
      for (const request of person.member.requests) {
        const day = request.kind === "day-off" ? dayOf.get(request.date) : undefined;
        if (day === undefined) continue;
        const vars = person.byDay[day]!;
        if (vars.length === 0) continue;
        const subjects = { staff: person.member.id, date: request.date };
        const weight = request.weight * rule.weight;
        if (vars.length === 1 || atMostOne) {
          for (const { column } of vars) penalizeColumn(ctx, rule.id, subjects, column, weight);
          continue;
        }
        const works = penaltyColumn(ctx, rule.id, subjects, weight, 1);
        for (const { shift, column } of vars) {
          ctx.builder.addRow(`${rule.id}[${person.member.id},${shift.key}]`, [{ column: works, coefficient: 1 }, { column, coefficient: -1 }], 0, Infinity);
        }
      }
    }
  },
};
