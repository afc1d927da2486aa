import { describe, expect, it } from "vitest";
import { parseInput } from "../../../src/pipeline.js";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { onLeave, smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "coverage.slot-under";
const slot = (extra: object = {}) => world({ slotDemand: [{ template: "D8", date: "2026-03-02", required: 2, ...extra }] });

describe("coverage.slot-under", () => {
  it("accepts a slot with its required headcount", () => {
    expect(violationsOf(slot(), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "D8")], RULE)).toEqual([]);
  });

  it("flags each person short at the default slot weight", () => {
    const found = violationsOf(slot(), [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "E8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "person", penalty: 300, subjects: { template: "D8", date: "2026-03-02" } });
    expect(violationsOf(slot(), [], RULE)[0]).toMatchObject({ amount: 2, penalty: 600 });
  });

  it("prices a line at its own under weight, whatever the rule's weight", () => {
    expect(violationsOf(slot({ underWeight: 40 }), [], RULE)[0]).toMatchObject({ amount: 2, penalty: 80 });
    expect(violationsOf(withRule(slot({ underWeight: 40 }), RULE, { weight: 1 }), [], RULE)[0]).toMatchObject({ penalty: 80 });
  });

  it("prices a line without its own weight at the rule's weight, over the weights table's", () => {
    expect(violationsOf(withRule(slot(), RULE, { weight: 25 }), [], RULE)[0]).toMatchObject({ amount: 2, penalty: 50 });
  });

  it("does not count a person not qualified for the shift (eligibility soft)", () => {
    const input = withRule(slot(), "shift.eligibility", { hard: false });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8"), a("D", "2026-03-02", "D8")], RULE)[0]).toMatchObject({ amount: 1 });
  });

  it("takes the default from the weights table", () => {
    const input = world({ slotDemand: [{ template: "D8", date: "2026-03-02", required: 1 }], weights: { slotUnderPerPerson: 7 } });
    expect(violationsOf(input, [], RULE)[0]).toMatchObject({ penalty: 7 });
  });
});

describe("coverage.slot-under in the model", () => {
  // Monday only: a day-shift line for two pharmacists at 100 per person short, less than either's pay.
  const cheap = smallWorld(1, { slotDemand: [{ template: "D8", date: "2026-03-02", required: 2, underWeight: 100 }] });

  it("leaves a line short when a person costs more than the line's own under weight", async () => {
    const solved = await solveDirect(cheap);
    expect(solved.schedule.assignments).toEqual([]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 200 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices a line without its own weight at the rule's weight in the model as in the checker", async () => {
    // The table's 300 a person would staff nobody either; at 100 the line costs 200, not 600.
    const input = withRule(smallWorld(1, { slotDemand: [{ template: "D8", date: "2026-03-02", required: 2 }] }), RULE, { weight: 100 });
    const solved = await solveDirect(input);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 200 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("cannot be set hard: the input is refused naming the setting", () => {
    expect(parseInput(withRule(cheap, RULE, { hard: true }))).toMatchObject({ ok: false, problems: [expect.objectContaining({ path: `rules.${RULE}.hard`, message: expect.stringMatching(/^cannot be true: coverage shortfall is always soft/) })] });
  });

  it("charges a line nobody can work at the table weight", async () => {
    // Only Cat may work the IV room, and she is on leave.
    const solved = await solveDirect(onLeave(smallWorld(1, { slotDemand: [{ template: "IV10", date: "2026-03-02", required: 1 }] }), "C"));
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 300 })]);
    expectModelAgreesWithChecker(solved);
  });
});
