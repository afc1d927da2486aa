import { describe, expect, it } from "vitest";
import type { PlanningInputFile } from "../../../models/index.js";
import { BASE, a, violationsOf, world } from "../../fixtures/world.js";

type StaffFile = PlanningInputFile["staff"][number];
const withStaff = (id: string, patch: Partial<StaffFile>) => BASE.staff.map((s) => (s.id === id ? { ...s, ...patch } : s));

const onLeave = () => world({ staff: withStaff("A", { leave: [{ start: "2026-03-05", end: "2026-03-09", reason: "vacation" }] }) });

describe("leave.approved", () => {
  it("accepts shifts on the days just before and after the leave", () => {
    expect(violationsOf(onLeave(), [a("A", "2026-03-04", "D8"), a("A", "2026-03-10", "D8")], "leave.approved")).toEqual([]);
  });

  it("flags shifts on the first and last day of the leave (both inclusive)", () => {
    const found = violationsOf(onLeave(), [a("A", "2026-03-05", "D8"), a("A", "2026-03-09", "E8")], "leave.approved");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ hard: true, amount: 1, unit: "shift", subjects: { staff: "A", date: "2026-03-05", template: "D8" } });
    expect(found[1]).toMatchObject({ subjects: { date: "2026-03-09", template: "E8" } });
    expect(found[0]!.message).toContain("Ann");
    expect(found[0]!.message).toContain("vacation, 2026-03-05 to 2026-03-09");
  });

  it("judges a night by its start date, so one ending on the first day of leave is allowed", () => {
    expect(violationsOf(onLeave(), [a("A", "2026-03-04", "N8")], "leave.approved")).toEqual([]);
  });

  it("leaves other people's shifts alone", () => {
    expect(violationsOf(onLeave(), [a("B", "2026-03-06", "D8")], "leave.approved")).toEqual([]);
  });
});
