/**
 * What the CLI writes: --out paths that cannot be written named before any solve (for solve, the FTE report
 * and ics), what a solve leaves in --out (the horizon recorded in schedule.json, no earlier run's schedule
 * after an infeasible one, a file written whole or not at all), a calendar on standard output, and standard
 * output that cannot be written (a full disk) named in one line, never cut off with exit 0.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileComplete } from "../../../src/io.js";
import { writeAll } from "../../../src/cli/stdout.js";
import { capture } from "../../fixtures/cli.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { BASE } from "../../fixtures/world.js";
import { dir, useInputFiles } from "./helpers.js";

useInputFiles();

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
    expect(err).toBe(`rxroster: --out: cannot write ${dir}: is a directory`);
  });

  it("takes the FTE report's --time-limit in seconds as solve does, decimals too, and names a bad one", async () => {
    const input = join(dir, "input.json");
    expect(await capture(["report", "fte", input, "--time-limit", "0.5"])).toMatchObject({ code: 2, err: 'rxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "0.5")' });
    expect(await capture(["report", "fte", input, "--time-limit", "soon"])).toMatchObject({ code: 2, err: 'rxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "soon")' });
    // Plain decimal only, as for solve (audit F8); every bad one named, in the order given.
    expect(await capture(["report", "fte", input, "--time-limit", "0x10", "--max-hires", ""])).toMatchObject({
      code: 2,
      err: 'rxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "0x10")\nrxroster: --max-hires: must be a whole number from 0 to 20 (got "")',
    });
    const { code, out: printed } = await capture(["report", "fte", input, "--max-hires", "0", "--time-limit", "1.5", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(printed).provenance.solves.map((s: { timeLimitSeconds: number }) => s.timeLimitSeconds)).toEqual([1.5]);
  });

  it("exits 2 naming the calendar file that cannot be written", async () => {
    const target = join(dir, "input.json", "ann.ics");
    const { code, err } = await capture(["ics", join(dir, "input.json"), join(dir, "schedule.json"), "--staff", "A", "--out", target]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --out: cannot write ${target}: is a file, not a directory`);
  });

  it("makes the calendar file's missing directory, as check's --html and report's --out do", async () => {
    const target = join(dir, "calendars", "2026", "ann.ics");
    expect(await capture(["ics", join(dir, "input.json"), join(dir, "schedule.json"), "--staff", "A", "--out", target])).toMatchObject({ code: 0, err: "" });
    expect(readFileSync(target, "utf8")).toMatch(/^BEGIN:VCALENDAR\r\n/);
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

  it("keeps the previous run's three files when the third new one cannot be written, where it left new ones beside the old page", async () => {
    const out = join(dir, "set-kept");
    mkdirSync(out, { recursive: true });
    for (const file of ["schedule.json", "schedule.csv", "schedule.html"]) writeFileSync(join(out, file), `the previous run's ${file}`);
    // The page's text cannot be written beside its place (a directory has the name), as on a disk that
    // fills after the first two files.
    const blocker = `schedule.html.${process.pid}.partial`;
    mkdirSync(join(out, blocker));
    const { code, err } = await capture(["solve", join(dir, "input.json"), "--out", out, "--time-limit", "1"]);
    expect([code, err.split("\n").at(-1)]).toEqual([2, `rxroster: ${join(out, "schedule.html")}: is a directory`]);
    for (const file of ["schedule.json", "schedule.csv", "schedule.html"]) expect(readFileSync(join(out, file), "utf8")).toBe(`the previous run's ${file}`);
    expect(readdirSync(out).sort()).toEqual(["schedule.csv", "schedule.html", blocker, "schedule.json"].sort());
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

describe("rxroster ics on standard output", () => {
  it("ends every line with CRLF, the last one too", async () => {
    const { code, out } = await capture(["ics", join(dir, "input.json"), join(dir, "schedule.json"), "--staff", "A"]);
    expect(code).toBe(0);
    // capture joins lines with \n and io.out adds its own: the text handed to it ends with the last CR.
    expect(out.endsWith("END:VCALENDAR\r")).toBe(true);
  });
});

describe("standard output that cannot be written", () => {
  it.skipIf(!existsSync("/dev/full"))("exits 2 with one line on a full disk (/dev/full), not with a stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, ["bin/rxroster.js", "schema"], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect([result.status, result.stderr]).toEqual([2, "rxroster: cannot write the output: no space left on device\n"]);
    } finally {
      closeSync(full);
    }
  });

  it("writes on after a short write and a full non-blocking pipe (EAGAIN), where Node's file stream kept the first 8 KiB", () => {
    const written: string[] = [];
    let calls = 0;
    // 5 bytes a call at most; the second call finds the pipe full.
    const write = (_fd: number, bytes: Uint8Array, offset: number, length: number): number => {
      if (++calls === 2) throw Object.assign(new Error("EAGAIN: resource temporarily unavailable, write"), { code: "EAGAIN" });
      const n = Math.min(5, length);
      written.push(Buffer.from(bytes.subarray(offset, offset + n)).toString());
      return n;
    };
    writeAll(1, "Status: feasible, 12 shifts\n", write);
    expect(written.join("")).toBe("Status: feasible, 12 shifts\n");
    expect(() => writeAll(1, "x", () => { throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }); })).toThrow("ENOSPC");
  });
});
