import { describe, expect, it } from "vitest";
import { a, violationsOf, withRule, world } from "../../fixtures/world.js";
import { patchStaff } from "../../fixtures/patch.js";

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

  it("ignores another person's shifts and requests dated outside the horizon", () => {
    expect(violationsOf(asks(), [a("B", "2026-03-05", "D8")], RULE)).toEqual([]);
  });
});
