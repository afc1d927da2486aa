/**
 * `rxroster solve`'s options: a bad --time-limit, --gap or --engine named, every one on a line of its own,
 * in plain decimal only, before solving; and --from, whose locked assignments the solve keeps and writes
 * locked again, naming the file's bad staff ids and the locks that break a hard rule, alone or together.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture } from "../../fixtures/cli.js";
import { onLeave, smallWorld } from "../../fixtures/small-world.js";
import { dir, useInputFiles } from "./helpers.js";

useInputFiles();

describe("rxroster solve flags", () => {
  it("exits 2 naming a bad --time-limit, --gap or --engine, before solving", async () => {
    const input = join(dir, "input.json");
    expect(await capture(["solve", input, "--time-limit", "soon"])).toMatchObject({ code: 2, err: expect.stringMatching(/--time-limit: must be a number from 1 to 86400 \(got "soon"\)/) });
    expect(await capture(["solve", input, "--gap", "2"])).toMatchObject({ code: 2, err: expect.stringMatching(/--gap: must be a number from 0 to 1 \(got "2"\)/) });
    expect(await capture(["solve", input, "--engine", "cplex"])).toMatchObject({ code: 2, err: expect.stringMatching(/--engine: must be highs or jslp \(got "cplex"\)/) });
  });

  it("takes numbers in plain decimal only: an empty --gap is not 0, nor 0x10 sixteen seconds (audit F8)", async () => {
    const input = join(dir, "input.json");
    const problems = async (...flags: string[]) => {
      const { code, err } = await capture(["solve", input, ...flags]);
      return { code, lines: err.split("\n").filter((l) => l.startsWith("rxroster: ")) };
    };
    expect(await problems("--gap", "")).toEqual({ code: 2, lines: ['rxroster: --gap: must be a number from 0 to 1 (got "")'] });
    expect(await problems("--gap", " ")).toEqual({ code: 2, lines: ['rxroster: --gap: must be a number from 0 to 1 (got " ")'] });
    for (const raw of ["0x10", "1e2", "+5", "Infinity"]) expect(await problems("--time-limit", raw)).toEqual({ code: 2, lines: [`rxroster: --time-limit: must be a number from 1 to 86400 (got "${raw}")`] });
  });

  it("names every bad option on a line of its own, not only the first (audit F8)", async () => {
    const input = join(dir, "input.json");
    const { code, err } = await capture(["solve", input, "--time-limit", "abc", "--gap", "5", "--engine", "foo", "--staff", "A"]);
    expect(code).toBe(2);
    expect(err.split("\n").filter((l) => l.startsWith("rxroster: "))).toEqual([
      "rxroster: solve takes no --staff (its options: --out, --from, --history-from, --time-limit, --gap, --engine, --json)",
      'rxroster: --time-limit: must be a number from 1 to 86400 (got "abc")',
      'rxroster: --gap: must be a number from 0 to 1 (got "5")',
      'rxroster: --engine: must be highs or jslp (got "foo")',
    ]);
    const unknown = await capture(["solve", input, "--bogus", "--other=3"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err.split("\n").filter((l) => l.startsWith("rxroster: "))).toEqual(["rxroster: Unknown option '--bogus'", "rxroster: Unknown option '--other'"]);
  });

  it("gives a negative --time-limit the range message on one line, not parseArgs' three (audit F8)", async () => {
    const { code, err } = await capture(["solve", join(dir, "input.json"), "--time-limit", "-1"]);
    expect(code).toBe(2);
    expect(err.split("\n")[0]).toBe('rxroster: --time-limit: must be a number from 1 to 86400 (got "-1")');
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
