/**
 * The what-if's recommendation. Input: the rows of the what-if (each count's figures, saving and the
 * solver's uncertainty) and the position's yearly cost. Output: the number of hires to recommend and
 * whether it is capped by the counts tried, or why there is none (today's staff or a count the count
 * rests on cannot be scheduled under the hard rules, no hire tried, a solve unbounded or without a
 * schedule, a comparison the uncertainty could turn), in words ending with what to do.
 *
 * An infeasible solve is proven: no schedule keeps every hard rule, and no time limit will find one. It
 * is told as such, with the conflicts the optimizer named, never as a solve that ran out of time.
 *
 * The count is the largest k for which every hire 1 … k saves at least the position's cost. Each of
 * those comparisons, and the one with hire k + 1 that ends the count, must hold whatever the solver's
 * uncertainty, taken as the two compared schedules' distance from the best possible (objective − bound
 * of each; a yardstick in the objective's units, not a strict bound on the saving's dollars), and a
 * recommendation resting on a comparison that this uncertainty could turn is not given.
 */
import type { WhatIfRow } from "./what-if.js";
import { conflictWords, money, noScheduleWith } from "./words.js";

export type Recommendation = { recommendedHires: number; capped: boolean } | { noRecommendation: string };

const LONGER = "Run again with a longer time limit.";

/** What to do about conflicting hard rules: no longer limit helps, as no schedule keeps them all. */
const CHANGE_A_SIDE = "Change one side of each conflict and run again: a longer time limit cannot help, as no schedule keeps them all.";

/** Why a what-if of no hire at all (a maximum of 0) recommends nothing: there was nothing to compare. */
export const NO_HIRE_TRIED = "no hire was tried (--max-hires 0), so there is nothing to compare: run again with a maximum of 1 or more (--max-hires, or maxHires over HTTP) to weigh one.";

export function recommend(rows: WhatIfRow[], options: { positionCostPerYear: number; timeLimitSeconds: number }): Recommendation {
  const { positionCostPerYear: cost, timeLimitSeconds } = options;
  const today = rows[0]!;
  // First of all: a department that cannot be scheduled is what the report must say, hires tried or not.
  if (today.status === "infeasible") {
    const found = rows.find((r) => r.figures);
    const weighed = rows.length === 1 ? "" : ", so no hire can be weighed against one";
    return { noRecommendation: `${noScheduleWith(0)}${weighed}. ${conflictWords(today)} ${CHANGE_A_SIDE}${found ? ` With ${found.hires} hire(s) a schedule keeps every hard rule.` : ""}` };
  }
  // Before the solve's status: today's staff alone, however well solved, answer no question of hiring.
  if (rows.length === 1) return { noRecommendation: NO_HIRE_TRIED };
  if (!today.figures) return { noRecommendation: `the solve with today's staff found no schedule within its ${timeLimitSeconds} s limit. ${LONGER}` };
  // An infeasible count has no cost to bound: it is told below, if the count rests on it.
  const unbounded = rows.filter((r) => r.status !== "optimal" && r.status !== "infeasible" && r.uncertaintyDollars === undefined).map((r) => r.hires);
  if (unbounded.length > 0) {
    return { noRecommendation: `the solve(s) for ${unbounded.join(", ")} hire(s) stopped at the ${timeLimitSeconds} s limit before any bound on their cost, so their schedules cannot be compared. ${LONGER}` };
  }
  let count = 0;
  while (count + 1 < rows.length && (rows[count + 1]!.marginalSavingPerYear ?? -Infinity) >= cost) count++;
  // The comparisons the count rests on: every hire counted pays, and the next one (if tried) does not.
  for (let k = 1; k <= Math.min(count + 1, rows.length - 1); k++) {
    const row = rows[k]!;
    if (row.status === "infeasible") {
      // Its conflicts are named once, by the report's findings, the CSV's and JSON's row for the count.
      return { noRecommendation: `${noScheduleWith(row.hires)} (the report names the conflicts for ${row.hires} hire(s)), so hire ${row.hires} cannot be weighed against its cost. ${CHANGE_A_SIDE}` };
    }
    if (row.marginalSavingPerYear === undefined) {
      return { noRecommendation: `the solve for ${row.hires} hire(s) found no schedule to compare with one hire fewer. ${LONGER}` };
    }
    const saving = row.marginalSavingPerYear;
    const uncertainty = row.marginalSavingUncertaintyPerYear ?? 0;
    const pays = k <= count;
    if (pays ? saving - uncertainty >= cost : saving + uncertainty < cost) continue;
    return {
      noRecommendation:
        `hire ${row.hires} saves ${money(saving)} a year, give or take ${money(uncertainty)}: the schedules for ${row.hires - 1} and ${row.hires} hire(s) ` +
        `are together up to that much a year from the best possible (each solve's objective − bound), so whether the saving ${pays ? "reaches" : "falls short of"} ` +
        `the position's ${money(cost)} a year cannot be told. ${LONGER}`,
    };
  }
  return { recommendedHires: count, capped: count === rows.length - 1 };
}
