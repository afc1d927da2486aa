/**
 * The schedule page: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched) that a
 * manager reads on screen or prints on US letter landscape. A header (status, total, cost against
 * budget), the month grid (staff × days, grouped by level; each cell the templates worked, coloured by
 * area, nights, locks, leave and hard violations marked), coverage against demand by the hour, and the
 * violations by rule. Input: a prepared department, a schedule and the checker's explanation of it.
 * Output: HTML text. Every string from the input is user data and is escaped. For a reader who may not read
 * people's leave or requests (`personalDetails: "withheld"`), the page marks no leave and lists no request.
 */
import { employedOn, employmentWords, leaveOn, type Explanation, type Schedule, type StaffMember, type Violation } from "../../models/index.js";
import { CHART_CSS, escapeXml as esc, lineChart } from "../reports/fte/svg.js";
import { money, num } from "../reports/fte/words.js";
import { minuteToLocalClock } from "../time/local.js";
import type { Prepared } from "../pipeline.js";
import { hourlyCoverage } from "./schedule-coverage.js";
import { historyOvertimeNotes } from "./history-overtime.js";
import { withholdPersonalDetails, type PersonalDetails } from "./withhold.js";

export interface SchedulePageOptions {
  /** What the schedule is, under the title (e.g. "schedule 12, published version 3"); default none. */
  caption?: string;
  /** Most messages listed per broken rule (default 15). */
  maxPerRule?: number;
  /**
   * `withheld` for a reader who may not read people's leave or requests (an hr token): no leave is marked
   * in the grid, and the explanation is shown as withhold.ts leaves it; default `shown`.
   */
  personalDetails?: PersonalDetails;
}

/** Light fills for areas, in the input's area order (repeating past eight). */
const AREA_COLORS = ["#dbeafe", "#dcfce7", "#fde68a", "#fbcfe8", "#e9d5ff", "#fed7aa", "#ccfbf1", "#e5e7eb"];
const WEEKDAY_LETTERS = ["M", "T", "W", "T", "F", "S", "S"];

const CSS = `
@page { size: letter landscape; margin: 0.5in; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 9pt/1.35 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d2733; margin: 0 auto; padding: 0.2in; }
h1 { font-size: 15pt; margin: 0 0 2pt; } h2 { font-size: 12pt; margin: 14pt 0 5pt; border-bottom: 1px solid #9aa7b4; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 8pt 0 3pt; break-after: avoid; }
p, li { overflow-wrap: anywhere; } .muted { color: #52606d; }
.status { font-weight: 600; padding: 1pt 5pt; border-radius: 3pt; } .status.ok { background: #dcfce7; color: #14532d; } .status.broken { background: #fee2e2; color: #7f1d1d; }
dl.figures { display: flex; flex-wrap: wrap; gap: 2pt 16pt; margin: 6pt 0; } dl.figures div { min-width: 1.6in; } dt { font-size: 7.5pt; color: #52606d; } dd { margin: 0; font-weight: 600; }
.over { color: #9b2c2c; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; }
table.grid { font-size: 6pt; line-height: 1.15; }
table.grid th, table.grid td { border: 0.5px solid #c9d1d9; padding: 1px; text-align: center; vertical-align: middle; overflow-wrap: anywhere; }
table.grid thead th { background: #eef2f6; font-weight: 600; } table.grid thead { display: table-header-group; }
table.grid th.who { text-align: left; font-weight: 400; padding-left: 3px; } .who .meta { color: #52606d; font-size: 5.5pt; white-space: nowrap; }
table.grid tr.level th { text-align: left; background: #d5dbe1; font-size: 7pt; padding: 2px 3px; }
table.grid tr { break-inside: avoid; }
table.grid td.num { text-align: right; padding-right: 2px; }
.we { background: #eef2f6; } thead th.we { background: #d5dbe1; } .hol { background: #fef3c7; }
td.leave { background: repeating-linear-gradient(135deg, #f1f3f5 0 3px, #d5dbe1 3px 4px); color: #52606d; }
td.out { background: #d5dbe1; color: #52606d; }
td.night { background-image: linear-gradient(to bottom right, transparent 72%, #334155 72%); font-style: italic; }
td.locked { font-weight: 700; text-decoration: underline; }
td.violation, th.violation { box-shadow: inset 0 0 0 1.5px #c53030; color: #7f1d1d; }
.legend { font-size: 7pt; margin: 4pt 0; } .legend span { display: inline-block; padding: 0 4pt; margin: 1pt 3pt 1pt 0; border: 0.5px solid #c9d1d9; }
table.coverage { font-size: 8pt; margin: 4pt 0 8pt; } table.coverage th, table.coverage td { border-bottom: 1px solid #d5dbe1; padding: 2pt 4pt; text-align: right; }
table.coverage th:first-child, table.coverage td:first-child, table.coverage td.text { text-align: left; } table.coverage th { background: #eef2f6; }
tr.total td { font-weight: 600; border-top: 1px solid #52606d; }
figure { margin: 4pt 0; break-inside: avoid; }
.rule { break-inside: avoid-page; } .rule ul { margin: 2pt 0 6pt; padding-left: 14pt; font-size: 8pt; }
@media print { body { padding: 0; } }
`;

