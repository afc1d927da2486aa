import { describe, expect, it } from "vitest";
import { a, violationsOf, world } from "../../fixtures/world.js";

describe("shift.one-per-day", () => {
  it("accepts one shift a day on consecutive days", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "D8")], "shift.one-per-day")).toEqual([]);
  });

  it("flags two shifts starting on the same date", () => {
    const found = violationsOf(world(), [a("A", "2026-03-02", "D8"), a("A", "2026-03-02", "N8")], "shift.one-per-day");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, subjects: { staff: "A", date: "2026-03-02" } });
  });
});
