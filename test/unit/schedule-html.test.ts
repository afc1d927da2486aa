import { describe, expect, it } from "vitest";
import type { PlanningInput, Schedule } from "../../models/index.js";
import { scheduleToHtml } from "../../src/export/schedule-html.js";
import { explain, prepare } from "../../src/pipeline.js";
import { patchStaff } from "../fixtures/patch.js";
import { smallWorld } from "../fixtures/small-world.js";

const HOSTILE = `<script>alert("owned")</script> & "Ann"`;

function page(input: PlanningInput, schedule: Schedule, caption?: string): string {
  const prepared = prepare(input);
  return scheduleToHtml(prepared, schedule, explain(prepared, schedule), caption === undefined ? {} : { caption });
}

/** The row of one staff member, and its cell of one date (the `<td …>…</td>` text). */
function cell(html: string, staff: string, date: string): string {
  const row = new RegExp(`<tr class="staff" data-staff="${staff}">(.*?)</tr>`, "s").exec(html);
  expect(row, `row of ${staff}`).not.toBeNull();
  const td = new RegExp(`<td class="cell[^"]*" data-date="${date}"[^>]*>.*?</td>`, "s").exec(row![1]!);
  expect(td, `${staff} on ${date}`).not.toBeNull();
  return td![0];
}

describe("the schedule page", () => {
  // Ann: a locked evening, then a day shift 7.5 h later (a hard rest violation); Ben a night; Dan on leave.
  const floors = [{ area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00" }];
  const input = patchStaff(smallWorld(3, { floors }), "D", { leave: [{ start: "2026-03-03", end: "2026-03-03", reason: "<img src=x onerror=alert(1)>" }] });
  const schedule: Schedule = {
    assignments: [
      { staff: "A", date: "2026-03-02", template: "E8", locked: true },
      { staff: "A", date: "2026-03-03", template: "D8", locked: false },
      { staff: "B", date: "2026-03-02", template: "N8", locked: false },
      { staff: "C", date: "2026-03-04", template: "IV10", locked: false },
    ],
  };
  const html = page(input, schedule);

  it("has a row per staff member and a column per date, weekday letter and day number", () => {
    expect(html.match(/<tr class="staff"/g)).toHaveLength(4);
    expect(html.match(/<th class="day[^"]*"[^>]*>[MTWFS]<br>\d+<\/th>/g)).toHaveLength(3);
    expect(html).toMatch(/<th class="day [^"]*" title="2026-03-02">M<br>2<\/th>/);
  });

  it("puts each assignment's template code in its cell, with nights and locks marked", () => {
    const evening = cell(html, "A", "2026-03-02");
    expect(evening).toMatch(/>E8<\/td>$/);
    expect(evening).toMatch(/class="cell[^"]* locked/);
    expect(evening).toContain("Evening (E8) 15:00–23:30, Central pharmacy, locked");
    const night = cell(html, "B", "2026-03-02");
    expect(night).toMatch(/>N8<\/td>$/);
    expect(night).toMatch(/class="cell[^"]* night/);
    expect(cell(html, "C", "2026-03-04")).toMatch(/>IV10<\/td>$/);
    expect(cell(html, "C", "2026-03-02")).toMatch(/<td class="cell" data-date="2026-03-02"><\/td>/);
  });

  it("marks a leave day, and gives each person's paid and overtime hours at the row end", () => {
    expect(cell(html, "D", "2026-03-03")).toMatch(/class="cell[^"]* leave[^"]*"[^>]*>L<\/td>/);
    expect(html).toMatch(/data-staff="A">[^]*?<td class="num paid">16\.0<\/td><td class="num overtime">0\.0<\/td><\/tr>/);
  });

  it("marks the days outside a person's employment, to every reader, and no others", () => {
    const leaver = patchStaff(input, "B", { employedUntil: "2026-03-03" });
    for (const personalDetails of ["shown", "withheld"] as const) {
      const prepared = prepare(leaver);
      const html = scheduleToHtml(prepared, schedule, explain(prepared, schedule), { personalDetails });
      expect(cell(html, "B", "2026-03-04")).toMatch(/class="cell[^"]* out[^"]*" data-date="2026-03-04" title="not employed \(employed until 2026-03-03\)">–<\/td>/);
      expect(cell(html, "B", "2026-03-03")).not.toContain("out");
      expect(html).toContain("– not employed</span>");
    }
    expect(html).not.toContain("not employed");
  });

  it("flags the cell of a hard-rule violation with its message", () => {
    const day = cell(html, "A", "2026-03-03");
    expect(day).toMatch(/class="cell[^"]* violation/);
    expect(day).toMatch(/title="[^"]*hard rule broken \(rest\.min-between-shifts\): Ann rests 7\.5 h between E8 on 2026-03-02 and D8 on 2026-03-03/);
    expect(cell(html, "A", "2026-03-02")).not.toContain("violation");
    expect(html).toContain("breaks 1 hard rule instance");
    expect(html).toMatch(/<div class="rule hard" data-rule="rest\.min-between-shifts">/);
  });

  it("lists hard rules before soft ones and caps a long list, saying how many more", () => {
    const prepared = prepare(input);
    const e = explain(prepared, schedule);
    const soft = e.rules.filter((r) => r.count > 0 && !r.hard);
    expect(soft.length).toBeGreaterThan(0);
    expect(html.indexOf('class="rule hard"')).toBeLessThan(html.indexOf('class="rule soft"'));
    const capped = scheduleToHtml(prepared, schedule, e, { maxPerRule: 0 });
    expect(capped).toMatch(/data-rule="rest\.min-between-shifts">.*?<ul><li class="more">… and 1 more<\/li><\/ul>/);
    expect(capped).not.toContain("<li>Ann rests");
  });

  it("escapes every name, message and caption from the input", () => {
    const hostile = patchStaff({ ...input, site: { ...input.site, name: `<b>Site</b>` } }, "A", { name: HOSTILE });
    const text = page(hostile, schedule, `<i>caption</i>`);
    expect(text).not.toContain("<script>");
    expect(text).not.toContain("<img");
    expect(text).not.toMatch(/<b>Site|<i>caption/);
    expect(text).toContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &quot;Ann&quot;");
    // In the violation's title attribute too, where a quote would end the attribute.
    expect(cell(text, "A", "2026-03-03")).toContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &quot;Ann&quot; rests 7.5 h");
  });

  it("draws required against on-duty people for each area and role family with demand", () => {
    const charts = html.match(/<svg class="chart"[^>]*aria-label="([^"]*)"/g) ?? [];
    expect(charts.length).toBe(prepare(input).demand.series.length);
    expect(html).toMatch(/data-series="required"/);
    expect(html).toMatch(/data-series="on duty"/);
  });
});
