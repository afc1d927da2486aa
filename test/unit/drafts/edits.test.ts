/**
 * Manual edits of a draft: move, swap, lock, unlock and remove, the problem an edit of nothing gives, and
 * the checker's problems with the edited schedule mapped back to the edits.
 */
import { describe, expect, it } from "vitest";
import { applyEdits, atEdits } from "../../../src/drafts/edits.js";
import { a } from "../../fixtures/world.js";

const draft = [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "E8"), a("C", "2026-03-03", "IV10")];

describe("applyEdits", () => {
  it("moves an assignment to another date and template, keeping the rest", () => {
    const result = applyEdits(draft, [{ op: "move", from: { staff: "A", date: "2026-03-02", template: "D8" }, to: { date: "2026-03-04", template: "N8" } }]);
    expect(result.ok && result.value.assignments).toEqual([a("A", "2026-03-04", "N8"), draft[1], draft[2]]);
  });

  it("swaps what two people work on a date", () => {
    const result = applyEdits(draft, [{ op: "swap", date: "2026-03-02", staff: ["A", "B"] }]);
    expect(result.ok && result.value.assignments).toEqual([a("B", "2026-03-02", "D8"), a("A", "2026-03-02", "E8"), draft[2]]);
  });

  it("locks and unlocks an assignment, in order", () => {
    const slot = { staff: "C", date: "2026-03-03", template: "IV10" };
    const locked = applyEdits(draft, [{ op: "lock", ...slot }]);
    expect(locked.ok && locked.value.assignments[2]!.locked).toBe(true);
    const both = applyEdits(draft, [{ op: "lock", ...slot }, { op: "unlock", ...slot }]);
    expect(both.ok && both.value.assignments[2]!.locked).toBe(false);
  });

  it("removes an assignment, and names one that is not there", () => {
    const removed = applyEdits(draft, [{ op: "remove", staff: "B", date: "2026-03-02", template: "E8" }]);
    expect(removed.ok && removed.value.assignments).toEqual([draft[0], draft[2]]);
    expect(applyEdits(draft, [{ op: "remove", staff: "B", date: "2026-03-03", template: "E8" }])).toEqual({ ok: false, problems: [{ path: "edits[0]", message: "there is no assignment of B on 2026-03-03 (E8)" }] });
  });

  it("names the edit that refers to no assignment, and a swap of one person with themselves", () => {
    const result = applyEdits(draft, [
      { op: "lock", staff: "D", date: "2026-03-02", template: "T12" },
      { op: "swap", date: "2026-03-02", staff: ["A", "A"] },
      { op: "swap", date: "2026-03-09", staff: ["A", "B"] },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "edits[0]", message: "there is no assignment of D on 2026-03-02 (T12)" },
        { path: "edits[1].staff", message: "must name two different people", value: "A" },
        { path: "edits[2]", message: "neither A nor B works on 2026-03-09" },
      ],
    });
  });
});

describe("atEdits", () => {
  it("names the edit's field that set an assignment's field, the edit for the whole row, and keeps what no edit touched", () => {
    const result = applyEdits(draft, [
      { op: "remove", staff: "A", date: "2026-03-02", template: "D8" },
      { op: "move", from: { staff: "C", date: "2026-03-03", template: "IV10" }, to: { template: "X" } },
      { op: "swap", date: "2026-03-02", staff: ["Z", "B"] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.assignments).toEqual([a("Z", "2026-03-02", "E8"), a("C", "2026-03-03", "X")]);
    const mapped = atEdits(
      [
        { path: "assignments[0].staff", message: "unknown staff id", value: "Z" },
        { path: "assignments[1].template", message: "unknown shift template id", value: "X" },
        { path: "assignments[1].date", message: "template X does not run on that weekday", value: "2026-03-03" },
        { path: "assignments[1]", message: "the same shift as assignments[0] (Z, X on 2026-03-03)" },
        { path: "site.timeZone", message: "unchanged" },
      ],
      result.value.origins,
    );
    expect(mapped).toEqual([
      { path: "edits[2].staff[0]", message: "unknown staff id", value: "Z" },
      { path: "edits[1].to.template", message: "unknown shift template id", value: "X" },
      { path: "edits[1].to", message: "template X does not run on that weekday", value: "2026-03-03" },
      { path: "edits[1].to", message: "the same shift as edits[2] (Z, X on 2026-03-03)" },
      { path: "site.timeZone", message: "unchanged" },
    ]);
    // A lock leaves the assignment where it was: a problem with it is the draft's, as stored.
    const locked = applyEdits(draft, [{ op: "lock", staff: "A", date: "2026-03-02", template: "D8" }]);
    const stored = { path: "assignments[0].staff", message: "unknown staff id", value: "A" };
    expect(locked.ok && atEdits([stored], locked.value.origins)).toEqual([stored]);
  });
});
