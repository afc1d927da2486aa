/**
 * A repair's kept dates that its base schedule never covered (repair-dates #1): the horizon moved or grew
 * after the base was made, so those dates are kept empty; each run of them is a warning naming the dates,
 * the base and the field whose window would plan them.
 */
import { describe, expect, it } from "vitest";
import { unplannedKeptDates } from "../../../src/repair/window.js";
import { a } from "../../fixtures/world.js";

const base = { id: "s1", assignments: ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => a("A", date, "D8")) };
const planned = { start: "2026-03-02", end: "2026-03-04" };
/** The window of a call-out on Tuesday 3 March. */
const tuesday = { before: "2026-03-03", after: "2026-03-03" };

describe("a repair's kept dates the base never covered", () => {
  it("warns of one such date, after the window, naming the base's horizon and repair.changeUntil", () => {
    expect(unplannedKeptDates(tuesday, { start: "2026-03-02", end: "2026-03-05" }, base, planned)).toEqual([
      "2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule s1 never covered it (it was planned for 2026-03-02…2026-03-04), " +
        "so nobody works that date: the window must include 2026-03-05 (repair.changeUntil) to plan it",
    ]);
  });

  it("warns of each run of such dates once, on either side of the window, with the field of its side", () => {
    expect(unplannedKeptDates(tuesday, { start: "2026-02-27", end: "2026-03-08" }, base, planned)).toEqual([
      "2026-02-27…2026-03-01 are outside the repair's window 2026-03-03…2026-03-03, kept as they were, but the base schedule s1 never covered them (it was planned for 2026-03-02…2026-03-04), " +
        "so nobody works those dates: the window must include 2026-02-27…2026-03-01 (repair.changeFrom) to plan them",
      "2026-03-05…2026-03-08 are outside the repair's window 2026-03-03…2026-03-03, kept as they were, but the base schedule s1 never covered them (it was planned for 2026-03-02…2026-03-04), " +
        "so nobody works those dates: the window must include 2026-03-05…2026-03-08 (repair.changeUntil) to plan them",
    ]);
  });

  it("is silent when the base covered every kept date, or the window takes in the dates it did not", () => {
    expect(unplannedKeptDates(tuesday, planned, base, planned)).toEqual([]);
    // Shortened since: every kept date is still one the base covered.
    expect(unplannedKeptDates(tuesday, { start: "2026-03-02", end: "2026-03-03" }, base, planned)).toEqual([]);
    // The window runs to the horizon's end (changeUntil open): the repair plans Thursday itself.
    expect(unplannedKeptDates({ before: "2026-03-03" }, { start: "2026-03-02", end: "2026-03-05" }, base, planned)).toEqual([]);
    expect(unplannedKeptDates({ before: "2026-03-03", after: "2026-03-05" }, { start: "2026-03-02", end: "2026-03-05" }, base, planned)).toEqual([]);
  });

  it("names the window's fields as the caller gives them: rxroster repair's flags, and the file as the base (repair-cli)", () => {
    const file = { ...base, id: "out/schedule.json" };
    expect(unplannedKeptDates(tuesday, { start: "2026-02-28", end: "2026-03-05" }, file, planned, { changeFrom: "--change-from", changeUntil: "--change-until" })).toEqual([
      "2026-02-28…2026-03-01 are outside the repair's window 2026-03-03…2026-03-03, kept as they were, but the base schedule out/schedule.json never covered them (it was planned for 2026-03-02…2026-03-04), " +
        "so nobody works those dates: the window must include 2026-02-28…2026-03-01 (--change-from) to plan them",
      "2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule out/schedule.json never covered it (it was planned for 2026-03-02…2026-03-04), " +
        "so nobody works that date: the window must include 2026-03-05 (--change-until) to plan it",
    ]);
  });

  it("takes the dates of the base's shifts for its horizon when that was not recorded, and says so", () => {
    expect(unplannedKeptDates({ after: "2026-03-03" }, { start: "2026-03-02", end: "2026-03-05" }, base, undefined)).toEqual([
      "2026-03-05 is outside the repair's window 2026-03-02…2026-03-03, kept as it was, but the base schedule s1 never covered it (its shifts run 2026-03-02…2026-03-04; its horizon was not recorded), " +
        "so nobody works that date: the window must include 2026-03-05 (repair.changeUntil) to plan it",
    ]);
  });
});
