import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";

describe("shift.one-per-day", () => {
  it("accepts one shift a day on consecutive days", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "D8")], "shift.one-per-day")).toEqual([]);
  });

  it("flags two shifts starting on the same date", () => {
    const found = violationsOf(world(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-02", "N8")], "shift.one-per-day");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, subjects: { staff: "A", date: "2026-03-02" } });
  });
});

describe("shift.one-per-day in the model", () => {
  // Two slots on one date and only Ann to fill them: hard keeps her to one.
  const input = world({
    staff: [{ id: "A", name: "Ann", level: "rph", fte: 1, hourlyRate: 60 }],
    slotDemand: [
      { template: "D8", date: "2026-03-02", required: 1 },
      { template: "N8", date: "2026-03-02", required: 1 },
    ],
  });

  it("gives nobody two shifts on one date when the rule is hard", async () => {
    // Rest off: its rows would keep the day and the night apart on their own.
    const solved = await solveDirect(withRule(input, "rest.min-between-shifts", { enabled: false }));
    expect(solved.schedule.assignments.filter((x) => x.date === "2026-03-02")).toHaveLength(1);
    expectModelAgreesWithChecker(solved);
  });

  it("prices a second shift when the rule is soft", async () => {
    // Rest is switched off so that only this rule stands between Ann and the day + night pair.
    const solved = await solveDirect(withRule(withRule(input, "shift.one-per-day", { hard: false, weight: 1 }), "rest.min-between-shifts", { enabled: false }));
    expect(solved.explanation.violations.filter((v) => v.rule === "shift.one-per-day")).toEqual([expect.objectContaining({ amount: 1, penalty: 1 })]);
    expectModelAgreesWithChecker(solved);
  });
});
