/**
 * A site with no staff (`staff: []`): a role family's gap has no rate to be priced at, so the report gives
 * it in FTE and says its cost is unknown, in the JSON, the CSV, the HTML and the findings, never $0; a
 * rate the input does give (`fte.defaultHire.hourlyRate`, for a level of the family) prices it.
 */
import { describe, expect, it } from "vitest";
import { buildFteReport, renderFteReport } from "../../../src/reports/fte/report.js";
import { UNKNOWN_COST } from "../../../src/reports/fte/words.js";
import { smallWorld } from "../../fixtures/small-world.js";

/** Two days, nobody on staff; 30 orders at 10:00 each day (2 min each), one pharmacist and two IV technicians asked for 07:00–17:00. */
const nobody = smallWorld(2, {
  staff: [],
  workloadTypes: [{ id: "orders", name: "Orders" }],
  productivityStandards: [{ workloadType: "orders", roleFamily: "pharmacist", area: "central", minutesPerUnit: 2 }],
  forecasts: [{ kind: "hourly", workloadType: "orders", start: "2026-03-02", unitsPerHour: Array.from({ length: 48 }, (_, h) => (h % 24 === 10 ? 30 : 0)) }],
  floors: [
    { area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "17:00" },
    { area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" },
  ],
  fte: { benefitsLoad: 0.25, defaultHire: { level: "tech2", fte: 1, pattern: "IV10", hourlyRate: 30 } },
});

describe("a site with no staff", () => {
  it("gives a gap with no rate in FTE and its cost as unknown in every format, and prices one the input gives a rate for", async () => {
    const built = await buildFteReport(nobody, { source: "nobody.yaml", maxHires: 0, timeLimitSeconds: 5 });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const report = built.value;
    const [rph, tech] = report.productivity.roleFamilies;
    // 1 h of orders a day × 2 days ÷ (80 h × 2/14 pay periods) ÷ 0.8 = 0.21875 paid FTE, none filled.
    expect(rph!.gapFte).toBeCloseTo(0.21875, 9);
    const json = JSON.parse(renderFteReport(report, "json").body).productivity.roleFamilies[0];
    expect(json).toMatchObject({ roleFamily: "pharmacist", rateBasis: "none" });
    expect(json).not.toHaveProperty("gapDollarsPerYear");
    expect(json).not.toHaveProperty("hourlyRate");
    expect(json.coverage).not.toHaveProperty("gapDollarsPerYear");
    const csv = renderFteReport(report, "csv").body.split("\r\n");
    expect(csv).toContain(`productivity,pharmacist,,,,"gap dollars, per year",${UNKNOWN_COST},$`);
    expect(csv).toContain(`coverage,pharmacist,,,,"gap dollars, per year",${UNKNOWN_COST},$`);
    const html = renderFteReport(report, "html").body;
    expect(html).toContain(`<td><span class="noise">${UNKNOWN_COST}</span></td>`);
    // The pharmacists' rows of the two productivity tables: no dollar figure in either.
    const rphRows = html.match(/<tr><td>pharmacist<\/td>.*?<\/tr>/g)!;
    expect(rphRows).toHaveLength(2);
    for (const row of rphRows) expect(row).not.toContain("$");
    expect(report.findings[0]).toContain(`a gap of 0.2 FTE (its cost ${UNKNOWN_COST}; fte.defaultHire.hourlyRate for one of its levels would price it)`);
    // The technicians' gap is priced at the default hire's $30/h: 40 floor staff-hours ÷ (80 h × 2/14) ÷ 0.8
    // = 4.375 paid FTE × 2,080 h × $30 × 1.25.
    expect(tech).toMatchObject({ rateBasis: "default hire", hourlyRate: 30 });
    expect(tech!.coverage.gapDollarsPerYear).toBeCloseTo(4.375 * 2080 * 30 * 1.25, 6);
    expect(report.findings[1]).toContain("at the default hire's rate (fte.defaultHire.hourlyRate), as the role family has no staff");
  }, 60_000);
});
