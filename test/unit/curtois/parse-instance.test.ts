import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { instancePath } from "../../../bench/curtois/paths.js";
import { formatCurtoisProblem, type CurtoisInstance, type CurtoisParsed, type CurtoisProblem } from "../../../bench/curtois/instance.js";
import { parseCurtoisInstance } from "../../../bench/curtois/parse-instance.js";
import { PUBLISHED, TINY_LINES, tinyText } from "./fixtures.js";

function problemsOf(parsed: CurtoisParsed<CurtoisInstance>): CurtoisProblem[] {
  if (parsed.ok) throw new Error("expected problems, the text parsed");
  return parsed.problems;
}

/** The tiny instance without some of its lines (1-based), LF endings. */
function tinyWithout(...lines: number[]): string {
  return TINY_LINES.filter((_, i) => !lines.includes(i + 1)).join("\n") + "\n";
}

function valueOf(parsed: CurtoisParsed<CurtoisInstance>): CurtoisInstance {
  if (!parsed.ok) throw new Error(parsed.problems.map(formatCurtoisProblem).join("\n"));
  return parsed.value;
}

/** The README's "Best known" table: employees, days, shift types. */
const SIZES: Record<number, [number, number, number]> = {
  1: [8, 14, 1], 2: [14, 14, 2], 3: [20, 14, 3], 4: [10, 28, 2], 5: [16, 28, 2], 6: [18, 28, 3],
  7: [20, 28, 3], 8: [30, 28, 4], 9: [36, 28, 4], 10: [40, 28, 5], 11: [50, 28, 6], 12: [60, 28, 10],
};

