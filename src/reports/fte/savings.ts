/**
 * The what-if's marginal savings. Input: its rows, each count's best known schedule priced (what-if.ts),
 * and the year ÷ horizon factor. Output: on each row from 1 hire, the fall in avoidable dollars from one
 * hire fewer, a year, with how far the solver's uncertainty could move it, and a note in words where the
 * figure should not be quoted bare: the same note goes to every format.
 *
 * A hire who worked no shift saves nothing: the schedule for k hires with one of them idle is a schedule
 * for k − 1 hires, so whatever it avoids, k − 1 hires avoid too. Rows without a bound (and not proven
 * optimal) leave the saving within the solver's uncertainty: nothing says how far either schedule is from
 * the best possible.
 */
import type { WhatIfRow } from "./what-if.js";
import { money } from "./words.js";

/** "One of the 5 hires worked no shift", counted: `idle` of the `hires` worked none. */
function idleWho(idle: number, hires: number): string {
  if (hires === 1) return "The hire worked no shift";
  if (idle === hires) return `None of the ${hires} hires worked a shift`;
  return `${idle === 1 ? "One" : idle} of the ${hires} hires worked no shift`;
}

export function addMarginalSavings(rows: WhatIfRow[], annualFactor: number): void {
  for (let k = 1; k < rows.length; k++) {
    const before = rows[k - 1]!, after = rows[k]!;
    if (!before.figures || !after.figures) continue;
    const idle = after.figures.idleHires > 0;
    after.marginalSaving = idle ? 0 : before.figures.avoidableDollars - after.figures.avoidableDollars;
    after.marginalSavingPerYear = after.marginalSaving * annualFactor;
    const unbounded = [before, after].filter((r) => r.uncertaintyDollars === undefined).map((r) => r.hires);
    const notes = idle ? [`${idleWho(after.figures.idleHires, k)} in the schedule found, so hire ${k} saves nothing.`] : [];
    if (unbounded.length > 0) {
      after.savingWithinUncertainty = true;
      notes.push(`Within the solver's uncertainty: the solve for ${unbounded.join(" and ")} hire(s) found no bound on its cost, so the saving cannot be told from nothing.`);
    } else {
      const uncertainty = before.uncertaintyDollars! + after.uncertaintyDollars!;
      after.marginalSavingUncertaintyPerYear = uncertainty * annualFactor;
      after.savingWithinUncertainty = Math.abs(after.marginalSaving) < uncertainty;
      if (after.savingWithinUncertainty) notes.push(`Within the solver's uncertainty of ±${money(after.marginalSavingUncertaintyPerYear)} a year, so the saving cannot be told from nothing.`);
    }
    if (notes.length > 0) after.savingNote = notes.join(" ");
  }
}
