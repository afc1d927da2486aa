/**
 * Maximum consecutive working days: nobody works more than `maxDays` days in a row (default 5; a person's
 * `contract.maxConsecutiveDays` overrides it), history before the horizon included.
 * Policy: a sixth straight day is where fatigue-related dispensing errors and burnout climb, and most
 * hospital agreements cap the stretch. Hard by default because a long stretch is a safety limit, not a
 * cost trade-off; made soft, each day over costs one rule-violation unit.
 *
 * Amount: for a run of L working days, L − max — the number of (max + 1)-day windows fully worked, which
 * is how the model prices it. Windows lying wholly in history are not counted (nothing can change them),
 * so a run already over the limit before the horizon is charged only for its horizon days. Only runs with
 * a day in the horizon are judged; days after the horizon count as off. The violation's date is the first
 * day over the limit (or day 0 when that lies in history): the day a manager would give off.
 */
import { dateOf, runsOf, workedLine } from "../check/context.js";
import { buildMaxRun, historyFillsRun } from "../model/runs.js";
import type { RuleDefinition } from "./types.js";

export const maxConsecutiveDays: RuleDefinition<{ maxDays: number }> = {
  id: "days.max-consecutive",
  title: "Maximum consecutive working days",
  policy: "At most 5 working days in a row (or the person's contract limit).",
  hardByDefault: true,
  monotone: true,
  unit: "day",
  weightKey: "ruleViolationUnit",
  defaults: { maxDays: 5 },
  whole: ["maxDays"],
  check(ctx, rule) {
    return ctx.staff.flatMap((view) => {
      const max = view.member.contract.maxConsecutiveDays ?? rule.params.maxDays;
      const { first, worked } = workedLine(ctx, view);
      return runsOf(worked, first)
        .filter((run) => run.to >= 0 && run.length > max)
        .flatMap((run) => {
          const inHistory = Math.max(0, Math.min(run.to, -1) - run.from + 1);
          const amount = run.length - max - Math.max(0, inHistory - max);
          if (amount <= 0) return [];
          const from = dateOf(ctx, run.from);
          return [
            {
              subjects: { staff: view.member.id, date: dateOf(ctx, Math.max(run.from + max, 0)) },
              amount,
              message: `${view.member.name} works ${run.length} days in a row, ${from}${run.from < 0 ? " (history)" : ""} to ${dateOf(ctx, run.to)} (at most ${max}): ${amount} day${amount === 1 ? "" : "s"} over`,
            },
          ];
        });
    });
  },
  forbids(_ctx, person, shift, rule) {
    return historyFillsRun(person, shift, person.member.contract.maxConsecutiveDays ?? rule.params.maxDays, "any");
  },
  build(ctx, rule) {
    buildMaxRun(ctx, rule, (person) => person.member.contract.maxConsecutiveDays ?? rule.params.maxDays, "any");
  },
};
