/**
 * The what-if's recommendation from its rows alone: when there is none, when it is capped by the counts
 * tried, and how the solver's uncertainty bears on it. A position costs $65,000 a year in every case.
 */
import { describe, expect, it } from "vitest";
import { recommend } from "../../../src/reports/fte/recommendation.js";
import type { WhatIfFigures, WhatIfRow } from "../../../src/reports/fte/what-if.js";

const figures: WhatIfFigures = { uncoveredByArea: {}, uncoveredStaffHours: 0, uncoveredDollars: 0, overtimeHours: 0, overtimeDollars: 0, agencyHours: 0, agencyDollars: 0, laborDollars: 0, hireDollars: 0, hireHours: 0, idleHires: 0, avoidableDollars: 0, budgetUse: {} };
const row = (hires: number, extra: Partial<WhatIfRow>): WhatIfRow => ({ hires, status: "optimal", gap: 0, uncertaintyDollars: 0, seconds: 2, figures, ...extra });
/** Hire `hires` saving `perYear`, give or take `uncertaintyPerYear`. */
const saving = (hires: number, perYear: number, uncertaintyPerYear = 0, extra: Partial<WhatIfRow> = {}): WhatIfRow =>
  row(hires, { marginalSaving: perYear / 26, marginalSavingPerYear: perYear, marginalSavingUncertaintyPerYear: uncertaintyPerYear, ...extra });
const options = { positionCostPerYear: 65_000, timeLimitSeconds: 2 };

describe("the recommendation", () => {
  it("is none when a solve stopped before any bound (a month at a few seconds)", () => {
    expect(recommend([row(0, { status: "feasible", gap: undefined, uncertaintyDollars: undefined }), saving(1, 100_000, 0, { status: "feasible", gap: 0.5, uncertaintyDollars: 900 })], options)).toEqual({
      noRecommendation: "the solve(s) for 0 hire(s) stopped at the 2 s limit before any bound on their cost, so their schedules cannot be compared. Run again with a longer time limit.",
    });
  });

  it("is capped when every position tried pays for itself", () => {
    expect(recommend([row(0, {}), saving(1, 100_000), saving(2, 70_000)], options)).toEqual({ recommendedHires: 2, capped: true });
    expect(recommend([row(0, {}), saving(1, 100_000), saving(2, 20_000)], options)).toEqual({ recommendedHires: 1, capped: false });
  });

  it("is none exactly when the uncertainty could turn a comparison it rests on", () => {
    // Hire 2 saves 60k ± 10k: it may well pay its 65k, so the count of 1 cannot be told.
    const turnable = [row(0, { status: "feasible", gap: 0.01, uncertaintyDollars: 200 }), saving(1, 100_000, 10_000), saving(2, 60_000, 10_000)];
    expect(recommend(turnable, options)).toEqual({
      noRecommendation:
        "hire 2 saves $60,000 a year, give or take $10,000: the schedules for 1 and 2 hire(s) are together up to that much a year from the best possible (each solve's objective − bound), so whether the saving falls short of the position's $65,000 a year cannot be told. Run again with a longer time limit.",
    });
    // Hire 1 pays at its low end (100k − 30k); hire 2's saving is noise (1k ± 9k) but at most 10k, far below 65k.
    const settled = [row(0, { status: "feasible", gap: 0.01, uncertaintyDollars: 200 }), saving(1, 100_000, 30_000), saving(2, 1_000, 9_000, { savingWithinUncertainty: true })];
    expect(recommend(settled, options)).toEqual({ recommendedHires: 1, capped: false });
  });
});
