/**
 * `bench:curtois` on bad instance files: every file is read before anything is solved, so these cost no
 * solving time. Each must end in one line naming the file, the line or section and the problem, exit 2.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TINY_LINES, tinyText } from "./fixtures.js";

const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "bench/curtois/run.ts", ...args], { encoding: "utf8" });

describe("bench:curtois on a bad instance file", () => {
  const dir = mkdtempSync(join(tmpdir(), "rxroster-curtois-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ["an empty file", "", /: not a Curtois–Qu instance: SECTION_HORIZON is missing \(and 6 more problems\)$/],
    ["a file cut after SECTION_STAFF", TINY_LINES.slice(0, 13).join("\r\n") + "\r\n", /: not a Curtois–Qu instance: SECTION_DAYS_OFF is missing \(and 3 more problems\)$/],
    ["an unknown shift in a request", tinyText({ 19: "A,0,N,3" }), /: not a Curtois–Qu instance: line 19: the request names unknown shift "N" \(ids are case-sensitive\)$/],
    ["a number that is not an integer", tinyText({ 26: "0,D,1.5,100,1" }), /: not a Curtois–Qu instance: line 26: Requirement must be an integer \(got "1\.5"\)$/],
    ["a horizon no date can end", tinyText({ 3: "300000000" }), /: the instance does not import as a planning input: horizon: SECTION_HORIZON must be at most 366 days \(got 300000000\)$/],
    // The project cannot hold these; the line names the file's line and column, then the project's field.
    ["a shift longer than a day", tinyText({ 8: "d,1500,D" }), /: the instance does not import as a planning input: line 8: SECTION_SHIFTS shift d, LengthMinutes: .*1440.* \(the project's shiftTemplates\[1\]\.lengthMinutes\)$/],
    ["an employee who may work no day in a row", tinyText({ 12: "B,D=7|d=0,2400,0,0,1,1,1" }), /: the instance does not import as a planning input: line 12: SECTION_STAFF employee B, MaxConsecutiveShifts: .* \(the project's staff\[1\]\.contract\.maxConsecutiveDays\)( \(and \d+ more\))?$/],
  ])("exits 2 with one line for %s", (name, text, message) => {
    const path = file(`${name.replace(/\W+/g, "-")}.txt`, text);
    const result = run("--time-limit", "1", path);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(new RegExp(`^bench:curtois: ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(result.stderr.trim()).toMatch(message);
  });
});

describe("columns-run.ts (the column generation alone) on bad arguments", () => {
  const columns = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "bench/curtois/columns-run.ts", ...args], { encoding: "utf8" });
  it.each([
    [["--time-limit", "x", "1"], 'columns-run: --time-limit must be a number of seconds above 0 (got "x")'],
    [["13"], 'columns-run: an instance is a number from 1 to 12 (got "13")'],
    [[], "columns-run: name one or more instances by number, 1 to 12"],
  ])("exits 2 with one line for %j", (args, line) => {
    const result = columns(...args);
    expect([result.status, result.stderr.trim(), result.stdout]).toEqual([2, line, ""]);
  });
});
