/**
 * The FTE report as one self-contained HTML page (no external assets, no script) that prints on US
 * letter: @page margins, tables that wrap instead of overflowing, charts as inline SVG scaled to the page
 * width, and no figure or table row split across pages. Input: an assembled FteReport. Output: HTML text.
 */
import type { FteReport } from "./report.js";
import { CHART_CSS, escapeXml as esc, lineChart } from "./svg.js";
import { FROM_ONE_HIRE_MORE, UNKNOWN_COST, allProven, money, num, rate, solveStatusWords } from "./words.js";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const CSS = `
@page { size: letter; margin: 0.5in; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.4 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d2733; margin: 0 auto; max-width: 7.5in; padding: 0.25in 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 16pt 0 6pt; border-bottom: 1px solid #9aa7b4; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; }
p, li { overflow-wrap: anywhere; } .muted { color: #52606d; } .lede { font-size: 10.5pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 8pt; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #d5dbe1; padding: 2pt 4pt; text-align: right; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #eef2f6; font-weight: 600; } th:first-child, td:first-child, td.text { text-align: left; }
tr { break-inside: avoid; } thead { display: table-header-group; }
tr.total td { font-weight: 600; border-top: 1px solid #52606d; }
figure { margin: 6pt 0; break-inside: avoid; } figcaption { font-size: 8.5pt; color: #52606d; }
.recommend { border: 1.5px solid #2f6f4f; background: #eef7f1; padding: 6pt 8pt; break-inside: avoid; }
.warn { border-left: 3px solid #b7791f; padding-left: 6pt; } .noise { display: block; color: #8a5a00; font-size: 7.5pt; }
section { break-inside: auto; } h2, h3 { break-after: avoid; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

const fte = (n: number | undefined): string => (n === undefined ? "—" : num(n, 2));
const hours = (n: number | undefined): string => (n === undefined ? "—" : num(n, 0));
const dollars = (n: number | undefined): string => (n === undefined ? "—" : money(n));
/** A cap's share used, to a tenth (99.7 % read as 100 % beside a row over its cap), past 100 marked so. */
const percent = (n: number | undefined): string => (n === undefined ? "—" : n > 100 ? `${num(n, 1)} % <span class="noise">over the cap</span>` : `${num(n, 1)} %`);
/** Vacant FTE; below zero, more filled than budgeted, which it says. */
const vacant = (n: number | undefined): string => (n === undefined || n >= 0 ? fte(n) : `${fte(n)} <span class="noise">filled above budget</span>`);
/** A gap's dollars, or that they are unknown (never $0 for want of a rate). */
const gapCost = (n: number | undefined): string => (n === undefined ? `<span class="noise">${esc(UNKNOWN_COST)}</span>` : money(n));

function table(header: string[], rows: string[][], options: { className?: string; total?: boolean; widths?: string[] } = {}): string {
  const cols = options.widths ? `<colgroup>${options.widths.map((w) => `<col style="width:${w}">`).join("")}</colgroup>` : "";
  const body = rows.map((r, i) => `<tr${options.total && i === rows.length - 1 ? ' class="total"' : ""}>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table${options.className ? ` class="${options.className}"` : ""}>${cols}<thead><tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

function productivitySection(r: FteReport): string {
  const p = r.productivity;
  const families = table(
    ["Role family", "Workload h", "Fixed h", "Worked FTE", "Paid FTE needed", "Budgeted FTE", "Needed − budgeted FTE", "Filled FTE", "Gap FTE (needed − filled)", "Gap $ / year"],
    p.roleFamilies.map((f) => [f.roleFamily, hours(f.workloadHours), hours(f.fixedHours), fte(f.workedFte), fte(f.paidFte), fte(f.budgetedFte), fte(f.gapToBudgetFte), fte(f.filledFte), fte(f.gapFte), gapCost(f.gapDollarsPerYear)]),
    { widths: ["12%", "9%", "8%", "9%", "10%", "10%", "10%", "9%", "10%", "13%"] },
  );
  const levels = table(
    ["Level", "Role family", "Fixed h", "Budgeted FTE", "Filled FTE", "Vacant FTE", "Mean rate", "PRN / agency (not counted)"],
    p.roleFamilies.flatMap((f) => f.levels.map((l) => [esc(l.name), f.roleFamily, hours(l.fixedHours), fte(l.budgetedFte), fte(l.filledFte), vacant(l.vacantFte), l.meanHourlyRate === undefined ? "—" : rate(l.meanHourlyRate), esc(l.prnAgency.join(", ")) || "none"])),
    { widths: ["19%", "12%", "8%", "11%", "10%", "10%", "10%", "20%"] },
  );
  const workload = table(
    ["Workload", "Area", "Done by", "Units in horizon", "Min / unit", "Hours"],
    p.workload.map((w) => [esc(w.workloadType), esc(w.area), w.roleFamily, num(w.units, 0), num(w.minutesPerUnit, 2), hours(w.hours)]),
  );
  const coverage = table(
    ["Role family", "Workload staff-h", "+ whole people h", "+ floors h", "Required staff-h", "Fixed h", "Paid FTE needed", "Filled FTE", "Gap FTE", "Gap $ / year"],
    p.roleFamilies.map((f) => {
      const c = f.coverage;
      return [f.roleFamily, hours(c.workloadStaffHours), hours(c.wholePeopleStaffHours), hours(c.floorStaffHours), hours(c.requiredStaffHours), hours(f.fixedHours), fte(c.paidFte), fte(f.filledFte), fte(c.gapFte), gapCost(c.gapDollarsPerYear)];
    }),
    { widths: ["12%", "10%", "10%", "8%", "10%", "8%", "10%", "9%", "9%", "14%"] },
  );
  const split = p.roleFamilies.some((f) => f.nonProductiveHours)
    ? table(
        ["Role family", "Paid hours", "Worked", "Paid time off", "Education", "Sick"],
        p.roleFamilies.map((f) => [f.roleFamily, hours(f.paidHours), hours(f.workedHours), hours(f.nonProductiveHours?.pto), hours(f.nonProductiveHours?.education), hours(f.nonProductiveHours?.sick)]),
      )
    : "";
  return `<section><h2>1. What the workload needs (productivity view)</h2>
<p>${p.horizonDays} days = ${num(p.payPeriods, 2)} pay periods; productive share ${num(100 * p.productiveShare, 0)} %; benefits load ${num(100 * p.benefitsLoad, 0)} %.</p>
${families}<h3>What the schedule must cover (coverage-based need)</h3>
<p class="muted">The workload counts hours of work alone; the schedule must cover whole people in every area and interval with work (a part of a person rounds up to one) and every floor. The same fixed hours, productive share and rate turn these staff-hours into FTE.</p>${coverage}<h3>By level</h3>${levels}<h3>Workload and standards</h3>${workload}${split ? `<h3>Paid hours needed, split</h3>${split}` : ""}</section>`;
}

