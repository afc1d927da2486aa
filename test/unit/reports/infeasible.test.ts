/**
 * An FTE report on a department no schedule can keep every hard rule of: told as that, with the conflicts
 * the optimizer named in the words `rxroster solve` prints, in every format, never as a solve that ran out
 * of time with advice to run longer; and a count of hires that cannot be scheduled, while today's staff
 * can, told the same way. QA found the first (finding 3): "found no schedule within its 5 s limit. Run
 * again with a longer time limit." for a department proven infeasible in 0.7 s, exit 0.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conflict, PlanningInput } from "../../../models/index.js";
import { conflictLine } from "../../../solver/conflicts/describe.js";
import { recommend } from "../../../src/reports/fte/recommendation.js";
import { buildFteReport, renderFteReport, type FteReport } from "../../../src/reports/fte/report.js";
import type { WhatIfFigures, WhatIfRow } from "../../../src/reports/fte/what-if.js";
import { capture } from "../../fixtures/cli.js";
import { addTemplates, patchStaff } from "../../fixtures/patch.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { withRule } from "../../fixtures/world.js";

/** Two days, two IV technicians needed 07:00–17:00; Ben is on leave both, but his contract asks 2,400 paid minutes of him. */
function bensLeave(): PlanningInput {
  const input = smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }], fte: { benefitsLoad: 0.25 } });
  return patchStaff(input, "B", { leave: [{ start: "2026-03-01", end: "2026-03-31", reason: "leave" }], contract: { minMinutesPerHorizon: 2400 } });
}

const BEN = "Ben: approved leave (leave) 2026-03-02 to 2026-03-03 and contract minimum of 2,400 paid minutes over the horizon cannot both hold [leave.approved, hours.horizon-band]";
const CONFLICTS = "The hard rules cannot all hold. Conflicts (the rules of each set cannot all hold, though any one fewer could):";
const CHANGE = "Change one side of each conflict and run again: a longer time limit cannot help, as no schedule keeps them all.";
/** What QA's report said instead, in its parts. */
const TIMED_OUT = ["Run again with a longer time limit", "within its 10 s limit", "within its time limit"];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-fte-infeasible-"));
  writeFileSync(join(dir, "bens-leave.json"), JSON.stringify(bensLeave()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a report on a department no schedule can keep every hard rule of", () => {
  let report: FteReport;
  beforeAll(async () => {
    const built = await buildFteReport(bensLeave(), { source: "bens-leave.yaml", hire: { level: "tech2", fte: 1, pattern: "any" }, maxHires: 1, timeLimitSeconds: 10 });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    report = built.value;
  }, 60_000);

  it("names the conflict the optimizer found, and says no longer limit will help", () => {
    const [today, one] = report.whatIf.rows;
    expect(today).toMatchObject({ status: "infeasible", conflictsComplete: true });
    expect(today!.figures).toBeUndefined();
    expect(today!.conflicts).toEqual([expect.objectContaining({ rules: ["leave.approved", "hours.horizon-band"], subjects: { staff: "B" }, proven: true })]);
    expect(one).toMatchObject({ status: "infeasible" });
    expect(report.whatIf.recommendedHires).toBeUndefined();
    const told = `no schedule with today's staff keeps every hard rule, so no hire can be weighed against one. ${CONFLICTS} ${BEN}. ${CHANGE}`;
    expect(report.whatIf.noRecommendation).toBe(told);
    // Once: the hire's row has today's conflicts too, and is not told again.
    expect(report.findings.slice(report.productivity.roleFamilies.length)).toEqual([`No recommendation: ${told}`]);
  });

  it("says so alike in the JSON, the CSV and the HTML, and nowhere that the solve ran out of time", () => {
    const json = renderFteReport(report, "json").body;
    const csv = renderFteReport(report, "csv").body;
    const html = renderFteReport(report, "html").body;
    expect(JSON.parse(json).whatIf.rows[0].conflicts[0].message).toBe(BEN.slice(0, BEN.indexOf(" [")));
    expect(csv.split("\r\n")).toContain(`what-if,,,,0,hard rules in conflict,"${BEN}",`); // quoted: it holds commas
    expect(html).toContain(`<strong>No recommendation:</strong> no schedule with today`);
    expect(html).toContain(BEN);
    expect(html).toContain("<strong>No schedule with today's staff keeps every hard rule, so only demand is drawn.</strong>");
    // The what-if table's Solver column: a proof has no bound to miss.
    expect(html).toContain("<td>infeasible</td>");
    expect(html).not.toContain("infeasible, no bound");
    for (const body of [json, csv, html]) for (const words of TIMED_OUT) expect(body).not.toContain(words);
  });
});

