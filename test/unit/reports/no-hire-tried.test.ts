/**
 * `report fte --max-hires 0` solves today's staff alone: no hire was tried, and the report says so rather
 * than blaming the solve ("the solve(s) for 0 hire(s) … cannot be compared") or recommending "at least 0".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_HIRE_TRIED, recommend } from "../../../src/reports/fte/recommendation.js";
import type { WhatIfFigures, WhatIfRow } from "../../../src/reports/fte/what-if.js";
import { capture } from "../../fixtures/cli.js";
import { BASE } from "../../fixtures/world.js";

const figures: WhatIfFigures = { uncoveredByArea: {}, uncoveredStaffHours: 0, uncoveredDollars: 0, overtimeHours: 0, overtimeDollars: 0, agencyHours: 0, agencyDollars: 0, laborDollars: 0, hireDollars: 0, hireHours: 0, idleHires: 0, avoidableDollars: 0, budgetUse: {} };
const options = { positionCostPerYear: 65_000, timeLimitSeconds: 2 };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-no-hire-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a what-if of no hire", () => {
  it("recommends nothing because no hire was tried, whether or not today's solve found a bound", () => {
    const unbounded: WhatIfRow = { hires: 0, status: "feasible", seconds: 2, figures };
    const optimal: WhatIfRow = { hires: 0, status: "optimal", gap: 0, uncertaintyDollars: 0, seconds: 2, figures };
    expect(recommend([unbounded], options)).toEqual({ noRecommendation: NO_HIRE_TRIED });
    expect(recommend([optimal], options)).toEqual({ noRecommendation: NO_HIRE_TRIED });
  });

  it("is said so by the CLI's closing line and in the report it writes", async () => {
    const out = join(dir, "fte.json");
    const { code, err } = await capture(["report", "fte", join(dir, "input.json"), "--max-hires", "0", "--time-limit", "1", "--format", "json", "--out", out]);
    expect(code).toBe(0);
    expect(err.split("\n").at(-1)).toBe(`wrote ${out}: no hire tried (--max-hires 0)`);
    const whatIf = JSON.parse(readFileSync(out, "utf8")).whatIf;
    expect(whatIf).toMatchObject({ noRecommendation: NO_HIRE_TRIED, capped: false });
    expect(whatIf.recommendedHires).toBeUndefined();
  });
});
