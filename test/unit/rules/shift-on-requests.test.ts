import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { addTemplates, patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "requests.shift-on";
const asks = () =>
  patchStaff(world(), "A", {
    requests: [
      { kind: "shift-on", date: "2026-03-03", template: "D8", weight: 2 },
      { kind: "shift-on", date: "2026-03-20", template: "D8", weight: 5 },
    ],
  });

describe("requests.shift-on", () => {
  it("grants the request when the person works that template that date", () => {
    expect(violationsOf(asks(), [a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
  });

  it("flags the request when the person is off, at request weight × requestWeightUnit", () => {
    const found = violationsOf(asks(), [], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "request", penalty: 20, subjects: { staff: "A", date: "2026-03-03", template: "D8" } });
  });

  it("says the person is on approved leave, not off, when a call-out was recorded after the request", () => {
    const input = patchStaff(asks(), "A", { leave: [{ start: "2026-03-03", end: "2026-03-03", reason: "sick call" }] });
    expect(violationsOf(input, [], RULE)[0]!.message).toBe("Ann asked to work D8 on 2026-03-03 and is on approved leave");
    expect(violationsOf(asks(), [], RULE)[0]!.message).toBe("Ann asked to work D8 on 2026-03-03 and is off");
  });

  it("flags the request when the person works another template that date", () => {
    const found = violationsOf(asks(), [a("A", "2026-03-03", "E8")], RULE);
    expect(found[0]!.message).toMatch(/E8 instead/);
  });

  it("multiplies the request weight by the site's rule weight", () => {
    expect(violationsOf(withRule(asks(), RULE, { weight: 3 }), [], RULE)[0]).toMatchObject({ penalty: 6 });
  });

  it("ignores requests dated outside the horizon", () => {
    // Granted on 03-03; the 03-20 request (after the horizon) would otherwise be a second finding.
    expect(violationsOf(asks(), [a("A", "2026-03-03", "D8")], RULE)).toEqual([]);
  });

  it("flags a request for a template that does not run that day, and says so", () => {
    const mondays = { id: "M8", name: "Monday day", area: "central", start: "07:00", lengthMinutes: 480, roleFamily: "pharmacist", weekdays: [1] };
    const input = patchStaff(addTemplates(world(), mondays), "A", { requests: [{ kind: "shift-on", date: "2026-03-03", template: "M8", weight: 1 }] });
    const found = violationsOf(input, [a("A", "2026-03-03", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/M8 does not run that day/);
  });
});

describe("requests.shift-on in the model", () => {
  // Monday only, no demand: Ann works only if her request is worth her $480 evening.
  const asking = (weight: number, template = "E8", date = "2026-03-02") => patchStaff(smallWorld(1), "A", { requests: [{ kind: "shift-on", date, template, weight }] });

  it("grants a request worth more than the shift costs", async () => {
    const solved = await solveDirect(asking(100));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "E8")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("declines a cheap request at its price, and grants it when hard", async () => {
    const soft = await solveDirect(asking(1));
    expect(soft.schedule.assignments).toEqual([]);
    expect(violationsIn(soft.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 10 })]);
    expectModelAgreesWithChecker(soft);
    const hard = await solveDirect(withRule(asking(1), RULE, { hard: true }));
    expect(hard.schedule.assignments).toEqual([a("A", "2026-03-02", "E8")]);
    expectModelAgreesWithChecker(hard);
  });

  it("charges a request no column can grant as a constant, and ignores one outside the horizon", async () => {
    // A pharmacist may not work the technician day.
    const input = patchStaff(smallWorld(1), "A", {
      requests: [
        { kind: "shift-on", date: "2026-03-02", template: "T12", weight: 1 },
        { kind: "shift-on", date: "2026-03-09", template: "D8", weight: 5 },
      ],
    });
    const solved = await solveDirect(input);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 10, subjects: { staff: "A", date: "2026-03-02", template: "T12" } })]);
    expectModelAgreesWithChecker(solved);
  });

  it("leaves no schedule when a hard request cannot be granted", async () => {
    await expect(solveDirect(withRule(asking(1, "T12"), RULE, { hard: true }))).rejects.toThrow(/infeasible/);
  });
});