describe("parseCurtoisInstance", () => {
  it("reads all 12 benchmark instances with the sizes the README's table gives", () => {
    expect(PUBLISHED.map((c) => c.instance)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const { instance, data } of PUBLISHED) {
      expect([data.staff.length, data.horizon, data.shifts.length], `instance ${instance}`).toEqual(SIZES[instance]);
    }
  });

  it("reads the CRLF file and its LF copy alike", () => {
    const crlf = readFileSync(instancePath(3), "utf8");
    expect(crlf).toContain("\r\n");
    expect(valueOf(parseCurtoisInstance(crlf.replace(/\r\n/g, "\n")))).toEqual(valueOf(parseCurtoisInstance(crlf)));
  });

  it("types every section of a small instance, ids kept case-sensitive", () => {
    const tiny = valueOf(parseCurtoisInstance(tinyText()));
    expect(tiny.horizon).toBe(7);
    expect(tiny.shifts).toEqual([
      { id: "D", lengthMinutes: 480, forbiddenNext: [] },
      { id: "d", lengthMinutes: 600, forbiddenNext: ["D"] },
    ]);
    expect(tiny.staff[1]).toEqual({
      id: "B",
      maxShifts: { D: 7, d: 0 },
      maxTotalMinutes: 2400,
      minTotalMinutes: 0,
      maxConsecutiveShifts: 3,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 1,
      maxWeekends: 1,
    });
    expect(tiny.daysOff).toEqual([{ employee: "A", days: [6] }, { employee: "B", days: [0, 1] }]);
    expect(tiny.shiftOnRequests).toEqual([{ employee: "A", day: 0, shift: "d", weight: 3 }]);
    expect(tiny.shiftOffRequests).toEqual([{ employee: "B", day: 4, shift: "D", weight: 2 }]);
    expect(tiny.cover[1]).toEqual({ day: 0, shift: "d", requirement: 1, weightUnder: 100, weightOver: 1 });
  });

  it("accepts a file whose last section runs to the end without a newline", () => {
    expect(valueOf(parseCurtoisInstance(tinyText().trimEnd())).cover).toHaveLength(3);
  });

  it("names the line of a row with the wrong number of fields", () => {
    const problems = problemsOf(parseCurtoisInstance(tinyText({ 11: "A,D=7|d=2,2400,960,5,2,2" })));
    expect(problems).toEqual([
      { code: "field-count", line: 11, message: expect.stringContaining("SECTION_STAFF expects 8 fields") },
    ]);
    expect(formatCurtoisProblem(problems[0]!)).toMatch(/^line 11: SECTION_STAFF expects 8 fields .*got 7$/);
  });

  it("names the line and the field of a value that is not an integer", () => {
    expect(problemsOf(parseCurtoisInstance(tinyText({ 26: "0,D,1.5,100,1" })))).toEqual([
      { code: "not-an-integer", line: 26, message: 'Requirement must be an integer (got "1.5")' },
    ]);
    expect(problemsOf(parseCurtoisInstance(tinyText({ 11: "A,D=x|d=2,2400,960,5,2,2,1" })))).toEqual([
      { code: "not-an-integer", line: 11, message: 'MaxShifts of D must be an integer (got "x")' },
    ]);
  });

  it("names the line of a list with an empty item", () => {
    expect(problemsOf(parseCurtoisInstance(tinyText({ 8: "d,600,D|" })))).toEqual([
      { code: "bad-list-item", line: 8, message: 'ForbiddenNext has an empty item (got "D|")' },
    ]);
  });

  it("names the line of an unknown section and skips its rows", () => {
    const problems = problemsOf(parseCurtoisInstance(tinyText({ 21: "SECTION_SHIFT_OFF_WISHES" })));
    expect(problems).toEqual([
      { code: "unknown-section", line: 21, message: expect.stringContaining("unknown section SECTION_SHIFT_OFF_WISHES") },
      { code: "missing-section", message: "SECTION_SHIFT_OFF_REQUESTS is missing" },
    ]);
  });

  it("names the line of an id that refers to nothing, case included", () => {
    expect(problemsOf(parseCurtoisInstance(tinyText({ 19: "A,0,N,3" })))).toEqual([
      { code: "unknown-shift", line: 19, message: 'the request names unknown shift "N" (ids are case-sensitive)' },
    ]);
    expect(problemsOf(parseCurtoisInstance(tinyText({ 22: "b,4,D,2" })))).toEqual([
      { code: "unknown-employee", line: 22, message: 'unknown employee "b" (ids are case-sensitive)' },
    ]);
  });

  it("names data outside any section and a day outside the horizon", () => {
    // A blank line ends SECTION_HORIZON; "oops" becomes line 5, before SECTION_SHIFTS opens.
    expect(problemsOf(parseCurtoisInstance(tinyText({ 4: "\noops" })))).toEqual([
      { code: "outside-section", line: 5, message: 'data outside any section (got "oops"); a blank line ends a section' },
    ]);
    expect(problemsOf(parseCurtoisInstance(tinyText({ 15: "A,7" })))).toEqual([
      { code: "out-of-range", line: 15, message: "day 7 is outside the horizon 0…6" },
    ]);
  });

  it("reports a missing required section without a line", () => {
    const noStaff = tinyText({ 10: "", 11: "", 12: "" });
    expect(problemsOf(parseCurtoisInstance(noStaff))).toContainEqual({ code: "missing-section", message: "SECTION_STAFF is missing" });
  });

  it("reports a missing cover, request or days-off section: a file cut short is not an instance without them", () => {
    const noCover = tinyText({ 24: "", 25: "", 26: "", 27: "", 28: "" });
    expect(problemsOf(parseCurtoisInstance(noCover))).toEqual([{ code: "missing-section", message: "SECTION_COVER is missing" }]);
    const cutAfterStaff = TINY_LINES.slice(0, 13).join("\n") + "\n";
    expect(problemsOf(parseCurtoisInstance(cutAfterStaff)).map((p) => p.message)).toEqual([
      "SECTION_DAYS_OFF is missing",
      "SECTION_SHIFT_ON_REQUESTS is missing",
      "SECTION_SHIFT_OFF_REQUESTS is missing",
      "SECTION_COVER is missing",
    ]);
  });

  it("accepts empty days-off, request and cover sections", () => {
    const tiny = valueOf(parseCurtoisInstance(tinyWithout(15, 16, 19, 22, 26, 27, 28)));
    expect([tiny.daysOff, tiny.shiftOnRequests, tiny.shiftOffRequests, tiny.cover]).toEqual([[], [], [], []]);
  });

  it("names the line of a section with no employees or no shifts", () => {
    // A file cut just after SECTION_STAFF's header reads as a section without lines.
    expect(problemsOf(parseCurtoisInstance(tinyWithout(11, 12)))).toContainEqual({ code: "empty-section", line: 10, message: expect.stringMatching(/^SECTION_STAFF has no lines \(ID, MaxShifts/) });
  });

  it("names the line of a number too large to hold exactly", () => {
    expect(problemsOf(parseCurtoisInstance(tinyText({ 11: "A,D=99999999999999999999|d=2,2400,960,5,2,2,1" })))).toEqual([
      { code: "out-of-range", line: 11, message: "MaxShifts of D must be at most 9007199254740991 (got 99999999999999999999)" },
    ]);
  });
});
