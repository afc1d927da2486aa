/**
 * The demo's hand-made schedule as the schedule page in Debian's headless Chromium (playwright-core; no
 * browser is ever downloaded; no solve): the month grid has a row per staff member and a column per day,
 * the coverage charts render with a size, and in print media on US letter landscape no element reaches
 * past the printable width, and page.pdf makes pages.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, printOverflow } from "./print.js";
import { readDataFile } from "../../src/io.js";
import { scheduleToHtml } from "../../src/export/schedule-html.js";
import { explain, parseInput, parseScheduleFor, prepare } from "../../src/pipeline.js";

const DEMO = "data/demo/department.yaml";
const HANDMADE = "data/demo/schedule-handmade.json";
/** Letter landscape is 11 in wide; @page margins are 0.5 in each side: 10 in = 960 CSS px. */
const PRINTABLE_WIDTH_PX = 960;

describe("the schedule page in Chromium", () => {
  let dir: string;
  let browser: BrowserContext;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rxroster-page-"));
    // Chromium starts while the page is made (the demo month prepared and checked), not after; it is
    // closed in afterAll whatever becomes of the page.
    const launching = launchChromium(join(dir, "profile"));
    launching.then((launched) => (browser = launched), () => {});
    const data = readDataFile(DEMO);
    const input = data.ok ? parseInput(data.value) : data;
    if (!input.ok) throw new Error(JSON.stringify(input.problems));
    const raw = readDataFile(HANDMADE);
    const schedule = raw.ok ? parseScheduleFor(input.value, raw.value) : raw;
    if (!schedule.ok) throw new Error(JSON.stringify(schedule.problems));
    const prepared = prepare(input.value);
    const file = join(dir, "schedule.html");
    writeFileSync(file, scheduleToHtml(prepared, schedule.value, explain(prepared, schedule.value)));
    url = pathToFileURL(file).href;
    browser = await launching;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("lays out 56 staff rows of 30 days, flags the hard violations and draws each coverage chart with a size", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(url);
    const grid = await page.$eval("table.grid", (table) => ({
      rows: table.querySelectorAll("tbody tr.staff").length,
      days: table.querySelectorAll("thead th.day").length,
      cellsPerRow: [...table.querySelectorAll("tbody tr.staff")].map((tr) => tr.querySelectorAll("td.cell").length),
      flagged: table.querySelectorAll("td.violation").length,
      width: table.getBoundingClientRect().width,
    }));
    expect(grid.rows).toBe(56);
    expect(grid.days).toBe(30);
    expect(new Set(grid.cellsPerRow)).toEqual(new Set([30]));
    // The five hard mistakes that name a person and a date (demo README): eligibility, leave, two rests, a run of days.
    expect(grid.flagged).toBe(5);
    expect(grid.width).toBeGreaterThan(900);
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { label: svg.getAttribute("aria-label"), width: box.width, height: box.height, lines: [...svg.querySelectorAll("path.series")].filter((p) => (p as SVGPathElement).getTotalLength() > 0).length };
      }),
    );
    // One per area and role family with demand: 8 in the demo.
    expect(charts).toHaveLength(8);
    for (const c of charts) {
      expect(c.width, c.label!).toBeGreaterThan(100);
      expect(c.height, c.label!).toBeGreaterThan(50);
      expect(c.lines, c.label!).toBe(2);
    }
    await page.close();
  });

  it("prints on letter landscape with nothing past the printable width", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 720 });
    await page.goto(url);
    const overflow = await printOverflow(page, PRINTABLE_WIDTH_PX);
    expect(overflow.out).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    // Landscape letter: 792 × 612 points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 792 612\s*\]/);
    await page.close();
  });
});
