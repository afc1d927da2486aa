/**
 * `rxroster candidates`: the ranked table, --json, and bad flags named one per line with exit 2 (the test
 * world, 2026-03-02 to 2026-03-15).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capture } from "../fixtures/cli.js";
import { BASE } from "../fixtures/world.js";

let dir: string;
let input: string;
let schedule: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-candidates-"));
  input = join(dir, "input.json");
  schedule = join(dir, "schedule.json");
  // IV weekdays only, so a Saturday is a day it does not run.
  writeFileSync(input, JSON.stringify({ ...BASE, shiftTemplates: BASE.shiftTemplates.map((t) => (t.id === "IV10" ? { ...t, weekdays: [1, 2, 3, 4, 5] } : t)) }));
  // Ann works the Tuesday evening: the Tuesday day shift is hers no more.
  writeFileSync(schedule, JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-03", template: "E8" }] }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
const candidates = (...flags: string[]) => capture(["candidates", input, schedule, ...flags]);

describe("rxroster candidates", () => {
  it("prints the candidates best first and who may not take the shift, with the rule", async () => {
    const { code, out, err } = await candidates("--date", "2026-03-03", "--shift", "D8");
    expect(err).toBe("");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("Open shift: Day (D8), central, 2026-03-03, 8 paid h");
    // Ben is the only pharmacist free; Ann works that day, the technicians lack the skill. His 8 h at $58,
    // an isolated working day (+100), 8 h nearer his 72 h a pay period (-8 × 50).
    expect(lines.find((l) => l.startsWith("1  "))).toMatch(/^1 +Ben +Pharmacist +\+164\.00 +\+464\.00 +0\.0 +0\.0 +days\.min-consecutive \+100\.00, hours\.pay-period-band -400\.00$/);
    expect(out).toMatch(/Ann +Pharmacist +shift\.one-per-day +Ann has 2 shifts on 2026-03-03 \(E8, D8\) \(also breaks shift\.no-overlap\)$/m);
    expect(out).toMatch(/Cat +Technician II +shift\.eligibility +Cat may not work Day \(D8\)/);
  });

  it("prints the ranking as JSON with --json", async () => {
    const { code, out } = await candidates("--date", "2026-03-03", "--shift", "D8", "--json");
    expect(code).toBe(0);
    const ranking = JSON.parse(out);
    expect(ranking.candidates.map((c: { staff: string }) => c.staff)).toEqual(["B"]);
    expect(ranking.excluded.map((e: { staff: string; rule: string }) => `${e.staff} ${e.rule}`)).toEqual(["A shift.one-per-day", "C shift.eligibility", "D shift.eligibility"]);
  });

  it("names each missing flag on a line of its own, exit 2, before reading any file", async () => {
    const { code, out, err } = await capture(["candidates", "no-such-input.yaml", "no-such-schedule.json"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")).toEqual(["rxroster: --date: required: the date the open shift starts on, YYYY-MM-DD", "rxroster: --shift: required: the open shift's template id"]);
  });

  it("names a bad date, an unknown template and a day the template does not run, exit 2", async () => {
    expect(await candidates("--date", "2026-03-32", "--shift", "XX")).toMatchObject({
      code: 2,
      err: 'rxroster: --date: must be a date YYYY-MM-DD (got "2026-03-32")\nrxroster: --shift: unknown shift template id (known: D8, E8, N8, IV10, T12, TN12) (got "XX")',
    });
    expect(await candidates("--date", "2026-04-01", "--shift", "D8")).toMatchObject({ code: 2, err: 'rxroster: --date: must be within the horizon 2026-03-02…2026-03-15 (got "2026-04-01")' });
    expect(await candidates("--date", "2026-03-07", "--shift", "IV10")).toMatchObject({
      code: 2,
      err: 'rxroster: --date: is a Saturday, when IV10 does not run (it runs on Monday, Tuesday, Wednesday, Thursday, Friday) (got "2026-03-07")',
    });
  });

  it("refuses an option it does not take and a missing file argument, exit 2", async () => {
    expect((await candidates("--date", "2026-03-03", "--shift", "D8", "--out", "x")).err).toMatch(/^rxroster: candidates takes no --out \(its options: --date, --shift, --history-from, --json\)/);
    const missing = await capture(["candidates", input, "--date", "2026-03-03", "--shift", "D8"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^rxroster: candidates takes 2 file argument\(s\), got 1/);
  });
});
