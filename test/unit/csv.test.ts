import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "../../src/export/csv.js";

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
});
