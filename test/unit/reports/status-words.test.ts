/**
 * A what-if count's solver status reads alike in every format of the FTE report: in the words of
 * `rxroster solve`'s status line ("feasible, gap 8.23 %", "feasible, no bound"), where the HTML once wrote
 * its own ("gap 8.2 %") and the CSV gave the status without saying a schedule had no bound.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildFteReport, renderFteReport, type FteReport } from "../../../src/reports/fte/report.js";
import type { WhatIfRow } from "../../../src/reports/fte/what-if.js";
import { smallWorld } from "../../fixtures/small-world.js";

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
  let report: FteReport;
  beforeAll(async () => {
    const input = smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }], fte: { benefitsLoad: 0.25 } });
    const built = await buildFteReport(input, { source: "small.yaml", hire: { level: "tech2", fte: 1, pattern: "any" }, maxHires: 1, timeLimitSeconds: 10 });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    report = built.value;
  }, 60_000);

  it("gives a gap to two decimals in the HTML, as rxroster solve does", () => {
    expect(solverCell(renderFteReport(withStatus(report, "feasible", 0.0823), "html").body)).toBe("feasible, gap 8.23 %");
  });

  it("says 'no bound' in the HTML and the CSV of a schedule with no bound", () => {
    const report_ = withStatus(report, "feasible", undefined);
    expect(solverCell(renderFteReport(report_, "html").body)).toBe("feasible, no bound");
    expect(renderFteReport(report_, "csv").body.split("\r\n")).toContain("what-if,,,,0,\"solver status, in words\",\"feasible, no bound\",");
  });
});
