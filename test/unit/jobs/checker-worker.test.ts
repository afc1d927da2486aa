/**
 * The checker's workers keep the inputs they prepared (`preparedFor`): safe only because no operation of
 * theirs changes a prepared input, which the second test checks on the demo month.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoDepartment } from "../../../bench/departments.js";
import type { Assignment } from "../../../models/index.js";
import { preparedFor, runCheckerTask } from "../../../src/jobs/checker-worker.js";

const HANDMADE = JSON.parse(readFileSync("data/demo/schedule-handmade.json", "utf8")) as { assignments: Assignment[] };

describe("the checker's prepared inputs", () => {
  it("are prepared once per content: a copy of the same input gets the same, a changed one its own, and two are kept", () => {
    const input = demoDepartment();
    const first = preparedFor(input);
    expect(preparedFor(structuredClone(input))).toBe(first);
    const renamed = { ...input, site: { ...input.site, name: "Another name" } };
    const second = preparedFor(renamed);
    expect(second).not.toBe(first);
    expect(second.input.site.name).toBe("Another name");
    // Used most recently: the first again, then a third input pushes out the least recent (the renamed one).
    expect(preparedFor(input)).toBe(first);
    preparedFor({ ...input, site: { ...input.site, name: "A third" } });
    expect(preparedFor(input)).toBe(first);
    expect(preparedFor(renamed)).not.toBe(second);
  });

  it("are left as they were by every operation of the checker's", () => {
    const input = demoDepartment();
    const prepared = preparedFor(input);
    const before = structuredClone(prepared);
    const [open] = HANDMADE.assignments;
    expect(runCheckerTask({ op: "explain", input, schedule: HANDMADE }).ok).toBe(true);
    expect(runCheckerTask({ op: "draft", input, schedule: HANDMADE }).ok).toBe(true);
    expect(runCheckerTask({ op: "edit", input, before: HANDMADE.assignments, after: HANDMADE.assignments.slice(1) }).ok).toBe(true);
    expect(runCheckerTask({ op: "page", input, assignments: HANDMADE.assignments, caption: "March" }).ok).toBe(true);
    expect(runCheckerTask({ op: "candidates", input, assignments: HANDMADE.assignments, date: open!.date, shift: open!.template }).ok).toBe(true);
    expect(preparedFor(input)).toBe(prepared);
    expect(prepared).toEqual(before);
  });
});
