import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, withRule, world } from "../../fixtures/world.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));
const RULE = "days.min-consecutive";

describe("days.min-consecutive", () => {
  it("accepts two working days in a row", () => {
    expect(violationsOf(world(), [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE)).toEqual([]);
  });

  it("flags a single working day mid-horizon as one day short, soft and priced", () => {
    const found = violationsOf(world(), [a("A", "2026-03-04", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hard: false, amount: 1, unit: "day", penalty: 100, subjects: { staff: "A", date: "2026-03-04" } });
    expect(found[0]!.message).toContain("Ann works only 1 day in a row on 2026-03-04 (at least 2 wanted)");
  });

  it("uses the person's contract minimum over the site's", () => {
    const input = world({ staff: withStaff("A", { contract: { minConsecutiveDays: 3 } }) });
    expect(violationsOf(input, [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("uses the site's minDays", () => {
    const input = withRule(world(), RULE, { params: { minDays: 4 } });
    expect(violationsOf(input, [a("A", "2026-03-04", "D8"), a("A", "2026-03-05", "D8")], RULE).map((v) => v.amount)).toEqual([2]);
  });

  it("exempts a stretch starting on day 0 when no history shows the day before", () => {
    expect(violationsOf(world(), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
  });

  it("judges a stretch starting on day 0 when exemptEdges is false", () => {
    const input = withRule(world(), RULE, { params: { exemptEdges: false } });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8")], RULE).map((v) => v.amount)).toEqual([1]);
  });

  it("judges a stretch starting on day 0 when history shows the day before was off", () => {
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-02-25", template: "D8" }] }) });
    expect(violationsOf(input, [a("A", "2026-03-02", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-02"]);
  });

  it("judges a stretch that starts in history whole", () => {
    const history = [{ date: "2026-03-01", template: "D8" }];
    expect(violationsOf(world({ staff: withStaff("A", { history }) }), [a("A", "2026-03-02", "D8")], RULE)).toEqual([]);
    const strict = world({ staff: withStaff("A", { history, contract: { minConsecutiveDays: 3 } }) });
    const found = violationsOf(strict, [a("A", "2026-03-02", "D8")], RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: 1, subjects: { date: "2026-03-02" } });
    expect(found[0]!.message).toContain("2026-03-01 (history)");
  });

  it("never judges a stretch wholly in history", () => {
    const input = world({ staff: withStaff("A", { history: [{ date: "2026-02-25", template: "D8" }] }) });
    expect(violationsOf(input, [], RULE)).toEqual([]);
  });

  it("exempts a stretch reaching the last horizon day, even with exemptEdges false", () => {
    const input = withRule(world(), RULE, { params: { exemptEdges: false } });
    expect(violationsOf(input, [a("A", "2026-03-15", "D8")], RULE)).toEqual([]);
    expect(violationsOf(input, [a("A", "2026-03-14", "D8")], RULE).map((v) => v.subjects.date)).toEqual(["2026-03-14"]);
  });
});