const hours = (n: number): string => num(n, 1);
const codes = (id: string): string => esc(id).replace(/-/g, "-<wbr>");
const memberKind = (m: StaffMember): string => (m.employment === "agency" ? "agency" : m.employment === "prn" || m.fte === 0 ? "PRN" : `${num(m.fte, 1)} FTE`);

/** Hard violations by "staff|date", and by staff for those that name no date. */
function hardByCell(e: Explanation): { byCell: Map<string, Violation[]>; byStaff: Map<string, Violation[]> } {
  const byCell = new Map<string, Violation[]>(), byStaff = new Map<string, Violation[]>();
  for (const v of e.violations) {
    if (!v.hard || v.subjects.staff === undefined) continue;
    const [map, key] = v.subjects.date !== undefined ? [byCell, `${v.subjects.staff}|${v.subjects.date}`] : [byStaff, v.subjects.staff];
    map.set(key, [...(map.get(key) ?? []), v]);
  }
  return { byCell, byStaff };
}

function header(prepared: Prepared, e: Explanation, options: SchedulePageOptions): string {
  const { input, grid } = prepared;
  const hard = e.violations.filter((v) => v.hard).length;
  const status = e.feasible ? `<span class="status ok">keeps every hard rule</span>` : `<span class="status broken">breaks ${hard} hard rule instance${hard === 1 ? "" : "s"}</span>`;
  const against = (used: string, cap: { cap: number; used: number } | undefined, show: (n: number) => string): string =>
    cap ? `<span${cap.used > cap.cap ? ' class="over"' : ""}>${used} of ${show(cap.cap)}</span>` : `${used} <span class="muted">(no cap)</span>`;
  const figure = (term: string, value: string): string => `<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return `<header><h1>${esc(input.site.name)}</h1>
<p class="muted">${esc(input.horizon.start)} to ${esc(input.horizon.end)} · ${grid.days.length} days · ${esc(input.site.timeZone)}${options.caption ? ` · ${esc(options.caption)}` : ""}</p>
<p>Status: ${status}</p>
<dl class="figures">${[
    figure("Weighted total", num(e.total, 2)),
    figure("Labor cost vs budget", against(money(e.cost.totalDollars), e.budget.laborDollars, money)),
    figure("Overtime hours", against(`${hours(e.cost.overtimeHours)} h`, e.budget.overtimeHours, (n) => `${hours(n)} h`)),
    figure("Agency / PRN hours", against(`${hours(e.cost.agencyHours)} h`, e.budget.agencyHours, (n) => `${hours(n)} h`)),
    figure("Requests granted", `${e.requests.granted} of ${e.requests.total}`),
  ].join("")}</dl></header>`;
}

function gridSection(prepared: Prepared, schedule: Schedule, e: Explanation, personalDetails: PersonalDetails): string {
  const { input, grid } = prepared;
  const templates = new Map(input.shiftTemplates.map((t) => [t.id, t]));
  const areaIndex = new Map(input.areas.map((a, i) => [a.id, i]));
  const areaName = new Map(input.areas.map((a) => [a.id, a.name]));
  const shifts = new Map(grid.shifts.map((s) => [s.key, s]));
  const worked = new Map<string, Schedule["assignments"]>();
  for (const a of schedule.assignments) worked.set(`${a.staff}|${a.date}`, [...(worked.get(`${a.staff}|${a.date}`) ?? []), a]);
  const hoursOf = new Map(e.staff.map((s) => [s.staff, s]));
  const { byCell, byStaff } = hardByCell(e);
  const dayClass = (d: (typeof grid.days)[number]): string => (d.holiday !== undefined ? "hol" : d.isWeekend ? "we" : "");
  const dayWidth = (80 / Math.max(1, grid.days.length)).toFixed(3);
  const cols = `<colgroup><col style="width:13%">${grid.days.map(() => `<col style="width:${dayWidth}%">`).join("")}<col style="width:3.5%"><col style="width:3.5%"></colgroup>`;
  const head = `<thead><tr><th class="who">Staff</th>${grid.days
    .map((d) => `<th class="day ${dayClass(d)}" title="${esc(d.date)}${d.holiday !== undefined ? ` (${esc(d.holiday)})` : ""}">${WEEKDAY_LETTERS[d.weekday - 1]}<br>${Number(d.date.slice(8))}</th>`)
    .join("")}<th>Paid h</th><th>OT h</th></tr></thead>`;

  const cell = (m: StaffMember, d: (typeof grid.days)[number]): string => {
    const here = worked.get(`${m.id}|${d.date}`) ?? [];
    const leave = personalDetails === "shown" ? leaveOn(m, d.date) : undefined;
    const broken = byCell.get(`${m.id}|${d.date}`) ?? [];
    const classes = [dayClass(d)];
    const notes: string[] = [];
    for (const a of here) {
      const t = templates.get(a.template)!;
      const shift = shifts.get(`${a.template}@${a.date}`);
      const times = shift ? ` ${minuteToLocalClock(grid, shift.startMinute)}–${minuteToLocalClock(grid, shift.endMinute)}` : "";
      notes.push(`${t.name} (${t.id})${times}, ${areaName.get(t.area) ?? t.area}${t.night ? ", night" : ""}${a.locked ? ", locked" : ""}`);
      if (t.night) classes.push("night");
      if (a.locked) classes.push("locked");
    }
    // Employment dates are not personal as leave reasons are (HR keeps them): shown to every reader.
    const out = !employedOn(m, d.date);
    if (out) {
      classes.push("out");
      notes.push(`not employed (${employmentWords(m)})`);
    }
    if (leave) {
      classes.push("leave");
      notes.push(`approved leave: ${leave.reason}`);
    }
    if (broken.length > 0) {
      classes.push("violation");
      notes.push(...broken.map((v) => `hard rule broken (${v.rule}): ${v.message}`));
    }
    const first = here[0] && templates.get(here[0].template);
    const fill = first && !leave && !out ? ` style="background-color:${AREA_COLORS[areaIndex.get(first.area)! % AREA_COLORS.length]}"` : "";
    const text = here.length > 0 ? here.map((a) => codes(a.template)).join("<br>") : out ? "–" : leave ? "L" : "";
    const cls = [...new Set(classes.filter((c) => c !== ""))].join(" ");
    return `<td class="cell${cls ? ` ${cls}` : ""}" data-date="${esc(d.date)}"${fill}${notes.length > 0 ? ` title="${esc(notes.join("\n"))}"` : ""}>${text}</td>`;
  };

  const rows: string[] = [];
  for (const level of input.levels) {
    const members = input.staff.filter((m) => m.level === level.id);
    if (members.length === 0) continue;
    rows.push(`<tr class="level"><th colspan="${grid.days.length + 3}">${esc(level.name)} · ${level.roleFamily} · ${members.length}</th></tr>`);
    for (const m of members) {
      const h = hoursOf.get(m.id);
      const own = byStaff.get(m.id) ?? [];
      const flag = own.length > 0 ? ` class="who violation" title="${esc(own.map((v) => `hard rule broken (${v.rule}): ${v.message}`).join("\n"))}"` : ` class="who"`;
      rows.push(
        `<tr class="staff" data-staff="${esc(m.id)}"><th${flag}>${esc(m.name)}<br><span class="meta">${esc(m.level)} · ${memberKind(m)}</span></th>${grid.days.map((d) => cell(m, d)).join("")}` +
          `<td class="num paid">${hours(h?.paidHours ?? 0)}</td><td class="num overtime">${hours(h?.overtimeHours ?? 0)}</td></tr>`,
      );
    }
  }
  const legend = `<p class="legend">${input.areas.map((a, i) => `<span style="background-color:${AREA_COLORS[i % AREA_COLORS.length]}">${esc(a.name)}</span>`).join("")}` +
    `<span class="night" style="background-image:linear-gradient(to bottom right, transparent 72%, #334155 72%)"><i>night</i></span><span><b><u>locked</u></b></span>` +
    (personalDetails === "shown" ? `<span style="background:repeating-linear-gradient(135deg, #f1f3f5 0 3px, #d5dbe1 3px 4px)">L leave</span>` : "") +
    `<span style="box-shadow:inset 0 0 0 1.5px #c53030">hard rule broken</span>` +
    (input.staff.some((m) => m.employedFrom !== undefined || m.employedUntil !== undefined) ? `<span style="background:#d5dbe1">– not employed</span>` : "") +
    `<span class="we">weekend</span><span class="hol">holiday</span></p>`;
  const withheld = personalDetails === "shown" ? "" : " People's approved leave and requests are not shown on this page.";
  const notes = historyOvertimeNotes(input, e.staff);
  const historyNote = notes.length > 0 ? `<p class="muted history-overtime">${notes.map(esc).join("<br>")}</p>` : "";
  return `<section><h2>Month grid</h2><p class="muted">Each cell: the shift templates worked that day (a shift belongs to the date it starts on). Hover a cell for times and messages.${withheld}</p>${legend}
<table class="grid">${cols}${head}<tbody>${rows.join("\n")}</tbody></table>${historyNote}</section>`;
}

function coverageSection(prepared: Prepared, schedule: Schedule, e: Explanation): string {
  const { input, grid } = prepared;
  const areaName = new Map(input.areas.map((a) => [a.id, a.name]));
  const { lines, dayStartHours } = hourlyCoverage(prepared, schedule);
  const label = (area: string, roleFamily: string): string => `${areaName.get(area) ?? area} — ${roleFamily}s`;
  const sum = (pick: (c: Explanation["coverage"][number]) => number): number => e.coverage.reduce((s, c) => s + pick(c), 0);
  const required = sum((c) => c.requiredStaffHours), covered = sum((c) => c.coveredStaffHours);
  const rows = e.coverage.map((c) => [esc(areaName.get(c.area) ?? c.area), c.roleFamily, hours(c.requiredStaffHours), hours(c.coveredStaffHours), hours(c.uncoveredStaffHours), hours(c.floorUncoveredStaffHours), hours(c.overstaffedStaffHours), `${num(c.coveragePercent, 1)} %`]);
  rows.push(["Total", "", hours(required), hours(covered), hours(sum((c) => c.uncoveredStaffHours)), hours(sum((c) => c.floorUncoveredStaffHours)), hours(sum((c) => c.overstaffedStaffHours)), `${num(required > 0 ? (100 * covered) / required : 100, 1)} %`]);
  const table = `<table class="coverage"><thead><tr>${["Area", "Role", "Required staff-h", "Covered staff-h", "Uncovered staff-h", "Below floor staff-h", "Over demand staff-h", "Covered"].map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r, i) => `<tr${i === rows.length - 1 ? ' class="total"' : ""}>${r.map((c, j) => `<td${j < 2 ? ' class="text"' : ""}>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
  // A tick per day while they fit (about a month); one a week beyond.
  const every = grid.days.length > 45 ? 7 : 1;
  const ticks: [number, string][] = grid.days.flatMap((d, i) => (i % every === 0 ? [[dayStartHours[i]!, String(Number(d.date.slice(8)))] as [number, string]] : []));
  const charts = lines
    .map((l) =>
      lineChart({
        title: label(l.area, l.roleFamily), xTicks: ticks, xLabel: "day of the month (site time, by the hour)", yLabel: "people", width: 940, height: 150,
        series: [
          { name: "required", values: l.required, color: "#c53030", step: true },
          { name: "on duty", values: l.covered, color: "#2b6cb0", step: true, dashed: true },
        ],
      }),
    )
    .map((svg) => `<figure class="coverage-chart">${svg}</figure>`)
    .join("");
  return `<section><h2>Coverage against demand</h2><p class="muted">Staff-hours over the horizon per area and role family (qualified people only), then, for each, the mean people required and on duty in every hour: a gap is where the red line is above the blue.</p>${table}${charts}</section>`;
}