function whatIfSection(r: FteReport): string {
  const w = r.whatIf;
  const rows = w.rows.map((row) => {
    const f = row.figures;
    // A proof either way (optimal, or no schedule keeps every hard rule) has no distance from the best to give.
    const proven = row.status === "optimal" || row.status === "infeasible";
    const uncertainty = row.uncertaintyDollars !== undefined && !proven ? `, ±${money(row.uncertaintyDollars)}` : "";
    const status = `${solveStatusWords(row)}${uncertainty}${row.keptPreviousSchedule ? ", kept the schedule for one hire fewer" : ""}${row.fromOneHireMore ? `, ${FROM_ONE_HIRE_MORE}` : ""}`;
    const perYear = row.savingNote ? `${dollars(row.marginalSavingPerYear)} <span class="noise">${esc(row.savingNote)}</span>` : dollars(row.marginalSavingPerYear);
    const hiresWorked = f && row.hires > 0 ? `${hours(f.hireHours)} h, ${money(f.hireDollars)}` : "—";
    return [String(row.hires), hiresWorked, hours(f?.uncoveredStaffHours), hours(f?.overtimeHours), dollars(f?.overtimeDollars), hours(f?.agencyHours), dollars(f?.agencyDollars), dollars(f?.laborDollars), percent(f?.budgetUse.laborPercent), dollars(row.marginalSaving), perYear, status];
  });
  const main = table(
    ["Hires", "Hires worked, paid", "Uncovered h", "Staff OT h", "Staff OT $", "PRN / agency h", "PRN / agency $", "Labor cost", "Labor budget", "Saving vs one fewer", "Saving / year", "Solver"],
    rows,
    { widths: ["5%", "9%", "8%", "6%", "8%", "7%", "8%", "9%", "7%", "9%", "12%", "12%"] },
  );
  const areas = Object.keys(w.rows.find((x) => x.figures)?.figures?.uncoveredByArea ?? {});
  const byArea = table(
    ["Area", ...w.rows.map((x) => `${x.hires} hire${x.hires === 1 ? "" : "s"}`)],
    areas.map((a) => [esc(a), ...w.rows.map((x) => hours(x.figures?.uncoveredByArea[a]))]),
  );
  const recommend = `<div class="recommend${w.recommendedHires === undefined ? " warn" : ""}">${recommendation(r)}${
    allProven(w.rows) ? "" : `<p class="warn">Not every solve was proven optimal within its ${w.timeLimitSeconds} s limit: the Solver column gives how far each schedule may be from the best possible (± dollars over the horizon), and a saving smaller than the two compared rows' together, or beside a row with no bound, is marked as within the solver's uncertainty.</p>`
  }</div>`;
  return `<section><h2>2. What a hire saves (schedule view)</h2>${recommend}<p class="muted">${esc(r.savingDefinition)}</p>${main}<h3>Uncovered staff-hours by area</h3>${byArea}${whatIfChart(r)}</section>`;
}

