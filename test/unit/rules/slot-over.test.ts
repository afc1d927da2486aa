import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";

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

  it("counts only people on that template and date", () => {
    expect(violationsOf(slot(), [a("A", "2026-03-02", "D8"), a("B", "2026-03-03", "D8"), a("B", "2026-03-02", "E8")], RULE)).toEqual([]);
  });
});
