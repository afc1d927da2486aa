import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";
import { withRule } from "../../fixtures/world.js";

const RULE = "coverage.slot-over";
const slot = (extra: object = {}) => world({ slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, ...extra }] });

describe("coverage.slot-over", () => {
  it("accepts a slot at or below its required headcount", () => {
    expect(violationsOf(slot(), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
    expect(violationsOf(slot(), [], RULE)).toEqual([]);
  });

  it("flags each person over at the default slot weight", () => {
    const found = violationsOf(slot(), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "person", penalty: 10, subjects: { template: "D8", date: "2026-03-02" } });
  });

  it("prices a line at its own over weight", () => {
    const found = violationsOf(slot({ required: 0, overWeight: 3 }), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "D8")], RULE);
    expect(found[0]).toMatchObject({ amount: 2, penalty: 6 });
  });

  it("prices a line without its own weight at the rule's weight, over the weights table's", () => {
    const found = violationsOf(withRule(slot(), RULE, { weight: 4 }), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "D8")], RULE);
    expect(found[0]).toMatchObject({ amount: 1, penalty: 4 });
  });

  it("counts only people on that template and date", () => {
    expect(violationsOf(slot(), [a("A", "2026-03-02", "D8"), a("B", "2026-03-03", "D8"), a("B", "2026-03-02", "E8")], RULE)).toEqual([]);
  });
});

describe("coverage.slot-over in the model", () => {
  // Monday only: a floor of two pharmacists 07:00–15:00, but the day-shift line asks for one.
  const input = smallWorld(1, {
    floors: [{ area: "central", roleFamily: "pharmacist", count: 2, from: "07:00", to: "15:00" }],
    slotDemand: [{ template: "D8", date: "2026-03-02", required: 1 }],
  });

  it("puts a person over the line when the floor needs them", async () => {
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 10 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices the person over at the rule's weight in the model as in the checker", async () => {
    const solved = await solveDirect(withRule(input, RULE, { weight: 4 }));
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 4 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("keeps the line when hard, leaving the floor short", async () => {
    const solved = await solveDirect(withRule(input, RULE, { hard: true }));
    expect(solved.schedule.assignments).toHaveLength(1);
    expect(violationsIn(solved.explanation, "coverage.floor-shortfall")).toEqual([expect.objectContaining({ amount: 8 })]);
    expectModelAgreesWithChecker(solved);
  });
});
