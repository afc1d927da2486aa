/**
 * Ranking candidates for an open shift agrees with the whole checker on small random departments: a
 * candidate's shift adds no hard violation and changes the total by what `explain` says; an excluded
 * person's shift adds a hard violation of the rule named. (The ranking runs the hard rules alone first.)
 * Fixed numRuns; fast-check prints the seed of any failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Explanation } from "../../models/index.js";
import { explain, prepare } from "../../src/pipeline.js";
import { rankCandidates } from "../../src/repair/candidates.js";
import { scheduleArb, worldArb } from "../fixtures/random-world.js";

const RUNS = 25;

/** Hard violations as "rule|subjects" keys, with how often each occurs. */
function hardKeys(e: Explanation): Map<string, number> {
  const keys = new Map<string, number>();
  for (const v of e.violations.filter((x) => x.hard)) {
    const key = `${v.rule}|${JSON.stringify(v.subjects)}|${v.amount}`;
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return keys;
}

describe("open-shift candidates against the checker", () => {
  it("candidates add no hard violation and change the total as explain says; the excluded break the rule named", () => {
    const arb = worldArb.chain((input) => fc.tuple(fc.constant(input), scheduleArb(input), fc.nat()));
    let ranked = 0;
    fc.assert(
      fc.property(arb, ([input, assignments, pick]) => {
        const prepared = prepare(input);
        const open = prepared.grid.shifts[pick % prepared.grid.shifts.length];
        fc.pre(open !== undefined);
        const r = rankCandidates(prepared, { assignments }, { date: open!.date, template: open!.template });
        const before = explain(prepared, { assignments });
        const beforeKeys = hardKeys(before);
        expect(r.candidates.length + r.excluded.length + r.alreadyOn.length).toBe(input.staff.length);
        for (const c of r.candidates) {
          const after = explain(prepared, { assignments: [...assignments, { staff: c.staff, date: open!.date, template: open!.template, locked: false }] });
          expect(c.totalChange).toBeCloseTo(after.total - before.total, 4);
          // No hard violation the schedule did not have (one mended or lessened is fine).
          const fresh = after.violations.filter((v) => v.hard && v.subjects.staff === c.staff && !beforeKeys.has(`${v.rule}|${JSON.stringify(v.subjects)}|${v.amount}`));
          for (const v of fresh) expect(before.violations.some((w) => w.hard && w.rule === v.rule && JSON.stringify(w.subjects) === JSON.stringify(v.subjects) && w.amount >= v.amount)).toBe(true);
        }
        for (const e of r.excluded) {
          const after = explain(prepared, { assignments: [...assignments, { staff: e.staff, date: open!.date, template: open!.template, locked: false }] });
          expect(hardKeys(after).size > 0 && after.violations.some((v) => v.hard && v.rule === e.rule && v.message === e.message)).toBe(true);
        }
        ranked++;
      }),
      { numRuns: RUNS },
    );
    expect(ranked).toBeGreaterThan(RUNS / 2);
  });
});
