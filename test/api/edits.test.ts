/** Manual edits of a draft: move, swap, lock, unlock and remove, and the problem an edit of nothing gives. */
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../api/edits.js";
import { a } from "../fixtures/world.js";

const draft = [a("A", "2026-03-02", "D8"), a("B", "2026-03-02", "E8"), a("C", "2026-03-03", "IV10")];

describe("applyEdits", () => {
  it("moves an assignment to another date and template, keeping the rest", () => {
    const result = applyEdits(draft, [{ op: "move", from: { staff: "A", date: "2026-03-02", template: "D8" }, to: { date: "2026-03-04", template: "N8" } }]);
    expect(result).toEqual({ ok: true, value: [a("A", "2026-03-04", "N8"), draft[1], draft[2]] });
  });

  it("swaps what two people work on a date", () => {
    const result = applyEdits(draft, [{ op: "swap", date: "2026-03-02", staff: ["A", "B"] }]);
    expect(result).toEqual({ ok: true, value: [a("B", "2026-03-02", "D8"), a("A", "2026-03-02", "E8"), draft[2]] });
  });

  it("locks and unlocks an assignment, in order", () => {
    const slot = { staff: "C", date: "2026-03-03", template: "IV10" };
    const locked = applyEdits(draft, [{ op: "lock", ...slot }]);
    expect(locked.ok && locked.value[2]!.locked).toBe(true);
    const both = applyEdits(draft, [{ op: "lock", ...slot }, { op: "unlock", ...slot }]);
    expect(both.ok && both.value[2]!.locked).toBe(false);
  });

  it("removes an assignment, and names one that is not there", () => {
    expect(applyEdits(draft, [{ op: "remove", staff: "B", date: "2026-03-02", template: "E8" }])).toEqual({ ok: true, value: [draft[0], draft[2]] });
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
