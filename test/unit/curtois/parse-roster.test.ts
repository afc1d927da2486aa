import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { publishedRosters } from "../../../bench/curtois/paths.js";
import { parseCurtoisRoster } from "../../../bench/curtois/parse-roster.js";
import { schedulingPeriodFileOf, toRosterGrid, toRosterXml } from "../../../bench/curtois/export-roster.js";
import { parseCurtoisInstance } from "../../../bench/curtois/parse-instance.js";
import { PUBLISHED, published, tinyText } from "./fixtures.js";

describe("parseCurtoisRoster", () => {
  it("reads every published roster, one <Employee> per instance employee", () => {
    for (const { instance, data, roster } of PUBLISHED) {
      expect(roster.employees, `instance ${instance}`).toEqual(data.staff.map((s) => s.id));
      expect(roster.assignments.length, `instance ${instance}`).toBeGreaterThan(data.staff.length);
    }
  });

  it("reads a roster's first assignments in file order", () => {
    expect(published(1).roster.assignments.slice(0, 3)).toEqual([
      { employee: "A", day: 1, shift: "D" },
      { employee: "A", day: 2, shift: "D" },
      { employee: "A", day: 3, shift: "D" },
    ]);
  });

  it("skips the <Violations> block of instance 8's file and keeps the penalty it states", () => {
    const { roster, penalty } = published(8);
    expect(roster.statedPenalty).toBe(penalty);
    // The block repeats every <Employee> with request violations but no <Assign>.
    expect(roster.employees).toHaveLength(30);
    expect(roster.schedulingPeriodFile).toBe("..\\..\\Instance8.ros");
  });

  it("names the line of an <Assign> whose day is not a number", () => {
    const xml = '<Roster>\n<Employee ID="A">\n<Assign><Day>x</Day><Shift>D</Shift></Assign>\n</Employee>\n</Roster>\n';
    expect(parseCurtoisRoster(xml)).toEqual({
      ok: false,
      problems: [{ code: "not-an-integer", line: 3, message: '<Day> of employee A must be a whole number (got "x")' }],
    });
  });

  it("refuses text that is not a roster", () => {
    expect(parseCurtoisRoster("<Solution></Solution>")).toMatchObject({ ok: false, problems: [{ code: "not-a-roster" }] });
    expect(parseCurtoisRoster("")).toMatchObject({ ok: false, problems: [{ code: "not-a-roster" }] });
  });

  it("reads CDATA, entities, attributes in any order and blanks inside tags as XML does", () => {
    const xml = '<Roster>\n<Employee Name="x" ID="A&amp;B" ><Assign><Day >3</Day ><Shift><![CDATA[N]]></Shift></Assign></Employee>\n</Roster>\n';
    expect(parseCurtoisRoster(xml)).toEqual({ ok: true, value: { assignments: [{ employee: "A&B", day: 3, shift: "N" }], employees: ["A&B"] } });
  });

  it("reads character references", () => {
    const xml = '<Roster><Employee ID="&#65;"><Assign><Day>3</Day><Shift>&#x4E;</Shift></Assign></Employee></Roster>';
    expect(parseCurtoisRoster(xml)).toEqual({ ok: true, value: { assignments: [{ employee: "A", day: 3, shift: "N" }], employees: ["A"] } });
  });

  it("answers XML nested 10,000 deep with a problem, not a stack overflow", () => {
    const xml = `<Roster>${"<x>".repeat(10_000)}<Employee ID="A"/>${"</x>".repeat(10_000)}</Roster>`;
    expect(parseCurtoisRoster(xml)).toEqual({
      ok: false,
      problems: [{ code: "malformed", line: 1, message: "<Employee> in <x>: <Employee> elements belong directly in <Roster>, <Assign> elements in an <Employee>" }],
    });
  });
});