describe("rxroster report fte on a department no schedule can keep every hard rule of", () => {
  it("prints the conflicts as rxroster solve prints them and exits 3, as solve does, writing the report that says so", async () => {
    const input = join(dir, "bens-leave.json");
    mkdirSync(join(dir, "solve-out"));
    const solved = await capture(["solve", input, "--time-limit", "10", "--out", join(dir, "solve-out")]);
    expect(solved.code).toBe(3);
    const solveLines = solved.out.split("\n");
    const solveConflicts = solveLines.slice(solveLines.indexOf(CONFLICTS));
    expect(solveConflicts).toEqual([CONFLICTS, `  - ${BEN}`]);

    const out = join(dir, "fte.json");
    const { code, err } = await capture(["report", "fte", input, "--hire", "tech2:1", "--max-hires", "1", "--time-limit", "10", "--format", "json", "--out", out]);
    expect(code).toBe(3);
    const lines = err.split("\n");
    const at = lines.indexOf("  0 hire(s): no schedule keeps every hard rule");
    expect(at).toBeGreaterThan(0);
    // solve's lines, indented under the count; today's alone (the hire's count has the same conflict).
    expect(lines.slice(at + 1, at + 1 + solveConflicts.length)).toEqual(solveConflicts.map((l) => `    ${l}`));
    expect(lines.filter((l) => l.includes("no schedule keeps every hard rule"))).toHaveLength(1);
    expect(lines.at(-1)).toBe(`wrote ${out}: no schedule with today's staff keeps every hard rule`);
    for (const words of TIMED_OUT) expect(err).not.toContain(words);
  }, 90_000);
});

describe("a count of hires no schedule can keep every hard rule of, today's staff scheduled", () => {
  it("is told with its conflicts, and the recommendation that rests on it is none, with no advice to run longer", async () => {
    // The pay-period band made hard: every regular person works near 80 h × FTE, prorated (2 days: at
    // least 80 × 2/14 − 8 = 3.4 h for 1.0 FTE). The hire may work only TW12, which runs on weekends, and
    // the two days are a Monday and a Tuesday: the hire cannot reach the band.
    const input = addTemplates(withRule(smallWorld(2, { fte: { benefitsLoad: 0.25 } }), "hours.pay-period-band", { enabled: true, hard: true }), {
      id: "TW12", name: "Tech weekend", area: "central", start: "07:00", lengthMinutes: 720, unpaidBreakMinutes: 30, roleFamily: "technician", weekdays: [6, 7],
    });
    const built = await buildFteReport(input, { source: "weekend-hire.yaml", hire: { level: "tech1", fte: 1, pattern: "TW12" }, maxHires: 1, timeLimitSeconds: 10 });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const report = built.value;
    const [today, one] = report.whatIf.rows;
    expect(today!.figures).toBeDefined();
    expect(one).toMatchObject({ status: "infeasible", conflictsComplete: true });
    const conflict = one!.conflicts![0]!;
    expect(conflict).toMatchObject({ subjects: { staff: "whatif-hire-1" } });
    expect(conflict.rules).toContain("hours.pay-period-band");
    expect(conflict.message).toMatch(/^Hypothetical hire 1: /);
    expect(report.whatIf.noRecommendation).toBe(`no schedule with 1 hire(s) keeps every hard rule (the report names the conflicts for 1 hire(s)), so hire 1 cannot be weighed against its cost. ${CHANGE}`);
    expect(report.findings).toContain(`No schedule with 1 hire(s) keeps every hard rule. ${CONFLICTS} ${conflictLine(conflict)}.`);
    expect(renderFteReport(report, "csv").body.split("\r\n")).toContain(`what-if,,,,1,hard rules in conflict,"${conflictLine(conflict).replace(/"/g, '""')}",`);
    expect(renderFteReport(report, "html").body).toContain(conflict.message);
    for (const words of TIMED_OUT) expect(JSON.stringify(report)).not.toContain(words);
  }, 60_000);
});

