/**
 * `rxroster check` and `rxroster schema`: a schedule's violations by rule (as text with control characters
 * escaped, or JSON), the demo's hand-made schedule with its deliberate mistakes, and bad input named on one
 * line a problem with exit code 2 (bad fields, malformed YAML or JSON, a key given twice, text not in
 * UTF-8, missing files, unknown options, options of another command).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture } from "../../fixtures/cli.js";
import { BASE } from "../../fixtures/world.js";
import { dir, useInputFiles } from "./helpers.js";

useInputFiles();

describe("rxroster check", () => {
  it("prints the violations of a schedule by rule", async () => {
    const { code, out } = await capture(["check", join(dir, "input.json"), join(dir, "schedule.json")]);
    expect(code).toBe(0);
    expect(out).toContain("BREAKS 1 hard rule");
    expect(out).toContain("rest.min-between-shifts");
    expect(out).toMatch(/Ann rests 7\.5 h between E8 on 2026-03-02 and D8 on 2026-03-03/);
  });

  it("shows control characters of names as escapes, so they neither drive the terminal nor break a table (audit F9)", async () => {
    const input = join(dir, "control-names.json");
    const ann = "Ann\u001b[2J\r\n\tX\u009b\u007f Zoë 日本";
    writeFileSync(input, JSON.stringify({ ...BASE, site: { ...BASE.site, name: "Test\u001b]0;owned\u0007 Pharmacy" }, staff: BASE.staff.map((s) => (s.id === "A" ? { ...s, name: ann } : s)) }));
    const { code, out } = await capture(["check", input, join(dir, "schedule.json")]);
    expect(code).toBe(0);
    // No control character but the LF between lines.
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const shown = "Ann\\u001b[2J\\u000d\\u000a\\u0009X\\u009b\\u007f Zoë 日本";
    expect(out.split("\n")[0]).toBe("Test\\u001b]0;owned\\u0007 Pharmacy — 2026-03-02 to 2026-03-15 (America/Chicago)");
    expect(out).toContain(`  - ${shown} rests 7.5 h between E8`);
    // The hours table keeps one line per person, Ann's name whole on hers.
    const lines = out.split("\n");
    const hours = lines.slice(lines.indexOf("Hours per person") + 1);
    expect(hours).toHaveLength(2 + BASE.staff.length);
    expect(hours.find((l) => l.startsWith("A "))).toContain(shown);
  });

  it("prints JSON with --json", async () => {
    const { code, out } = await capture(["check", join(dir, "input.json"), join(dir, "schedule.json"), "--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.feasible).toBe(false);
    expect(parsed.violations.map((v: { rule: string }) => v.rule)).toContain("rest.min-between-shifts");
  });

  it("exits 2 with one line per problem, naming field and value", async () => {
    const { code, err } = await capture(["check", join(dir, "bad-zone.json"), join(dir, "schedule.json")]);
    expect(code).toBe(2);
    const lines = err.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/bad-zone\.json: site\.timeZone: must be an IANA time zone .*\(got "Nowhere\/Land"\)/);
    expect(lines[1]).toMatch(/bad-zone\.json: staff\[0\]\.fte: .*\(got -1\)/);
  });

  it("exits 2 on a contract minimum above its maximum, naming both figures, before solving", async () => {
    const input = join(dir, "min-over-max.json");
    writeFileSync(input, JSON.stringify({ ...BASE, staff: [{ ...BASE.staff[0], contract: { minMinutesPerHorizon: 1800, maxMinutesPerHorizon: 960 } }] }));
    expect(await capture(["solve", input])).toMatchObject({ code: 2, err: expect.stringMatching(/min-over-max\.json: staff\[0\]\.contract\.minMinutesPerHorizon: must be at most maxMinutesPerHorizon \(960\) \(got 1800\)$/) });
  });

  it("exits 2 on malformed YAML and on a missing file", async () => {
    const bad = await capture(["check", join(dir, "bad.yaml"), join(dir, "schedule.json")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/malformed YAML/);
    const missing = await capture(["check", join(dir, "nope.json"), join(dir, "schedule.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`${join(dir, "nope.json")}: no such file or directory`);
  });

  it("exits 2 on an unknown command or option", async () => {
    expect((await capture(["frobnicate"])).code).toBe(2);
    expect((await capture(["check", "--fast"])).err).toMatch(/Unknown option '--fast'/);
  });

  it("exits 2 naming an option that only another command takes, rather than ignoring it", async () => {
    const out = join(dir, "never-written.txt");
    const check = await capture(["check", join(dir, "input.json"), join(dir, "schedule.json"), "--out", out]);
    expect(check.code).toBe(2);
    expect(check.err.split("\n")[0]).toBe("rxroster: check takes no --out (its options: --history-from, --json, --html)");
    expect(existsSync(out)).toBe(false);
    expect((await capture(["ics", join(dir, "input.json"), join(dir, "schedule.json"), "--staff", "A", "--time-limit", "5"])).err).toMatch(/^rxroster: ics takes no --time-limit/);
  });
});

describe("rxroster schema", () => {
  it("prints a JSON Schema of the input", async () => {
    const { code, out } = await capture(["schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(["site", "horizon", "staff", "shiftTemplates"]));
    expect(schema.properties.staff.items.properties.overtimeRule.enum).toEqual(["weekly40", "8/80"]);
  });
});

describe("rxroster check on the demo department", () => {
  it("names each deliberate mistake of the hand-made schedule", async () => {
    const { code, out } = await capture(["check", "data/demo/department.yaml", "data/demo/schedule-handmade.json"]);
    expect(code).toBe(0);
    expect(out).toContain("Riverside General Hospital");
    for (const rule of ["leave.approved", "rest.min-between-shifts", "days.max-consecutive", "shift.eligibility", "requests.day-off"]) expect(out).toContain(rule);
    expect(out).toMatch(/Status: BREAKS \d+ hard rule/);
    expect(out).toMatch(/Jordan Ellis/); // the Technician I in the IV room without the sterile skill
  });
});

describe("input files", () => {
  it("reads UTF-8 with a byte-order mark, and names UTF-16 or Latin-1 text as not UTF-8, on one line", async () => {
    writeFileSync(join(dir, "bom.json"), "\ufeff" + JSON.stringify(BASE));
    expect((await capture(["check", join(dir, "bom.json"), join(dir, "schedule.json")])).code).toBe(0);
    writeFileSync(join(dir, "utf16.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("site: x\n", "utf16le")]));
    expect(await capture(["check", join(dir, "utf16.yaml"), join(dir, "schedule.json")])).toMatchObject({ code: 2, err: `${join(dir, "utf16.yaml")}: is UTF-16 text; save it as UTF-8` });
    writeFileSync(join(dir, "latin1.yaml"), Buffer.from("name: Jos\xe9\n", "latin1"));
    expect((await capture(["check", join(dir, "latin1.yaml"), join(dir, "schedule.json")])).err).toMatch(/is not UTF-8 text/);
    writeFileSync(join(dir, "broken.json"), '{"site":\n"x" "y"}');
    const broken = await capture(["check", join(dir, "broken.json"), join(dir, "schedule.json")]);
    expect(broken.code).toBe(2);
    expect(broken.err.split("\n")).toHaveLength(1);
  });

  it("names a key given twice in one JSON object, which JSON.parse would settle silently for the last", async () => {
    writeFileSync(join(dir, "twice.json"), '{"assignments": [{"staff": "A", "date": "2026-03-02", "template": "N8",\n "template": "E8"}]}');
    const { code, err } = await capture(["check", join(dir, "input.json"), join(dir, "twice.json")]);
    expect(code).toBe(2);
    expect(err).toBe(`${join(dir, "twice.json")}: malformed JSON: the key "template" appears twice in one object (at line 2, column 2)`);
  });

  it("shows NaN and infinite values as themselves, not as null", async () => {
    writeFileSync(join(dir, "nan.yaml"), `${JSON.stringify({ ...BASE, staff: [] }).slice(0, -1)}}`.replace('"staff":[]', '"staff":[{"id":"A","name":"Ann","level":"rph","fte":.inf,"hourlyRate":.nan}]'));
    const { code, err } = await capture(["check", join(dir, "nan.yaml"), join(dir, "schedule.json")]);
    expect(code).toBe(2);
    expect(err).toMatch(/staff\[0\]\.hourlyRate: .*\(got NaN\)/);
  });
});