function violationsSection(e: Explanation, maxPerRule: number): string {
  const broken = e.rules.filter((r) => r.count > 0).sort((a, b) => Number(b.hard) - Number(a.hard));
  if (broken.length === 0) return `<section><h2>Violations</h2><p>Every rule is kept.</p></section>`;
  const blocks = broken.map((r) => {
    const lines = e.violations.filter((v) => v.rule === r.rule);
    const amount = r.amount !== undefined ? `${num(r.amount, 1)} ${esc(r.unit)}` : r.amounts.map((a) => `${num(a.amount, 1)} ${esc(a.unit)}`).join(", ");
    const more = lines.length > maxPerRule ? `<li class="more">… and ${lines.length - maxPerRule} more</li>` : "";
    // Violations withheld from this reader (withhold.ts) are counted, not listed.
    const unlisted = r.count > lines.length ? `<li class="more">not listed: they name people's requests</li>` : "";
    return `<div class="rule ${r.hard ? "hard" : "soft"}" data-rule="${esc(r.rule)}"><h3>${esc(r.title)} <span class="muted">(${esc(r.rule)}, ${r.hard ? "hard" : "soft"}): ${r.count} violation${r.count === 1 ? "" : "s"}, ${amount}${r.hard ? "" : `, penalty ${num(r.penalty, 0)}`}</span></h3><ul>${lines
      .slice(0, maxPerRule)
      .map((v) => `<li>${esc(v.message)}</li>`)
      .join("")}${more}${unlisted}</ul></div>`;
  });
  return `<section><h2>Violations by rule</h2>${blocks.join("")}</section>`;
}

export function scheduleToHtml(prepared: Prepared, schedule: Schedule, full: Explanation, options: SchedulePageOptions = {}): string {
  const { input } = prepared;
  const personalDetails = options.personalDetails ?? "shown";
  const explanation = personalDetails === "shown" ? full : withholdPersonalDetails(input, full);
  const title = `Schedule — ${input.site.name}, ${input.horizon.start} to ${input.horizon.end}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}${CHART_CSS}</style></head>
<body>${header(prepared, explanation, options)}
${gridSection(prepared, schedule, explanation, personalDetails)}
${coverageSection(prepared, schedule, explanation)}
${violationsSection(explanation, options.maxPerRule ?? 15)}
</body></html>
`;
}