function recommendation(r: FteReport): string {
  const w = r.whatIf;
  if (w.recommendedHires === undefined) return `<strong>No recommendation:</strong> ${esc(w.noRecommendation ?? "")}`;
  const position = `of ${esc(w.hire.level)} at ${num(w.hire.fte, 2)} FTE (${esc(w.hire.pattern)} shifts). One position costs ${money(w.positionCostPerYear)} a year with benefits.`;
  const tried = w.rows.length - 1;
  const larger = "run again with a larger maximum of hires (--max-hires, or maxHires over HTTP)";
  if (w.capped) return `<strong>Recommendation: at least ${w.recommendedHires} hire${w.recommendedHires === 1 ? "" : "s"}</strong> ${position} Every position tried pays for itself, so more may: ${larger} than ${tried}.`;
  const next = w.rows[w.recommendedHires + 1]!;
  return `<strong>Recommendation: ${w.recommendedHires} hire${w.recommendedHires === 1 ? "" : "s"}</strong> ${position}${
    next.marginalSavingPerYear !== undefined ? ` Hire ${next.hires} would save ${money(next.marginalSavingPerYear)} a year, less than its cost.` : ""
  }`;
}

function whatIfChart(r: FteReport): string {
  const rows = r.whatIf.rows;
  const ticks: [number, string][] = rows.map((x, i) => [i, String(x.hires)]);
  const cost = lineChart({
    title: "Labor cost and avoidable cost against hires",
    xTicks: ticks, xLabel: "hypothetical hires", yLabel: "dollars (horizon)",
    formatY: (v) => `$${(v / 1000).toLocaleString("en-US", { maximumFractionDigits: 0 })}k`,
    series: [
      { name: "labor cost", values: rows.map((x) => x.figures?.laborDollars), color: "#2b6cb0" },
      { name: "avoidable cost", values: rows.map((x) => x.figures?.avoidableDollars), color: "#c05621", dashed: true },
    ],
  });
  const uncovered = lineChart({
    title: "Uncovered staff-hours against hires",
    xTicks: ticks, xLabel: "hypothetical hires", yLabel: "staff-hours",
    series: [{ name: "uncovered staff-hours", values: rows.map((x) => x.figures?.uncoveredStaffHours), color: "#9b2c2c" }],
  });
  return `<figure id="what-if-curve">${cost}${uncovered}<figcaption>The what-if curve: each point is one optimized schedule of the horizon.</figcaption></figure>`;
}

function demandSection(r: FteReport): string {
  const ticks: [number, string][] = DAYS.map((d, i) => [i * 24, d]);
  const charts = r.hourOfWeek
    .map((a) =>
      lineChart({
        title: a.name, xTicks: ticks, xLabel: "hour of week (site time)", yLabel: "people", height: 170,
        series: [
          { name: "required", values: a.required, color: "#c53030", step: true },
          ...(a.scheduled ? [{ name: "scheduled", values: a.scheduled, color: "#2b6cb0", step: true, dashed: true }] : []),
        ],
      }),
    )
    .map((svg) => `<figure class="hour-of-week">${svg}</figure>`)
    .join("");
  return `<section><h2>3. Demand against scheduled staff, by hour of week</h2><p class="muted">Mean people required (floors and workload, every role family) and mean people on duty in the optimized schedule with today's staff, for each hour of the week over the horizon.${r.hourOfWeek.some((a) => !a.scheduled) ? ` <strong>${r.whatIf.rows[0]!.status === "infeasible" ? "No schedule with today's staff keeps every hard rule" : "The solve with today's staff found no schedule within its time limit"}, so only demand is drawn.</strong>` : ""}</p>${charts}</section>`;
}

function provenanceSection(r: FteReport): string {
  const p = r.provenance;
  const solves = table(
    ["Hires", "Status", "Gap", "Objective − bound", "Seconds", "Time limit s", "Warnings"],
    p.solves.map((s) => [String(s.hires), s.status + (s.keptPreviousSchedule ? " (schedule for one hire fewer kept)" : "") + (s.fromOneHireMore ? ` (${FROM_ONE_HIRE_MORE})` : ""), s.gap === undefined ? "—" : `${num(100 * s.gap, 2)} %`, dollars(s.uncertaintyDollars), num(s.seconds, 1), String(s.timeLimitSeconds), s.warnings ? esc(s.warnings.join(" ")) : "—"]),
  );
  return `<section><h2>5. Provenance</h2><p>Input: <code>${esc(p.source)}</code>. Generated ${esc(p.generatedAt)} by ${esc(p.generator)}. Site time zone ${esc(r.site.timeZone)}.</p>${solves}</section>`;
}

export function fteReportToHtml(r: FteReport): string {
  const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title><style>${CSS}${CHART_CSS}</style></head>
<body><header><h1>${esc(r.title)}</h1><p class="muted">${esc(r.horizon.start)} to ${esc(r.horizon.end)} · ${r.horizon.days} days · generated ${esc(r.provenance.generatedAt.slice(0, 10))}</p></header>
<section><h2>Summary</h2><div class="lede">${list(r.findings)}</div></section>
${productivitySection(r)}${whatIfSection(r)}${demandSection(r)}
<section><h2>4. Method and assumptions</h2><h3>Method</h3>${list(r.method)}<h3>What “saving” means</h3><p>${esc(r.savingDefinition)}</p><h3>Assumptions</h3>${list(r.assumptions)}</section>
${provenanceSection(r)}
</body></html>
`;
}