describe("parseCurtoisRoster refuses a malformed roster instead of guessing at it", () => {
  /** Employees A and B, one assignment each, lines 2 and 3; `edit` breaks it. */
  const roster = (edit: (xml: string) => string): string =>
    edit('<Roster>\n<Employee ID="A"><Assign><Day>0</Day><Shift>D</Shift></Assign></Employee>\n<Employee ID="B"><Assign><Day>1</Day><Shift>D</Shift></Assign></Employee>\n</Roster>\n');

  it.each([
    // Read as A working days 0 and 1 before: B's shift went to A and B disappeared.
    ["an <Employee> left open", (x: string) => x.replace("</Assign></Employee>\n<Employee", "</Assign>\n<Employee"), { code: "malformed", line: 4, message: "</Roster> closes <Employee> (opened on line 2)" }],
    ["a misspelt <Assign>", (x: string) => x.replace("<Assign><Day>0</Day><Shift>D</Shift></Assign>", "<Asign><Day>0</Day><Shift>D</Shift></Asign>"), { code: "malformed", line: 2, message: '<Asign> in <Employee ID="A">: only <Assign> elements belong there' }],
    ["an <Assign> left open", (x: string) => x.replace("</Shift></Assign></Employee>\n<Employee ID=\"B\">", "</Shift></Employee>\n<Employee ID=\"B\">"), { code: "malformed", line: 2, message: "</Employee> closes <Assign> (opened on line 2)" }],
    ["an <Assign> outside any <Employee>", (x: string) => x.replace("</Roster>", "<Assign><Day>2</Day><Shift>D</Shift></Assign>\n</Roster>"), { code: "malformed", line: 4, message: "<Assign> in <Roster>: <Employee> elements belong directly in <Roster>, <Assign> elements in an <Employee>" }],
    ["an <Employee> without ID", (x: string) => x.replace('<Employee ID="B">', '<Employee id="B">'), { code: "malformed", line: 3, message: '<Employee> needs an ID attribute (ID="…", case-sensitive)' }],
    ["two <Day>s in one <Assign>", (x: string) => x.replace("<Day>1</Day>", "<Day>1</Day><Day>2</Day>"), { code: "bad-assign", line: 3, message: "an <Assign> of employee B holds one <Day> and one <Shift> (got <Day><Day><Shift>)" }],
    ["text between assignments", (x: string) => x.replace("</Assign></Employee>\n<Employee ID=\"B\">", "</Assign>oops</Employee>\n<Employee ID=\"B\">"), { code: "malformed", line: 2, message: 'text in <Employee ID="A"> (got "oops")' }],
    ["a file cut short", (x: string) => x.slice(0, x.indexOf("<Shift>D</Shift></Assign></Employee>\n</Roster>") + 4), { code: "malformed", line: 3, message: "<Assign> opened on line 3 is never closed" }],
    ["a second <Roster>", (x: string) => `${x}<Roster></Roster>\n`, { code: "malformed", line: 5, message: 'documents may contain only one root. (got "<Roster>")' }],
    ["an unknown entity", (x: string) => x.replace('ID="B"', 'ID="B&c;"'), { code: "malformed", line: 3, message: 'undefined entity. (got "<Employee ID="B&c;")' }],
    // saxes finds it where the text ends, line 7; the line named is where it starts.
    ["text after </Roster>", (x: string) => `${x}\noops\n`, { code: "malformed", line: 6, message: "text outside the <Roster> element" }],
  ])("names the line of %s", (_, edit, problem) => {
    expect(parseCurtoisRoster(roster((x) => x))).toMatchObject({ ok: true, value: { assignments: [{ employee: "A", day: 0, shift: "D" }, { employee: "B", day: 1, shift: "D" }] } });
    expect(parseCurtoisRoster(roster(edit))).toEqual({ ok: false, problems: [problem] });
  });
});

describe("toRosterXml", () => {
  it("writes every published roster but instance 8's back byte for byte", () => {
    const written = publishedRosters().filter((p) => p.instance !== 8);
    expect(written).toHaveLength(11);
    for (const p of written) {
      const { data, roster } = published(p.instance);
      const xml = toRosterXml(roster.assignments, { employees: data.staff.map((s) => s.id), schedulingPeriodFile: schedulingPeriodFileOf(p.instance) });
      expect(xml, `instance ${p.instance}`).toBe(readFileSync(p.path, "utf8"));
    }
  });

  it("writes instance 8's roster without its <Violations> block, reading back the same assignments", () => {
    const { data, roster } = published(8);
    const again = parseCurtoisRoster(toRosterXml(roster.assignments, { employees: data.staff.map((s) => s.id) }));
    expect(again.ok && again.value.assignments).toEqual(roster.assignments);
  });

  it("escapes ids that XML would misread", () => {
    const xml = toRosterXml([{ employee: "A&B", day: 0, shift: "<N>" }]);
    expect(xml).toContain('<Employee ID="A&amp;B"><Assign><Day>0</Day><Shift>&lt;N&gt;</Shift></Assign></Employee>');
    const again = parseCurtoisRoster(xml);
    expect(again.ok && again.value.assignments).toEqual([{ employee: "A&B", day: 0, shift: "<N>" }]);
  });
});

describe("toRosterGrid", () => {
  it("shows employees down, days across, a dot for a day off", () => {
    const tiny = parseCurtoisInstance(tinyText());
    if (!tiny.ok) throw new Error("tiny instance does not parse");
    const grid = toRosterGrid(tiny.value, [
      { employee: "A", day: 0, shift: "d" },
      { employee: "A", day: 1, shift: "D" },
      { employee: "B", day: 4, shift: "D" },
      { employee: "B", day: 4, shift: "d" },
    ]);
    expect(grid).toMatchInlineSnapshot(`
      "day   0   1   2   3   4   5   6
            M   T   W   T   F   S   S
      A     d   D   .   .   .   .   .
      B     .   .   .   . D+d   .   .
      "
    `);
  });
});
