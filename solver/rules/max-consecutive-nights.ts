/**
 * Maximum consecutive nights: nobody works night shifts on more than `maxNights` days in a row (default
 * 3; a person's `contract.maxConsecutiveNights` overrides it, 0 meaning no nights at all), history before
 * the horizon included. Policy: circadian disruption accumulates night after night, and a night
 * pharmacist often verifies alone, so errors go uncaught. Hard by default as a safety limit; made soft,
 * each night over costs one rule-violation unit.
 *
 * A night is a shift whose template is marked `night`; a day holding any other shift breaks the run.
 * Amount: for a run of L nights, L − max (the number of (max + 1)-night windows fully worked, as the model
 * prices it), leaving out windows wholly in history. Only runs with a night in the horizon are judged;
 * days after the horizon count as off. The date is the first night over the limit (or day 0).
 */
import { dateOf, runsOf, workedLine } from "../check/context.js";
import { buildMaxRun, historyFillsRun } from "../model/runs.js";
import type { RuleDefinition } from "./types.js";

export const maxConsecutiveNights: RuleDefinition<{ maxNights: number }> = {
  id: "nights.max-consecutive",
  title: "Maximum consecutive nights",
  policy: "At most 3 night shifts in a row (or the person's contract limit).",
  hardByDefault: true,
  monotone: true,
  unit: "night",
  weightKey: "ruleViolationUnit",
  defaults: { maxNights: 3 },
  whole: ["maxNights"],
  check(ctx, rule) {
    return ctx.staff.flatMap((view) => {
      const max = view.member.contract.maxConsecutiveNights ?? rule.params.maxNights;
      const { first, worked } = workedLine(ctx, view, (s) => s.night);
      return runsOf(worked, first)
        .filter((run) => run.to >= 0 && run.length > max)
        .flatMap((run) => {
          const inHistory = Math.max(0, Math.min(run.to, -1) - run.from + 1);
          const amount = run.length - max - Math.max(0, inHistory - max);
          if (amount <= 0) return [];
          const from = dateOf(ctx, run.from);
          const span = run.length === 1 ? `on ${from}` : `in a row, ${from}${run.from < 0 ? " (history)" : ""} to ${dateOf(ctx, run.to)}`;
          return [
            {
              subjects: { staff: view.member.id, date: dateOf(ctx, Math.max(run.from + max, 0)) },
              amount,
              message: `${view.member.name} works ${run.length} night${run.length === 1 ? "" : "s"} ${span} (at most ${max}): ${amount} night${amount === 1 ? "" : "s"} over`,
            },
          ];
        });
    });
  },
  // The windows of `days.max-consecutive` over night shifts only; with a limit of 0, no night column at all.
  forbids(_ctx, person, shift, rule) {
    return historyFillsRun(person, shift, person.member.contract.maxConsecutiveNights ?? rule.params.maxNights, "night");
  },
  build(ctx, rule) {
    buildMaxRun(ctx, rule, (person) => person.member.contract.maxConsecutiveNights ?? rule.params.maxNights, "night");
  },
};
