import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "fairness.nights";

describe("fairness.nights", () => {
  it("accepts the same number of nights for two people of a level", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "N8"), a("B", "2026-03-04", "N8"), a("A", "2026-03-10", "D8")], RULE)).toEqual([]);
  });

  it("flags the spread of nights in a level, the DST night included", () => {
    const found = violationsOf(world(), [a("A", "2026-03-02", "N8"), a("A", "2026-03-03", "N8"), a("A", "2026-03-07", "N8"), a("B", "2026-03-05", "N8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 2, unit: "night", penalty: 40, subjects: { level: "rph" } });
  });

  it("uses the site's weight", () => {
    expect(violationsOf(withRule(world(), RULE, { weight: 1 }), [a("A", "2026-03-02", "N8")], RULE)[0]).toMatchObject({ amount: 1, penalty: 1 });
  });

  it("leaves agency staff out of the comparison", () => {
    const input = patchStaff(world(), "B", { employment: "agency", fte: 0 });
    expect(violationsOf(input, [a("A", "2026-03-02", "N8")], RULE)).toEqual([]);
  });

  it("leaves out someone who could work no night: on leave all horizon, or with every night template forbidden (qa6 F2)", () => {
    const worked = [a("A", "2026-03-02", "N8")];
    expect(violationsOf(world(), worked, RULE)).toEqual([expect.objectContaining({ amount: 1 })]);
    expect(violationsOf(patchStaff(world(), "B", { leave: [{ start: "2026-03-02", end: "2026-03-15", reason: "parental" }] }), worked, RULE)).toEqual([]);
    expect(violationsOf(patchStaff(world(), "B", { contract: { maxShiftsPerTemplate: { N8: 0 } } }), worked, RULE)).toEqual([]);
  });
});

describe("fairness.nights in the model", () => {
  // Monday and Tuesday nights worth 2000 each. Ben's night costs $496, Ann's $512.
  const nights = smallWorld(2, { slotDemand: ["2026-03-02", "2026-03-03"].map((date) => ({ template: "N8", date, required: 1, underWeight: 2000 })) });
  const workers = (s: { schedule: { assignments: { staff: string }[] } }) => s.schedule.assignments.map((x) => x.staff).sort();

  it("shares the nights when a night of spread costs more than the saving", async () => {
    const solved = await solveDirect(nights);
    expect(workers(solved)).toEqual(["A", "B"]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("prices no spread against a colleague on leave all horizon, in the model as in the checker", async () => {
    const away = patchStaff(nights, "A", { leave: [{ start: "2026-03-02", end: "2026-03-03", reason: "parental" }] });
    const solved = await solveDirect(away);
    expect(workers(solved)).toEqual(["B", "B"]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("gives both nights to the cheaper person when fairness is cheap, and shares them when hard", async () => {
    const soft = await solveDirect(withRule(nights, RULE, { weight: 1 }));
    expect(workers(soft)).toEqual(["B", "B"]);
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 2, penalty: 2 })]);
    expectModelAgreesWithChecker(soft);
    const hard = await solveDirect(withRule(nights, RULE, { weight: 1, hard: true }));
    expect(workers(hard)).toEqual(["A", "B"]);
    expectModelAgreesWithChecker(hard);
  });
});
