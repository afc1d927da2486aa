/**
 * The demo department's FTE report in Debian's headless Chromium (playwright-core; no browser is ever
 * downloaded): the charts render with non-zero size and data marks, and in print media on US letter no
 * element reaches past the printable width, and page.pdf makes pages. The demo's what-ifs are kept
 * affordable: 0 and 1 hires, one after the other, 2 s each; each has a schedule (a month's first, nobody
 * working, comes in under a second and is kept whatever the limit, and 1 hire starts from 0's), so the
 * curve has a point per series for both. What is drawn is tested, not how good the schedules are: a longer
 * limit only made the same kind of report (no solve of the demo's month proves optimal in 15 s either).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, printOverflow } from "./print.js";
import { readDataFile } from "../../src/io.js";
import { buildFteReport, renderFteReport } from "../../src/reports/fte/report.js";
import { parseInput } from "../../src/pipeline.js";

const DEMO = "data/demo/department.yaml";
/** Letter is 8.5 in wide; @page margins are 0.5 in each side: 7.5 in = 720 CSS px. */
const PRINTABLE_WIDTH_PX = 720;

describe("FTE report in Chromium", () => {
  let dir: string;
  let browser: BrowserContext;
  let url: string;
  let solvedRows = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rxroster-fte-"));
    // Chromium starts while the report is built (its what-ifs solve in worker threads), not after; it is
    // closed in afterAll whatever becomes of the build.
    const launching = launchChromium(join(dir, "profile"));
    launching.then((launched) => (browser = launched), () => {});
    const data = readDataFile(DEMO);
    if (!data.ok) throw new Error(JSON.stringify(data.problems));
    const input = parseInput(data.value);
    if (!input.ok) throw new Error(JSON.stringify(input.problems));
    const report = await buildFteReport(input.value, { source: DEMO, maxHires: 1, timeLimitSeconds: 2 });
    if (!report.ok) throw new Error(JSON.stringify(report.problems));
    solvedRows = report.value.whatIf.rows.filter((r) => r.figures).length;
    expect(solvedRows).toBe(2);
    const file = join(dir, "fte.html");
    writeFileSync(file, renderFteReport(report.value, "html").body);
    url = pathToFileURL(file).href;
    browser = await launching;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("draws every chart with a size and data marks", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(url);
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const paths = [...svg.querySelectorAll("path.series")].map((p) => (p as SVGPathElement).getTotalLength());
        return { label: svg.getAttribute("aria-label"), width: box.width, height: box.height, lines: paths.filter((l) => l > 0).length, points: svg.querySelectorAll("circle.point").length };
      }),
    );
    // The what-if curve (cost, uncovered hours) and one demand chart per area with demand.
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const c of charts) {
      expect(c.width, c.label!).toBeGreaterThan(100);
      expect(c.height, c.label!).toBeGreaterThan(50);
    }
    const curve = charts.filter((c) => c.label!.includes("against hires"));
    const demand = charts.filter((c) => !c.label!.includes("against hires"));
    expect(curve.length).toBe(2);
    expect(demand.length).toBeGreaterThanOrEqual(5);
    for (const c of demand) expect(c.lines, c.label!).toBeGreaterThanOrEqual(1);
    // Labor and avoidable cost: two series; uncovered hours: one.
    expect(curve.map((c) => c.points)).toEqual([2 * solvedRows, solvedRows]);
    for (const c of curve) expect(c.lines, c.label!).toBeGreaterThan(0);
    await page.close();
  });

  it("prints on letter with nothing past the printable width", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 960 });
    await page.goto(url);
    const overflow = await printOverflow(page, PRINTABLE_WIDTH_PX);
    expect(overflow.out).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX);
    const pdf = await page.pdf({ format: "Letter", preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
