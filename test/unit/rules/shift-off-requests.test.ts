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

const RULE = "requests.shift-off";
const asks = () =>
  patchStaff(world(), "A", {
    requests: [
      { kind: "shift-off", date: "2026-03-04", template: "E8", weight: 3 },
      { kind: "shift-off", date: "2026-02-20", template: "E8", weight: 5 },
    ],
  });

describe("requests.shift-off", () => {
  it("grants the request when the person works another template that date", () => {
    expect(violationsOf(asks(), [a("A", "2026-03-04", "D8")], RULE)).toEqual([]);
  });

  it("flags the request when the person works that template that date", () => {
    const found = violationsOf(asks(), [a("A", "2026-03-04", "E8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "request", penalty: 30, subjects: { staff: "A", date: "2026-03-04", template: "E8" } });
  });

  it("multiplies the request weight by the site's rule weight", () => {
    expect(violationsOf(withRule(asks(), RULE, { weight: 1 }), [a("A", "2026-03-04", "E8")], RULE)[0]).toMatchObject({ penalty: 3 });
  });

  it("gives a request dated outside the horizon no place in the model", () => {
    // Nobody works outside the horizon, so the checker cannot see it broken; the model must not price it either.
    const inside = patchStaff(world(), "A", { requests: [{ kind: "shift-off", date: "2026-03-04", template: "E8", weight: 3 }] });
    expect(modelShape(asks())).toEqual(modelShape(inside));
  });
});

describe("requests.shift-off in the model", () => {
  // Monday only: a day-shift slot worth 2000 that only Ann can fill (Ben on leave); she asked not to work it.
  const input = patchStaff(onLeave(smallWorld(1, { slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 2000 }] }), "B"), "A", {
    requests: [{ kind: "shift-off", date: "2026-03-02", template: "D8", weight: 1 }],
  });

  it("breaks a cheap request to fill a dear slot, at the request's price", async () => {
    const solved = await solveDirect(input);
    expect(solved.schedule.assignments).toEqual([a("A", "2026-03-02", "D8")]);
    expect(violationsIn(solved.explanation, RULE)).toEqual([expect.objectContaining({ amount: 1, penalty: 10 })]);
    expectModelAgreesWithChecker(solved);
  });

  it("makes no column for the shift when hard, leaving the slot short", async () => {
    const solved = await solveDirect(withRule(input, RULE, { hard: true }));
    expect(solved.built.ctx.staff[0]!.x.has("D8@2026-03-02")).toBe(false);
    expect(solved.schedule.assignments).toEqual([]);
    expectModelAgreesWithChecker(solved);
  });
});
