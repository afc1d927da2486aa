import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSolveSummary, progressPrinter } from "../../src/cli/format.js";
import { run } from "../../src/cli/main.js";
import { capture } from "../fixtures/cli.js";
import { writeFileComplete } from "../../src/io.js";
import { openStore } from "../../src/store/store.js";
import { BASE, world } from "../fixtures/world.js";
import { onLeave, smallWorld } from "../fixtures/small-world.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-cli-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
  writeFileSync(join(dir, "schedule.json"), JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-02", template: "E8" }, { staff: "A", date: "2026-03-03", template: "D8" }] }));
  writeFileSync(join(dir, "bad.yaml"), "site: [unclosed\n  - x: :");
  writeFileSync(join(dir, "bad-zone.json"), JSON.stringify({ ...BASE, site: { ...BASE.site, timeZone: "Nowhere/Land" }, staff: [{ ...BASE.staff[0], fte: -1 }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    expect(check.err.split("\n")[0]).toBe("rxroster: check takes no --out (its options: --json, --html)");
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

describe("the installed command", () => {
  // Runs the build that `npm test` makes before vitest starts.
  it("reports bad input without a stack trace", () => {
    const result = spawnSync("node", ["bin/rxroster.js", "check", join(dir, "bad.yaml"), join(dir, "schedule.json")], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/malformed YAML/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
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

describe("rxroster solve flags", () => {
  it("exits 2 naming a bad --time-limit, --gap or --engine, before solving", async () => {
    const input = join(dir, "input.json");
    expect(await capture(["solve", input, "--time-limit", "soon"])).toMatchObject({ code: 2, err: expect.stringMatching(/--time-limit must be a number from 1 to 86400 \(got "soon"\)/) });
    expect(await capture(["solve", input, "--gap", "2"])).toMatchObject({ code: 2, err: expect.stringMatching(/--gap must be a number from 0 to 1 \(got "2"\)/) });
    expect(await capture(["solve", input, "--engine", "cplex"])).toMatchObject({ code: 2, err: expect.stringMatching(/--engine must be highs or jslp \(got "cplex"\)/) });
  });

  it("takes numbers in plain decimal only: an empty --gap is not 0, nor 0x10 sixteen seconds (audit F8)", async () => {
    const input = join(dir, "input.json");
    const problems = async (...flags: string[]) => {
      const { code, err } = await capture(["solve", input, ...flags]);
      return { code, lines: err.split("\n").filter((l) => l.startsWith("rxroster: ")) };
    };
    expect(await problems("--gap", "")).toEqual({ code: 2, lines: ['rxroster: --gap must be a number from 0 to 1 (got "")'] });
    expect(await problems("--gap", " ")).toEqual({ code: 2, lines: ['rxroster: --gap must be a number from 0 to 1 (got " ")'] });
    for (const raw of ["0x10", "1e2", "+5", "Infinity"]) expect(await problems("--time-limit", raw)).toEqual({ code: 2, lines: [`rxroster: --time-limit must be a number from 1 to 86400 (got "${raw}")`] });
  });

  it("names every bad option on a line of its own, not only the first (audit F8)", async () => {
    const input = join(dir, "input.json");
    const { code, err } = await capture(["solve", input, "--time-limit", "abc", "--gap", "5", "--engine", "foo", "--staff", "A"]);
    expect(code).toBe(2);
    expect(err.split("\n").filter((l) => l.startsWith("rxroster: "))).toEqual([
      "rxroster: solve takes no --staff (its options: --out, --from, --time-limit, --gap, --engine, --json)",
      'rxroster: --time-limit must be a number from 1 to 86400 (got "abc")',
      'rxroster: --gap must be a number from 0 to 1 (got "5")',
      'rxroster: --engine must be highs or jslp (got "foo")',
    ]);
    const unknown = await capture(["solve", input, "--bogus", "--other=3"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err.split("\n").filter((l) => l.startsWith("rxroster: "))).toEqual(["rxroster: Unknown option '--bogus'", "rxroster: Unknown option '--other'"]);
  });

  it("gives a negative --time-limit the range message on one line, not parseArgs' three (audit F8)", async () => {
    const { code, err } = await capture(["solve", join(dir, "input.json"), "--time-limit", "-1"]);
    expect(code).toBe(2);
    expect(err.split("\n")[0]).toBe('rxroster: --time-limit must be a number from 1 to 86400 (got "-1")');
    expect(err.split("\n")[1]).toMatch(/^usage: /);
    // Any other dash-led value parseArgs finds ambiguous is said on one line too.
    const ambiguous = await capture(["solve", join(dir, "input.json"), "--out", "-x"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err.split("\n")[0]).toMatch(/^rxroster: Option '--out' argument is ambiguous\. Did you forget/);
    expect(ambiguous.err.split("\n")[1]).toMatch(/^usage: /);
  });

  it("exits 2 naming the field of a bad input file", async () => {
    const { code, err } = await capture(["solve", join(dir, "bad-zone.json")]);
    expect(code).toBe(2);
    expect(err).toMatch(/site\.timeZone/);
  });
});

describe("output paths that cannot be written", () => {
  it("exits 2 naming --out before solving when a file stands in the way", async () => {
    const file = join(dir, "input.json");
    const { code, err } = await capture(["solve", file, "--out", join(file, "out")]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --out: cannot write to ${join(file, "out")}: a part of the path is a file, not a directory`);
    expect(await capture(["solve", file, "--out", file])).toMatchObject({ code: 2, err: `rxroster: --out: cannot write to ${file}: is a file, not a directory` });
  });

  it("exits 2 naming --out and --data-dir under /proc, where Node's own recursive mkdir never returns", () => {
    // Run as a process with a deadline: the old mkdir spun in a synchronous loop no test timeout ends.
    const file = join(dir, "input.json");
    const solve = spawnSync(process.execPath, ["bin/rxroster.js", "solve", file, "--out", "/proc/rxroster-test/out"], { encoding: "utf8", timeout: 30_000 });
    expect([solve.status, solve.stderr.trim()]).toEqual([2, "rxroster: --out: cannot write to /proc/rxroster-test/out: no such file or directory"]);
    const serve = spawnSync(process.execPath, ["bin/rxroster.js", "serve", "--data-dir", "/proc/rxroster-test", "--port", "0"], { encoding: "utf8", timeout: 30_000 });
    expect([serve.status, serve.stderr.trim()]).toEqual([2, "rxroster serve: --data-dir: /proc/rxroster-test/server.lock: no such file or directory"]);
  });

  it("exits 2 naming --out of the FTE report before its solves", async () => {
    const { code, err } = await capture(["report", "fte", join(dir, "input.json"), "--out", dir]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --out: cannot write to ${dir}: is a directory`);
  });

  it("takes the FTE report's --time-limit in seconds as solve does, decimals too, and names a bad one", async () => {
    const input = join(dir, "input.json");
    expect(await capture(["report", "fte", input, "--time-limit", "0.5"])).toMatchObject({ code: 2, err: 'rxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "0.5")' });
    expect(await capture(["report", "fte", input, "--time-limit", "soon"])).toMatchObject({ code: 2, err: 'rxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "soon")' });
    // Plain decimal only, as for solve (audit F8); every bad one named.
    expect(await capture(["report", "fte", input, "--time-limit", "0x10", "--max-hires", ""])).toMatchObject({
      code: 2,
      err: 'rxroster: --max-hires: must be a whole number from 0 to 20 (got "")\nrxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "0x10")',
    });
    const { code, out: printed } = await capture(["report", "fte", input, "--max-hires", "0", "--time-limit", "1.5", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(printed).provenance.solves.map((s: { timeLimitSeconds: number }) => s.timeLimitSeconds)).toEqual([1.5]);
  });

  it("exits 2 naming the calendar file that cannot be written", async () => {
    const target = join(dir, "input.json", "ann.ics");
    const { code, err } = await capture(["ics", join(dir, "input.json"), join(dir, "schedule.json"), "--staff", "A", "--out", target]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: ${target}: a part of the path is a file, not a directory`);
  });
});

describe("what a solve leaves in --out", () => {
  it("exits 2 before solving when schedule.csv would be a directory", async () => {
    const out = join(dir, "csv-is-a-dir");
    mkdirSync(join(out, "schedule.csv"), { recursive: true });
    const { code, err } = await capture(["solve", join(dir, "input.json"), "--out", out, "--time-limit", "1"]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --out: cannot write ${join(out, "schedule.csv")}: is a directory`);
    expect(existsSync(join(out, "schedule.json"))).toBe(false);
  });

  it("exits 3 when no schedule keeps the hard rules, and leaves no earlier run's schedule behind", async () => {
    const out = join(dir, "no-schedule");
    mkdirSync(out, { recursive: true });
    for (const file of ["schedule.json", "schedule.csv"]) writeFileSync(join(out, file), "an earlier run's");
    // Ben is on leave all horizon but his contract asks 40 hours of him.
    const impossible = { ...BASE, staff: BASE.staff.map((s) => (s.id === "B" ? { ...s, leave: [{ start: "2026-03-01", end: "2026-03-31" }], contract: { minMinutesPerHorizon: 2400 } } : s)) };
    writeFileSync(join(dir, "impossible.json"), JSON.stringify(impossible));
    const { code, out: printed } = await capture(["solve", join(dir, "impossible.json"), "--out", out, "--time-limit", "20"]);
    expect(code).toBe(3);
    expect(printed).toMatch(/infeasible/);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it("records in schedule.json the horizon the schedule was planned for, and check and ics read the file as before (repair-cli)", async () => {
    const input = join(dir, "recorded.json");
    writeFileSync(input, JSON.stringify(smallWorld(2, { floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00" }] })));
    const out = join(dir, "recorded-out");
    expect((await capture(["solve", input, "--out", out, "--time-limit", "5"])).code).toBe(0);
    const written = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    expect(Object.keys(written)).toEqual(["horizon", "assignments"]);
    expect(written.horizon).toEqual({ start: "2026-03-02", end: "2026-03-03" });
    expect(written.assignments.length).toBeGreaterThan(0);
    expect((await capture(["check", input, join(out, "schedule.json")])).code).toBe(0);
    expect((await capture(["ics", input, join(out, "schedule.json"), "--staff", written.assignments[0].staff])).code).toBe(0);
  });

  it("writes a file whole or not at all: a failed write keeps the old file and leaves no part behind", () => {
    const target = join(dir, "kept.txt");
    writeFileSync(target, "old");
    writeFileComplete(target, "new");
    expect(readFileSync(target, "utf8")).toBe("new");
    // Renaming onto a directory fails after the text is written beside it.
    const blocked = join(dir, "blocked");
    mkdirSync(join(blocked, "inner"), { recursive: true });
    expect(() => writeFileComplete(blocked, "text")).toThrow(expect.objectContaining({ path: blocked }));
    expect(readdirSync(dir).filter((f) => f.includes(".partial"))).toEqual([]);
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

describe("rxroster ics on standard output", () => {
  it("ends every line with CRLF, the last one too", async () => {
    const { code, out } = await capture(["ics", join(dir, "input.json"), join(dir, "schedule.json"), "--staff", "A"]);
    expect(code).toBe(0);
    // capture joins lines with \n and io.out adds its own: the text handed to it ends with the last CR.
    expect(out.endsWith("END:VCALENDAR\r")).toBe(true);
  });
});

describe("rxroster solve --from", () => {
  it("keeps the previous schedule's locked assignments, and writes them locked again", async () => {
    const input = join(dir, "two-days.json");
    writeFileSync(input, JSON.stringify(smallWorld(2)));
    const from = join(dir, "previous.json");
    writeFileSync(from, JSON.stringify({ assignments: [{ staff: "B", date: "2026-03-03", template: "N8", locked: true }, { staff: "A", date: "2026-03-02", template: "D8" }] }));
    const out = join(dir, "from-out");
    const { code } = await capture(["solve", input, "--from", from, "--out", out, "--time-limit", "5"]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    expect(written.assignments).toContainEqual({ staff: "B", date: "2026-03-03", template: "N8", locked: true });
  });

  it("exits 2 naming the --from file when it names nobody, or locks what a hard rule forbids", async () => {
    const input = join(dir, "two-days-leave.json");
    writeFileSync(input, JSON.stringify(onLeave(smallWorld(2), "B")));
    const from = join(dir, "previous-bad.json");
    writeFileSync(from, JSON.stringify({ assignments: [{ staff: "Z", date: "2026-03-03", template: "N8" }] }));
    expect(await capture(["solve", input, "--from", from, "--out", join(dir, "never")])).toMatchObject({ code: 2, err: `${from}: assignments[0].staff: unknown staff id (got "Z")` });
    writeFileSync(from, JSON.stringify({ assignments: [{ staff: "B", date: "2026-03-03", template: "N8", locked: true }] }));
    const locked = await capture(["solve", input, "--from", from, "--out", join(dir, "never")]);
    expect(locked.code).toBe(2);
    // Named as the file has it, with the rule it breaks (audit F6).
    expect(locked.err.split("\n").at(-1)).toMatch(/^.*: assignments\[0\]: locked, but breaks the hard rule leave\.approved: Ben is on approved leave .* works Night \(N8\) on 2026-03-03$/);
    expect(locked.err.split("\n").at(-1)!.startsWith(`${from}: `)).toBe(true);
  });

  it("exits 2 naming every lock of locks that break a hard rule only together, before solving (audit F6)", async () => {
    const input = join(dir, "two-days.json");
    writeFileSync(input, JSON.stringify(smallWorld(2)));
    const from = join(dir, "previous-joint.json");
    // Ben's locked night ends at 07:00 on 03-03, when his locked day shift starts: no rest at all.
    writeFileSync(from, JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }, { staff: "B", date: "2026-03-02", template: "N8", locked: true }, { staff: "B", date: "2026-03-03", template: "D8", locked: true }] }));
    const out = join(dir, "never-joint");
    const { code, err } = await capture(["solve", input, "--from", from, "--out", out]);
    expect(code).toBe(2);
    expect(err.split("\n").filter((l) => !l.startsWith("solving"))).toEqual([
      `${from}: assignments[1], assignments[2]: locked together, they break the hard rule rest.min-between-shifts: Ben rests 0.0 h between N8 on 2026-03-02 and D8 on 2026-03-03 (at least 10.0 h)`,
    ]);
    expect(existsSync(join(out, "schedule.json"))).toBe(false);
  });

  it("exits 2 with one line naming a --from file that is not there, before solving", async () => {
    const input = join(dir, "two-days.json");
    writeFileSync(input, JSON.stringify(smallWorld(2)));
    const missing = join(dir, "no-previous.json");
    expect(await capture(["solve", input, "--from", missing, "--out", join(dir, "never")])).toMatchObject({ code: 2, err: `${missing}: no such file or directory` });
  });
});

describe("rxroster repair", () => {
  // One pharmacist on the central day shift, three days; Ann had all three, and calls out on Tuesday.
  const floor = { area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00" };
  const published = { assignments: ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ staff: "A", date, template: "D8" })) };
  const files = (name: string, input: object): { input: string; schedule: string; out: string } => {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(input));
    writeFileSync(join(dir, `${name}-published.json`), JSON.stringify(published));
    return { input: join(dir, `${name}.json`), schedule: join(dir, `${name}-published.json`), out: join(dir, `${name}-out`) };
  };

  it("fills a call-out with one change beside the forced one, keeping everyone else's shifts", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    const f = files("callout", calledOut);
    const { code, out } = await capture(["repair", f.input, f.schedule, "--out", f.out, "--time-limit", "5"]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(f.out, "schedule.json"), "utf8")).assignments.map((x: { staff: string; date: string }) => `${x.staff} ${x.date}`).sort((p: string, q: string) => p.slice(2).localeCompare(q.slice(2)));
    expect(written).toEqual(["A 2026-03-02", "B 2026-03-03", "A 2026-03-04"]);
    expect(out).toMatch(/repair\.changes\s+soft\s+2\s/);
    expect(out).toContain("Ann no longer works D8 on 2026-03-03, as the reference schedule had it");
  });

  it("changes only the dates from --change-from until --change-until: nobody added or taken off on the others", async () => {
    // Nobody works in the reference, and a floor asks for a pharmacist each day: only Tuesday may change.
    writeFileSync(join(dir, "frozen.json"), JSON.stringify(smallWorld(3, { floors: [floor] })));
    writeFileSync(join(dir, "frozen-published.json"), JSON.stringify({ assignments: [] }));
    const out = join(dir, "frozen-out");
    const { code } = await capture(["repair", join(dir, "frozen.json"), join(dir, "frozen-published.json"), "--change-from", "2026-03-03", "--change-until", "2026-03-03", "--out", out, "--time-limit", "5"]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")).assignments;
    expect(written.map((x: { date: string }) => x.date)).toEqual(["2026-03-03"]);
  });

  it("writes the dates outside the window with the schedule's own locks, so a second call-out's repair may change them", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    const input = join(dir, "twice.json");
    const schedule = join(dir, "twice-published.json");
    writeFileSync(input, JSON.stringify(calledOut));
    // Ann's Monday is the manager's lock; her Wednesday is kept by the window alone.
    writeFileSync(schedule, JSON.stringify({ assignments: published.assignments.map((x) => ({ ...x, locked: x.date === "2026-03-02" })) }));
    const first = join(dir, "twice-out");
    expect((await capture(["repair", input, schedule, "--change-from", "2026-03-03", "--change-until", "2026-03-03", "--out", first, "--time-limit", "5"])).code).toBe(0);
    const locks = (file: string) => JSON.parse(readFileSync(file, "utf8")).assignments.filter((x: { locked: boolean }) => x.locked).map((x: { staff: string; date: string }) => `${x.staff} ${x.date}`);
    expect(locks(join(first, "schedule.json"))).toEqual(["A 2026-03-02"]);
    expect(readFileSync(join(first, "schedule.csv"), "utf8").match(/,yes\r?$/gm)).toHaveLength(1);
    // Ann calls out on Wednesday too: the first repair's schedule is the second's, Wednesday its window.
    calledOut.staff[0]!.leave.push({ start: "2026-03-04", end: "2026-03-04", reason: "sick" });
    writeFileSync(input, JSON.stringify(calledOut));
    const second = join(dir, "twice-out2");
    const again = await capture(["repair", input, join(first, "schedule.json"), "--change-from", "2026-03-04", "--out", second, "--time-limit", "5"]);
    expect(again.err).not.toMatch(/locked/);
    expect(again.code).toBe(0);
    const written = JSON.parse(readFileSync(join(second, "schedule.json"), "utf8")).assignments.map((x: { staff: string; date: string }) => `${x.staff} ${x.date}`).sort((p: string, q: string) => p.slice(2).localeCompare(q.slice(2)));
    expect(written).toEqual(["A 2026-03-02", "B 2026-03-03", "B 2026-03-04"]);
  });

  it("says of a shift the window kept, which the schedule did not lock, that widening the window lets it change", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-02", end: "2026-03-02", reason: "sick" }];
    const f = files("callout-kept", calledOut);
    const { code, err } = await capture(["repair", f.input, f.schedule, "--change-from", "2026-03-03", "--out", f.out]);
    expect(code).toBe(2);
    expect(err).toMatch(/^.*: assignments\[0\]: locked, but breaks the hard rule leave\.approved: .*\(not locked in the schedule, but outside the dates the repair may change, 2026-03-03…2026-03-04, so kept as it was: widen them to let it change\)$/);
  });

  describe("dates outside the window that the schedule never covered (the horizon grew since it was made; repair-cli)", () => {
    // Ann's three days were planned for 2–4 March; the horizon has since grown to Thursday 5 March, and she calls out on Tuesday.
    const grown = smallWorld(4, { floors: [floor] });
    grown.staff[0]!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    const tuesday = ["--change-from", "2026-03-03", "--change-until", "2026-03-03", "--time-limit", "5"];
    const grownFiles = (name: string, schedule: object): { input: string; schedule: string; out: string } => {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(grown));
      writeFileSync(join(dir, `${name}-published.json`), JSON.stringify(schedule));
      return { input: join(dir, `${name}.json`), schedule: join(dir, `${name}-published.json`), out: join(dir, `${name}-out`) };
    };

    it("warns of them by the horizon the schedule records, as a repair job does, and still writes the repair with those dates empty", async () => {
      const f = grownFiles("grown", { horizon: { start: "2026-03-02", end: "2026-03-04" }, ...published });
      const { code, out } = await capture(["repair", f.input, f.schedule, ...tuesday, "--out", f.out]);
      expect(code).toBe(0);
      expect(out.split("\n").filter((l) => l.startsWith("Warning: "))).toEqual([
        `Warning: 2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule ${f.schedule} never covered it ` +
          "(it was planned for 2026-03-02…2026-03-04), so nobody works that date: the window must include 2026-03-05 (--change-until) to plan it",
      ]);
      const written = JSON.parse(readFileSync(join(f.out, "schedule.json"), "utf8"));
      expect(written.horizon).toEqual({ start: "2026-03-02", end: "2026-03-05" });
      expect(written.assignments.filter((x: { date: string }) => x.date === "2026-03-05")).toEqual([]);
    });

    it("takes the dates of its shifts for a schedule that records no horizon, and says so; a recorded horizon is believed over them", async () => {
      const old = grownFiles("grown-old", published);
      const { code, out } = await capture(["repair", old.input, old.schedule, ...tuesday, "--out", old.out, "--json"]);
      expect(code).toBe(0);
      expect(JSON.parse(out).warnings).toEqual([
        `2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule ${old.schedule} never covered it ` +
          "(its shifts run 2026-03-02…2026-03-04; its horizon was not recorded), so nobody works that date: the window must include 2026-03-05 (--change-until) to plan it",
      ]);
      // Planned for Thursday too, with nobody on it: nothing to warn of.
      const planned = grownFiles("grown-planned", { horizon: { start: "2026-03-02", end: "2026-03-05" }, ...published });
      const again = await capture(["repair", planned.input, planned.schedule, ...tuesday, "--out", planned.out, "--json"]);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out).warnings).toBeUndefined();
    });

    it("exits 2 with one line naming a malformed horizon in the schedule, before solving", async () => {
      const reversed = grownFiles("grown-reversed", { horizon: { start: "2026-03-04", end: "2026-03-02" }, ...published });
      expect(await capture(["repair", reversed.input, reversed.schedule, ...tuesday, "--out", reversed.out])).toEqual({
        code: 2,
        out: "",
        err: `${reversed.schedule}: horizon.end: must not be before horizon.start (2026-03-04) (got "2026-03-02")`,
      });
      const short = grownFiles("grown-short", { horizon: { start: "2026-03-02", end: "2026-03-03" }, ...published });
      expect(await capture(["repair", short.input, short.schedule, ...tuesday, "--out", short.out])).toEqual({
        code: 2,
        out: "",
        err: `${short.schedule}: horizon: must take in the dates of the schedule's assignments (assignments[2] is on 2026-03-04, outside 2026-03-02…2026-03-03)`,
      });
      expect(existsSync(reversed.out)).toBe(false);
    });
  });

  it("exits 2 naming a bad --change-from, a date outside the horizon, and a lock the call-out breaks", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-02", end: "2026-03-02", reason: "sick" }];
    const f = files("callout-bad", calledOut);
    const bad = await capture(["repair", f.input, f.schedule, "--change-from", "tuesday"]);
    expect(bad.code).toBe(2);
    expect(bad.err.split("\n")[0]).toBe('rxroster: --change-from must be a date YYYY-MM-DD (got "tuesday")');
    expect(await capture(["repair", f.input, f.schedule, "--change-from", "2026-04-01", "--out", f.out])).toMatchObject({ code: 2, err: 'rxroster: --change-from: must be within the horizon 2026-03-02…2026-03-04 (got "2026-04-01")' });
    expect(await capture(["repair", f.input, f.schedule, "--change-from", "2026-03-04", "--change-until", "2026-03-03", "--out", f.out])).toMatchObject({ code: 2, err: 'rxroster: --change-until: must not be before --change-from (2026-03-04) (got "2026-03-03")' });
    // Monday is kept as it was, yet Ann is on leave that day.
    const locked = await capture(["repair", f.input, f.schedule, "--change-from", "2026-03-03", "--out", f.out]);
    expect(locked.code).toBe(2);
    expect(locked.err).toMatch(/: assignments\[0\]: locked, but breaks the hard rule leave\.approved/);
    expect((await capture(["repair", f.input, "--out", f.out])).err.split("\n")[0]).toBe("rxroster: repair takes 2 file argument(s), got 1");
  });
});

describe("a data directory that is not a store", () => {
  it("exits 2 naming --data-dir and the file, not as an internal error", async () => {
    const data = join(dir, "not-a-store");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "rxroster.db"), "a spreadsheet someone saved here, not a database");
    const { code, err } = await capture(["token", "list", "--data-dir", data]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --data-dir: ${join(data, "rxroster.db")}: cannot be opened as the store's SQLite database (file is not a database)`);
  });

  it("exits 2 for another program's SQLite file, or a store made by a newer RxRoster, and leaves either as it was", async () => {
    const other = join(dir, "other-program");
    mkdirSync(other, { recursive: true });
    const foreign = new Database(join(other, "rxroster.db"));
    foreign.exec("CREATE TABLE tokens (mine TEXT); INSERT INTO tokens VALUES ('kept')");
    foreign.close();
    const first = await capture(["token", "list", "--data-dir", other]);
    expect(first).toMatchObject({ code: 2, err: `rxroster: --data-dir: ${join(other, "rxroster.db")}: cannot be used as the store (table tokens already exists)` });
    const reopened = new Database(join(other, "rxroster.db"));
    expect(reopened.prepare("SELECT mine FROM tokens").all()).toEqual([{ mine: "kept" }]);
    reopened.close();

    const newer = join(dir, "newer-store");
    openStore(newer).close();
    const db = new Database(join(newer, "rxroster.db"));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '')").run();
    db.close();
    const second = await capture(["token", "list", "--data-dir", newer]);
    expect(second).toMatchObject({ code: 2, err: expect.stringContaining("cannot be used as the store (it was made by a newer RxRoster (schema version 99; this one knows up to") });
  });
});

describe("a fault of ours", () => {
  it("exits 1 with one line and a hint, no stack trace", async () => {
    const err: string[] = [];
    const code = await run(["schema"], { out: () => { throw new Error("stdout closed"); }, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err).toEqual(["rxroster: internal error: stdout closed", "rxroster: run again with RXROSTER_DEBUG=1 to print where it happened, and report it"]);
  });
});

describe("rxroster solve summary", () => {
  it("prints each warning of the solve under its status", () => {
    const warnings = ["2 of the search's solves failed and were left out, the first: boom"];
    const out = formatSolveSummary(world(), { status: "timedout", engine: "highs", seconds: 3, model: { columns: 1, rows: 1, nonzeros: 1 }, warnings }, "out");
    expect(out.split("\n").slice(1, 3)).toEqual(["Status: timedout, 3.0 s", `Warning: ${warnings[0]}`]);
  });

  it("shows control characters in the conflicts of an infeasible solve as escapes", () => {
    const conflicts = [{ rules: ["leave.approved" as const], locked: false, history: false, subjects: { staff: "A" }, sides: ["approved leave"], message: "Ann\u001b[2J\nX is on leave", proven: true }];
    const out = formatSolveSummary(world(), { status: "infeasible", engine: "highs", seconds: 1, model: { columns: 1, rows: 1, nonzeros: 1 }, conflicts, conflictsComplete: true }, "out");
    expect(out.split("\n").at(-1)).toBe("  - Ann\\u001b[2J\\u000aX is on leave [leave.approved]");
  });
});

describe("solve progress lines", () => {
  it("prints a line as each step of an infeasible solve's conflict search begins, and within a step as often as the solve's", () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    print({ elapsedSeconds: 4.3 });
    print({ elapsedSeconds: 15.1, conflictSearch: { step: "people", done: 0, of: 56 } });
    print({ elapsedSeconds: 15.4, conflictSearch: { step: "people", done: 1, of: 56 } });
    print({ elapsedSeconds: 20.2, conflictSearch: { step: "people", done: 40, of: 56 } });
    print({ elapsedSeconds: 21.0, conflictSearch: { step: "narrowing", done: 0, of: 12 } });
    print({ elapsedSeconds: 21.5, conflictSearch: { step: "narrowing", done: 1, of: 12 } });
    print({ elapsedSeconds: 24.9, conflictSearch: { step: "department", done: 0, of: 1 } });
    expect(lines).toEqual([
      "  4.3 s  incumbent -  bound -  gap -",
      "  15.1 s  no schedule keeps every hard rule; checking each person's rules alone: 0 of 56 people checked",
      "  20.2 s  no schedule keeps every hard rule; checking each person's rules alone: 40 of 56 people checked",
      "  21.0 s  narrowing the conflicting rules: 0 of 12 people who cannot be scheduled done",
      "  24.9 s  looking at the department-wide rules (budget caps, staffing lines, fairness) over everyone else",
    ]);
  });

  it("prints the first schedule and the first bound at once, then one line once 5 s of the solve have passed since the last", () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    print({ elapsedSeconds: 0.3 });
    print({ elapsedSeconds: 0.6, incumbent: 4908491.25 });
    print({ elapsedSeconds: 1.2, incumbent: 4665446 });
    print({ elapsedSeconds: 5.5, incumbent: 3702631 });
    print({ elapsedSeconds: 5.7, incumbent: 3688545 });
    print({ elapsedSeconds: 18.7, incumbent: 972820, bound: 727222, gap: 0.2525 });
    print({ elapsedSeconds: 19.0, incumbent: 950402, bound: 727222, gap: 0.2348 });
    print({ elapsedSeconds: 23.7, incumbent: 929538, bound: 727222, gap: 0.2177 });
    print({ elapsedSeconds: 23.8, incumbent: 925994, bound: 727222, gap: 0.2147 });
    expect(lines).toEqual([
      "  0.3 s  incumbent -  bound -  gap -",
      "  0.6 s  incumbent 4,908,491.25  bound -  gap -",
      "  5.7 s  incumbent 3,688,545.00  bound -  gap -",
      "  18.7 s  incumbent 972,820.00  bound 727,222.00  gap 25.25 %",
      "  23.7 s  incumbent 929,538.00  bound 727,222.00  gap 21.77 %",
    ]);
  });
});
