/**
 * Figures the FTE report's HTML once wrote its own way. A what-if count's solver status reads alike in
 * every format: in the words of `rxroster solve`'s status line ("feasible, gap 8.23 %", "feasible, no
 * bound"), where the HTML wrote "gap 8.2 %" and the CSV gave the status without saying a schedule had no
 * bound. A level's mean rate is to the cent, as the figures use it (QA 3 saw "$62" for $61.50), and a level
 * filled above its budget says so beside its negative vacant FTE.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildFteReport, renderFteReport, type FteReport } from "../../../src/reports/fte/report.js";
import type { WhatIfRow } from "../../../src/reports/fte/what-if.js";
import { smallWorld } from "../../fixtures/small-world.js";

let report: FteReport;
beforeAll(async () => {
  const input = smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }], fte: { benefitsLoad: 0.25 } });
  const built = await buildFteReport(input, { source: "small.yaml", hire: { level: "tech2", fte: 1, pattern: "any" }, maxHires: 1, timeLimitSeconds: 10 });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  report = built.value;
}, 60_000);

/** The report with its first what-if row's status and gap replaced (the rest of the row as solved). */
function withStatus(report: FteReport, status: string, gap: number | undefined): FteReport {
  const [first, ...rest] = report.whatIf.rows;
  const row = { ...first!, status: status as WhatIfRow["status"], gap, uncertaintyDollars: undefined };
  if (gap === undefined) delete row.gap;
  return { ...report, whatIf: { ...report.whatIf, rows: [row, ...rest] } };
}

const solverCell = (html: string): string => {
  // The what-if table's first row: its last cell is the Solver column.
  const table = html.slice(html.indexOf("Saving / year"));
  const row = table.slice(table.indexOf("<tr><td>0</td>"), table.indexOf("</tr>", table.indexOf("<tr><td>0</td>")));
  return row.slice(row.lastIndexOf("<td>") + 4, row.lastIndexOf("</td>"));
};

describe("a what-if count's solver status in the FTE report", () => {
  it("gives a gap to two decimals in the HTML, as rxroster solve does", () => {
    expect(solverCell(renderFteReport(withStatus(report, "feasible", 0.0823), "html").body)).toBe("feasible, gap 8.23 %");
  });

  it("gives the gap in per cent in the CSV too, where a fraction to 3 decimals read 0 for 0.01 % (qa6)", () => {
    const csv = renderFteReport(withStatus(report, "optimal", 0.0001), "csv").body.split("\r\n");
    expect(csv).toContain("what-if,,,,0,solver gap,0.01,%");
    expect(csv).toContain('what-if,,,,0,"solver status, in words","optimal, gap 0.01 %",');
  });

  it("says 'no bound' in the HTML and the CSV of a schedule with no bound", () => {
    const report_ = withStatus(report, "feasible", undefined);
    expect(solverCell(renderFteReport(report_, "html").body)).toBe("feasible, no bound");
    expect(renderFteReport(report_, "csv").body.split("\r\n")).toContain("what-if,,,,0,\"solver status, in words\",\"feasible, no bound\",");
  });
});

describe("a role family's line in the FTE report's HTML", () => {
  it("gives the need against the budget beside the gap to the filled FTE, as the CSV does", () => {
    const [family, ...families] = report.productivity.roleFamilies;
    const changed = { ...report, productivity: { ...report.productivity, roleFamilies: [{ ...family!, paidFte: 5.5, budgetedFte: 4, gapToBudgetFte: 1.5, filledFte: 3, gapFte: 2.5 }, ...families] } };
    const html = renderFteReport(changed, "html").body;
    expect(html).toContain("<th>Needed − budgeted FTE</th><th>Filled FTE</th><th>Gap FTE (needed − filled)</th>");
    expect(html).toContain("<td>5.50</td><td>4.00</td><td>1.50</td><td>3.00</td><td>2.50</td>");
  });
});

describe("a level's line in the FTE report's HTML", () => {
  /** The HTML with the first level given these figures. */
  const levelRow = (figures: { meanHourlyRate: number; budgetedFte: number; vacantFte: number }): string => {
    const [family, ...families] = report.productivity.roleFamilies;
    const [level, ...levels] = family!.levels;
    const changed = { ...report, productivity: { ...report.productivity, roleFamilies: [{ ...family!, levels: [{ ...level!, ...figures }, ...levels] }, ...families] } };
    const html = renderFteReport(changed, "html").body;
    const at = html.indexOf(`<tr><td>${level!.name}</td>`);
    return html.slice(at, html.indexOf("</tr>", at));
  };

  it("gives the mean rate to the cent, and says a level is filled above its budget", () => {
    const row = levelRow({ meanHourlyRate: 61.5, budgetedFte: 1, vacantFte: -4 });
    expect(row).toContain("<td>$61.50/h</td>");
    expect(row).toContain('<td>−4.00 <span class="noise">filled above budget</span></td>');
    expect(levelRow({ meanHourlyRate: 61.5, budgetedFte: 5, vacantFte: 1 })).toContain("<td>1.00</td>");
  });
});

describe("a what-if count's labor budget use in the FTE report's HTML", () => {
  /** The first row's Labor budget cell, its labor budget use set to `percent`. */
  const budgetCell = (percent: number): string => {
    const [first, ...rest] = report.whatIf.rows;
    const row = { ...first!, figures: { ...first!.figures!, budgetUse: { laborPercent: percent } } };
    const html = renderFteReport({ ...report, whatIf: { ...report.whatIf, rows: [row, ...rest] } }, "html").body;
    const table = html.slice(html.indexOf("Saving / year"));
    const cells = table.slice(table.indexOf("<tr><td>0</td>"), table.indexOf("</tr>", table.indexOf("<tr><td>0</td>"))).split("<td>");
    return cells[9]!.replace("</td>", "");
  };

  it("is to a tenth, and past 100 says it is over the cap, so 99.7 % and $10 over do not both read 100 % (qa6 F3)", () => {
    expect(budgetCell(99.7)).toBe("99.7 %");
    expect(budgetCell(100.004)).toBe('100.0 % <span class="noise">over the cap</span>');
    expect(budgetCell(100)).toBe("100.0 %");
  });
});
