/**
 * Dated employment through a whole solve (QA7 F5): a leaver and a hire in one week, each owed hours only for
 * the days they are employed, and nobody scheduled outside them.
 */
import { describe, expect, it } from "vitest";
import { BASE, world } from "../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../fixtures/solve.js";

// One week, two day pharmacists wanted every day (worth more than any band), so only the rule keeps anyone off a day. Ann leaves after Wednesday 03-04 (3 days, with a contract
// minimum of 7 × 480 paid minutes, 1440 prorated); Ben starts on Thursday 03-05 (4 days).
const week = world({
  horizon: { start: "2026-03-02", end: "2026-03-08" },
  staff: [
    { ...BASE.staff[0]!, employedUntil: "2026-03-04", contract: { minMinutesPerHorizon: 7 * 480 } },
    { ...BASE.staff[1]!, employedFrom: "2026-03-05" },
  ],
  slotDemand: ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"].map((date) => ({ template: "D8", date, required: 2, underWeight: 2000 })),
});

describe("employment dates in a solve", () => {
  it("schedules nobody outside their employment and owes each only the hours of their employed days", async () => {
    const solved = await solveDirect(week);
    expect(solved.result.status).toBe("optimal");
    const on = (staff: string) => solved.schedule.assignments.filter((x) => x.staff === staff).map((x) => x.date);
    expect(on("A").every((d) => d <= "2026-03-04")).toBe(true);
    expect(on("B").every((d) => d >= "2026-03-05")).toBe(true);
    // Every day half covered, by whoever was employed that day.
    expect(on("A")).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(on("B")).toEqual(["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
    // Ann's 24 h in 3 employed days of 7 (band 80 × 3/14 − 8 = 9.1 … 29.1 h), Ben's 32 h in 4 (72 × 4/14 ± …),
    // and Ann's horizon minimum prorated to 1440 minutes: no band is broken, none hard or soft.
    const broken = solved.explanation.violations.filter((v) => v.rule === "hours.pay-period-band" || v.rule === "hours.horizon-band" || v.rule === "employment.dates");
    expect(broken).toEqual([]);
    expect(solved.explanation.violations.filter((v) => v.rule === "coverage.slot-under").map((v) => v.amount)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expectModelAgreesWithChecker(solved);
  });
});
