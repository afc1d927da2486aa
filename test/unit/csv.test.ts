import { describe, expect, it } from "vitest";
import { safeCell, scheduleToCsv, toCsv } from "../../src/export/csv.js";
import { prepare } from "../../src/pipeline.js";
import { a, BASE, world } from "../fixtures/world.js";

describe("CSV export", () => {
  it("neutralizes cells a spreadsheet would run as formulas", () => {
    expect(["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "ok", "a=b"].map(safeCell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx", "'\rx", "ok", "a=b"]);
  });

  it("quotes per RFC 4180 with CRLF line ends", () => {
    expect(toCsv([["name", "note"], ['O"Brien, Pat', "line\nbreak"]])).toBe('name,note\r\n"O""Brien, Pat","line\nbreak"\r\n');
  });

  it("escapes a formula even inside a quoted cell", () => {
    expect(toCsv([['=HYPERLINK("x")']])).toBe('"\'=HYPERLINK(""x"")"\r\n');
  });

  it("gives paid hours to 2 decimals (QA4 J4): 500 min less a 25-min break is 7.92, not 7.916666666666667", () => {
    const input = world({ shiftTemplates: BASE.shiftTemplates!.map((t) => (t.id === "D8" ? { ...t, lengthMinutes: 500, unpaidBreakMinutes: 25 } : t)) });
    const [header, ...rows] = scheduleToCsv(prepare(input), { assignments: [a("A", "2026-03-02", "D8"), a("A", "2026-03-03", "E8")] }).split("\r\n");
    const column = header!.split(",").indexOf("paid_hours");
    expect(rows.slice(0, 2).map((row) => row.split(",")[column])).toEqual(["7.92", "8.00"]);
  });
});
