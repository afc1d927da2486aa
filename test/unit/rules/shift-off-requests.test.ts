import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";

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

  it("ignores requests dated outside the horizon", () => {
    expect(violationsOf(asks(), [], RULE)).toEqual([]);
  });
});