describe("the recommendation beside an infeasible count", () => {
  const figures: WhatIfFigures = { uncoveredByArea: {}, uncoveredStaffHours: 0, uncoveredDollars: 0, overtimeHours: 0, overtimeDollars: 0, agencyHours: 0, agencyDollars: 0, laborDollars: 0, hireDollars: 0, hireHours: 0, idleHires: 0, avoidableDollars: 0, budgetUse: {} };
  const conflict: Conflict = { rules: ["leave.approved", "hours.horizon-band"], locked: false, history: false, subjects: { staff: "B" }, sides: [], message: "Ben: approved leave and contract minimum cannot both hold", proven: true };
  const infeasible = (hires: number, extra: Partial<WhatIfRow> = {}): WhatIfRow => ({ hires, status: "infeasible", seconds: 0.7, conflicts: [conflict], conflictsComplete: true, ...extra });
  const scheduled = (hires: number, extra: Partial<WhatIfRow> = {}): WhatIfRow => ({ hires, status: "optimal", gap: 0, uncertaintyDollars: 0, seconds: 2, figures, ...extra });
  const options = { positionCostPerYear: 65_000, timeLimitSeconds: 5 };

  it("stands when the count it rests on is scheduled, an infeasible one beyond it", () => {
    // Hire 1 saves less than it costs: 0 hires, whatever hire 2 would do.
    const rows = [scheduled(0), scheduled(1, { marginalSaving: 100, marginalSavingPerYear: 20_000, marginalSavingUncertaintyPerYear: 0 }), infeasible(2)];
    expect(recommend(rows, options)).toEqual({ recommendedHires: 0, capped: false });
  });

  it("names today's conflicts when no hire was tried, and which count could be scheduled when one could", () => {
    expect(recommend([infeasible(0)], options)).toEqual({ noRecommendation: `no schedule with today's staff keeps every hard rule. ${CONFLICTS} ${conflictLine(conflict)}. ${CHANGE}` });
    const some = recommend([infeasible(0), infeasible(1), scheduled(2)], options);
    expect("noRecommendation" in some && some.noRecommendation).toMatch(/ With 2 hire\(s\) a schedule keeps every hard rule\.$/);
  });

  it("still tells a solve of today's staff that ended with neither a schedule nor a proof to run longer", () => {
    const timedOut: WhatIfRow = { hires: 0, status: "timedout", seconds: 5 };
    expect(recommend([timedOut, { ...timedOut, hires: 1 }], options)).toEqual({ noRecommendation: "the solve with today's staff found no schedule within its 5 s limit. Run again with a longer time limit." });
  });

  it("says when the conflict search named nothing, or may have missed some, without advice to run longer for a schedule", () => {
    const unnamed = recommend([infeasible(0, { conflicts: [], conflictsComplete: false }), infeasible(1)], options);
    expect(unnamed).toEqual({
      noRecommendation: `no schedule with today's staff keeps every hard rule, so no hire can be weighed against one. The hard rules cannot all hold; no conflict could be named within the time limit (rxroster solve of the same input names them, given the time). ${CHANGE}`,
    });
    const partial = recommend([infeasible(0, { conflictsComplete: false }), infeasible(1)], options);
    expect("noRecommendation" in partial && partial.noRecommendation).toContain(`${conflictLine(conflict)}. The time limit ended the search before every person was checked or every set proven: there may be more. ${CHANGE}`);
  });
});
