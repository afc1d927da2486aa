import { describe, expect, it } from "vitest";
import { parseInput } from "../../../src/pipeline.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "repair.changes";
const reference = (...assignments: ReturnType<typeof a>[]) => ({ assignments });
const byDate = (assignments: ReturnType<typeof a>[]) => [...assignments].sort((x, y) => x.date.localeCompare(y.date));

describe("repair.changes", () => {
  it("finds nothing without a reference schedule", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
  });

  it("finds nothing when the schedule is the reference", () => {
    const input = world({ reference: reference(a("A", "2026-03-02", "D8"), a("B", "2026-03-03", "E8")) });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8"), a("B", "2026-03-03", "E8")], RULE)).toEqual([]);
  });

  it("counts each shift given and each shift taken as one change, at changedAssignment (300)", () => {
    const input = world({ reference: reference(a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "D8")) });
    const found = violationsOf(input, [a("A", "2026-03-02", "D8"), a("B", "2026-03-03", "D8")], RULE);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hard: false, amount: 1, unit: "change", penalty: 300, subjects: { staff: "B", date: "2026-03-03", template: "D8" } }),
        expect.objectContaining({ amount: 1, penalty: 300, subjects: { staff: "A", date: "2026-03-03", template: "D8" } }),
      ]),
    );
    expect(found.map((v) => v.message)).toEqual(expect.arrayContaining([expect.stringMatching(/Ann no longer works D8 on 2026-03-03/), expect.stringMatching(/Ben works D8 on 2026-03-03, not in the reference/)]));
  });

  it("counts a person moved to another shift the same day as two changes", () => {
    const input = world({ reference: reference(a("A", "2026-03-02", "D8")) });
    expect(violationsOf(input, [a("A", "2026-03-02", "E8")], RULE)).toHaveLength(2);
  });

  it("takes the site's weight for a change", () => {
    const input = withRule(world({ reference: reference(a("A", "2026-03-02", "D8")) }), RULE, { weight: 40 });
    expect(violationsOf(input, [], RULE)[0]).toMatchObject({ penalty: 40 });
  });

  it("is never hard, and names a reference to an unknown person or a date outside the horizon", () => {
    const hard = parseInput({ ...BASE, rules: { [RULE]: { hard: true } } });
    expect(hard.ok ? [] : hard.problems).toEqual([expect.objectContaining({ path: `rules.${RULE}.hard` })]);
    const bad = parseInput({ ...BASE, reference: { assignments: [a("Z", "2026-03-02", "D8"), a("A", "2026-04-02", "D8")] } });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(["reference.assignments[0].staff", "reference.assignments[1].date"]);
  });
});

describe("repair.changes in the model", () => {
  // One pharmacist on the central day shift, three days. Ben (8/80, $58) is cheaper than Ann ($60).
  const department = smallWorld(3, { floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00" }] });
  const annAllDays = reference(a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "D8"), a("A", "2026-03-04", "D8"));

  it("keeps the reference where it still holds, and fills a call-out with one person, not a reshuffle", async () => {
    const cheapest = await solveDirect(department);
    expect(cheapest.schedule.assignments.map((x) => x.staff)).toEqual(["B", "B", "B"]);
    // Ann calls out on Tuesday: her Monday and Wednesday stay hers, though Ben is $2 an hour cheaper.
    const calledOut = patchStaff({ ...department, reference: annAllDays }, "A", { leave: [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }] });
    const repaired = await solveDirect(calledOut);
    expect(byDate(repaired.schedule.assignments)).toEqual([a("A", "2026-03-02", "D8"), a("B", "2026-03-03", "D8"), a("A", "2026-03-04", "D8")]);
    expect(violationsIn(repaired.explanation, RULE).map((v) => `${v.subjects.staff} ${v.subjects.date}`).sort()).toEqual(["A 2026-03-03", "B 2026-03-03"]);
    expectModelAgreesWithChecker(repaired);
  });

  it("moves people when a change saves more than it weighs", async () => {
    const cheap = withRule({ ...department, reference: annAllDays }, RULE, { weight: 1 });
    const solved = await solveDirect(cheap);
    expect(solved.schedule.assignments.map((x) => x.staff)).toEqual(["B", "B", "B"]);
    expectModelAgreesWithChecker(solved);
  });
});
