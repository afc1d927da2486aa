/**
 * The saving note of a count whose schedule leaves hires idle counts them: QA found (finding 9) "One of
 * the 5 hires worked no shift" where all 5 had worked none.
 */
import { describe, expect, it } from "vitest";
import { addMarginalSavings } from "../../../src/reports/fte/savings.js";
import type { WhatIfFigures, WhatIfRow } from "../../../src/reports/fte/what-if.js";

const figures: WhatIfFigures = { uncoveredByArea: {}, uncoveredStaffHours: 0, uncoveredDollars: 0, overtimeHours: 0, overtimeDollars: 0, agencyHours: 0, agencyDollars: 0, laborDollars: 0, hireDollars: 0, hireHours: 0, idleHires: 0, avoidableDollars: 0, budgetUse: {} };
/** Count `hires`, proven optimal, `idleHires` of its hires without a shift. */
const row = (hires: number, idleHires: number): WhatIfRow => ({ hires, status: "optimal", gap: 0, uncertaintyDollars: 0, seconds: 1, figures: { ...figures, idleHires } });

describe("the note on a hire who saves nothing for working no shift", () => {
  it("counts the idle hires: one, some, or every one of them", () => {
    const rows = [row(0, 0), row(1, 1), row(2, 2), row(3, 2), row(4, 1), row(5, 5)];
    addMarginalSavings(rows, 26);
    expect(rows.map((r) => r.savingNote)).toEqual([
      undefined,
      "The hire worked no shift in the schedule found, so hire 1 saves nothing.",
      "None of the 2 hires worked a shift in the schedule found, so hire 2 saves nothing.",
      "2 of the 3 hires worked no shift in the schedule found, so hire 3 saves nothing.",
      "One of the 4 hires worked no shift in the schedule found, so hire 4 saves nothing.",
      "None of the 5 hires worked a shift in the schedule found, so hire 5 saves nothing.",
    ]);
    expect(rows.slice(1).map((r) => r.marginalSaving)).toEqual([0, 0, 0, 0, 0]);
  });
});
