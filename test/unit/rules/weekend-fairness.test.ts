import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";
import { withRule } from "../../fixtures/world.js";

const RULE = "fairness.weekends";
// Ann and Ben are the two regular pharmacists; weekends are 03-07/08 and 03-14/15.

describe("fairness.weekends", () => {
  it("accepts one weekend each for two people of a level", () => {
    expect(violationsOf(world(), [a("A", "2026-03-07", "D8"), a("B", "2026-03-15", "D8")], RULE)).toEqual([]);
  });

  it("flags the spread between the most and fewest weekends in a level", () => {
    // Ann works both days of one weekend (one weekend) and a Saturday of the next: 2 weekends, Ben 0.
    const found = violationsOf(world(), [a("A", "2026-03-07", "D8"), a("A", "2026-03-08", "D8"), a("A", "2026-03-14", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 2, unit: "weekend", penalty: 40, subjects: { level: "rph" } });
    expect(found[0]!.message).toMatch(/0 \(Ben\).*2 \(Ann\)/);
  });

  it("does not compare people of different levels", () => {
    expect(violationsOf(world(), [a("C", "2026-03-07", "T12"), a("C", "2026-03-14", "T12")], RULE)).toEqual([]);
  });

  it("leaves PRN staff out of the comparison", () => {
    const input = patchStaff(world(), "B", { employment: "prn", fte: 0 });
    expect(violationsOf(input, [a("A", "2026-03-07", "D8"), a("A", "2026-03-14", "D8")], RULE)).toEqual([]);
  });

  it("leaves out someone on approved leave every weekend day of the horizon, who could work none (qa6 F2)", () => {
    const worked = [a("A", "2026-03-07", "D8"), a("A", "2026-03-14", "D8")];
    const allMonth = patchStaff(world(), "B", { leave: [{ start: "2026-03-02", end: "2026-03-15", reason: "parental" }] });
    expect(violationsOf(allMonth, worked, RULE)).toEqual([]);
    // On leave the first weekend only: the second is there to work, so Ben is compared.
    const oneWeekend = patchStaff(world(), "B", { leave: [{ start: "2026-03-07", end: "2026-03-08", reason: "vacation" }] });
    expect(violationsOf(oneWeekend, worked, RULE)).toEqual([expect.objectContaining({ amount: 2 })]);
  });

  it("leaves out someone employed on no weekend day of the horizon, as one on leave is", () => {
    const worked = [a("A", "2026-03-07", "D8"), a("A", "2026-03-14", "D8")];
    expect(violationsOf(patchStaff(world(), "B", { employedUntil: "2026-03-06" }), worked, RULE)).toEqual([]);
    expect(violationsOf(patchStaff(world(), "B", { employedFrom: "2026-03-16" }), worked, RULE)).toEqual([]);
    // Employed through the first weekend: Ben could have worked it, so he is compared.
    expect(violationsOf(patchStaff(world(), "B", { employedUntil: "2026-03-08" }), worked, RULE)).toEqual([expect.objectContaining({ amount: 2 })]);
  });
});

describe("fairness.weekends in the model", () => {
  // Saturday 03-07 to Saturday 03-14: day shifts worth 2000 on both Saturdays. Ben ($464) is $16 a shift
  // cheaper than Ann ($480), so cost alone gives him both weekends.
  const saturdays = smallWorld(8, { slotDemand: ["2026-03-07", "2026-03-14"].map((date) => ({ template: "D8", date, required: 1, underWeight: 2000 })) }, { from: "2026-03-07" });
  const workers = (s: { schedule: { assignments: { staff: string }[] } }) => s.schedule.assignments.map((x) => x.staff).sort();

  it("shares the weekends when a weekend of spread costs more than the saving", async () => {
    const solved = await solveDirect(saturdays);
    expect(workers(solved)).toEqual(["A", "B"]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("gives both weekends to the cheaper person when fairness is cheap, and shares them when hard", async () => {
    const soft = await solveDirect(withRule(saturdays, RULE, { weight: 1 }));
    expect(workers(soft)).toEqual(["B", "B"]);
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 2, subjects: { level: "rph" } })]);
    expectModelAgreesWithChecker(soft);
    const hard = await solveDirect(withRule(saturdays, RULE, { weight: 1, hard: true }));
    expect(workers(hard)).toEqual(["A", "B"]);
    expectModelAgreesWithChecker(hard);
  });

  it("counts a weekend once when both its days are worked", async () => {
    // Saturday and Sunday slots: Ben takes both (splitting breaks two weekends), one weekend of spread.
    const input = smallWorld(2, { slotDemand: ["2026-03-07", "2026-03-08"].map((date) => ({ template: "D8", date, required: 1, underWeight: 2000 })) }, { from: "2026-03-07" });
    const solved = await solveDirect(input);
    expect(workers(solved)).toEqual(["B", "B"]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 20 })]);
    expectModelAgreesWithChecker(solved);
  });
});
