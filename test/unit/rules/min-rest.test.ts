import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";

describe("rest.min-between-shifts", () => {
  it("accepts an evening followed by the next evening (15.5 h rest)", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "E8"), a("A", "2026-03-03", "E8")], "rest.min-between-shifts")).toEqual([]);
  });

  it("flags an evening followed by the next day shift as too little rest", () => {
    // E8 ends 23:30, D8 starts 07:00: 7.5 h rest, 150 minutes short of 10 h.
    const found = violationsOf(world(), [a("A", "2026-03-02", "E8"), a("A", "2026-03-03", "D8")], "rest.min-between-shifts");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 150, unit: "minute", subjects: { staff: "A", date: "2026-03-03" } });
  });

  it("counts a history shift before the horizon", () => {
    const base = world();
    const input = { ...base, staff: base.staff.map((s) => (s.id === "A" ? { ...s, history: [{ date: "2026-03-01", template: "E8" }] } : s)) };
    expect(violationsOf(input, [a("A", "2026-03-02", "D8")], "rest.min-between-shifts")).toHaveLength(1);
  });

  it("uses the site's minimum", () => {
    const input = world({ rules: { "rest.min-between-shifts": { params: { minRestMinutes: 420 } } } });
    expect(violationsOf(input, [a("A", "2026-03-02", "E8"), a("A", "2026-03-03", "D8")], "rest.min-between-shifts")).toEqual([]);
  });
});
