import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";
import { expectModelAgreesWithChecker, solveDirect } from "../../fixtures/solve.js";
import { buildModel } from "../../../solver/model/build.js";
import { prepare } from "../../../src/pipeline.js";

/** Columns, rows, nonzeros and the constant of a world's model. */
function modelShape(input: Parameters<typeof prepare>[0]) {
  const prepared = prepare(input);
  const { model } = buildModel(prepared.input, prepared.grid, prepared.demand);
  return { columns: model.numCols, rows: model.numRows, nonzeros: model.rowColumns.length, offset: model.offset, cost: [...model.colCost] };
}
import { onLeave, smallWorld, violationsIn } from "../../fixtures/small-world.js";

const RULE = "requests.day-off";
const asks = () =>
  patchStaff(world(), "A", {
    requests: [
      { kind: "day-off", date: "2026-03-05", weight: 1.5 },
      { kind: "day-off", date: "2026-03-16", weight: 5 },
    ],
  });

describe("requests.day-off", () => {
  it("grants the request when no shift starts that date, even a night ending that morning", () => {
    expect(violationsOf(asks(), [a("A", "2026-03-04", "N8")], RULE)).toEqual([]);
  });

  it("flags any shift starting that date", () => {
    const found = violationsOf(asks(), [a("A", "2026-03-05", "N8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "request", penalty: 15, subjects: { staff: "A", date: "2026-03-05" } });
  });

  it("multiplies the request weight by the site's rule weight", () => {
    expect(violationsOf(withRule(asks(), RULE, { weight: 2 }), [a("A", "2026-03-05", "D8")], RULE)[0]).toMatchObject({ penalty: 3 });
  });

  it("ignores another person's shifts", () => {
    expect(violationsOf(asks(), [a("B", "2026-03-05", "D8")], RULE)).toEqual([]);
  });

  it("gives a request dated outside the horizon no place in the model, even after a night into it", () => {
    // A night on the horizon's last date ends on 03-16: that date is outside, and so not asked for.
    expect(violationsOf(asks(), [a("A", "2026-03-15", "N8")], RULE)).toEqual([]);
    const inside = patchStaff(world(), "A", { requests: [{ kind: "day-off", date: "2026-03-05", weight: 1.5 }] });
    expect(modelShape(asks())).toEqual(modelShape(inside));
  });
});

describe("requests.day-off in the model", () => {
  // Monday only: slots worth 2000 that only Ann can fill (Ben on leave); she asked for the day off.
  const scenario = (...templates: string[]) =>
    patchStaff(onLeave(smallWorld(1, { slotDemand: templates.map((template) => ({ template, date: "2026-03-02", required: 1, underWeight: 2000 })) }), "B"), "A", {
      requests: [{ kind: "day-off", date: "2026-03-02", weight: 1 }],
    });

  it("breaks a cheap request to fill a dear slot, at the request's price", async () => {
    const solved = await solveDirect(scenario("D8"));
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "D8")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 10 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes no column that day when hard", async () => {
    const solved = await solveDirect(withRule(scenario("D8"), RULE, { hard: true }));
    expect(solved.built.ctx.staff[0]!.byDay[0]).toEqual([]);
    expect(solved.schedule.assignments).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });

  it("breaks the request once when two shifts that day are allowed", async () => {
    // One shift a day made soft and rest off: Ann takes the day and the night shift, one broken request.
    const input = withRule(withRule(scenario("D8", "N8"), "shift.one-per-day", { hard: false, weight: 1 }), "rest.min-between-shifts", { enabled: false });
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toHaveLength(2);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 10 })]);
    expectModelAgreesWithChecker(solved);
  });
});
