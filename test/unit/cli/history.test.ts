/**
 * `--history-from SCHEDULE`: last period's schedule.json as this period's history, so a check or solve of
 * March sees the night Ann worked on 03-01 and the days before it (rest and consecutive days across the
 * edge); several files layered, a later one winning on the dates it covers; a shift of a template the
 * input no longer has, and a file with nothing before the horizon, warned about on stderr; a bad file one
 * line naming the flag, exit 2.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture } from "../../fixtures/cli.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { dir, useInputFiles } from "./helpers.js";

useInputFiles();

/** March 02–03, written as a file; returns its path. */
function march(): string {
  const path = join(dir, "march.json");
  writeFileSync(path, JSON.stringify(smallWorld(2)));
  return path;
}

/** A schedule file as `rxroster solve` writes it; returns its path. */
function scheduleFile(name: string, horizon: { start: string; end: string } | undefined, shifts: [string, string, string][]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ...(horizon ? { horizon } : {}), assignments: shifts.map(([staff, date, template]) => ({ staff, date, template, locked: false })) }));
  return path;
}

/** February's last fortnight: Ann on days 02-25..02-28, then the night of 03-01 (ends 07:00 on 03-02). */
const february = (): string =>
  scheduleFile("february.json", { start: "2026-02-16", end: "2026-03-01" }, [
    ["A", "2026-02-25", "D8"], ["A", "2026-02-26", "D8"], ["A", "2026-02-27", "D8"], ["A", "2026-02-28", "D8"], ["A", "2026-03-01", "N8"],
  ]);

/** The rule ids `check --json` finds broken. */
async function brokenRules(argv: string[]): Promise<string[]> {
  const { code, out, err } = await capture(["check", ...argv, "--json"]);
  expect({ code, err }).toEqual({ code: 0, err: "" });
  return [...new Set((JSON.parse(out) as { violations: { rule: string }[] }).violations.map((v) => v.rule))];
}

describe("rxroster check --history-from", () => {
  it("finds the rest and consecutive-day violations across the edge that it misses without the flag", async () => {
    const input = march();
    const schedule = scheduleFile("march-schedule.json", undefined, [["A", "2026-03-02", "D8"]]);
    const without = await brokenRules([input, schedule]);
    expect(without).not.toContain("rest.min-between-shifts");
    expect(without).not.toContain("days.max-consecutive");
    const withHistory = await brokenRules([input, schedule, "--history-from", february()]);
    expect(withHistory).toContain("rest.min-between-shifts");
    expect(withHistory).toContain("days.max-consecutive");
    const text = await capture(["check", input, schedule, "--history-from", february()]);
    expect(text.out).toContain("Ann rests 0.0 h between N8 on 2026-03-01 and D8 on 2026-03-02");
  });

  it("layers several files, a later one winning on the dates it covers", async () => {
    const input = march();
    const schedule = scheduleFile("march-schedule.json", undefined, [["A", "2026-03-02", "D8"]]);
    // The night of 03-01 swapped to Ben after February was written: a file of that date alone.
    const swap = scheduleFile("swap.json", { start: "2026-03-01", end: "2026-03-01" }, [["B", "2026-03-01", "N8"]]);
    expect(await brokenRules([input, schedule, "--history-from", february(), "--history-from", swap])).not.toContain("rest.min-between-shifts");
    expect(await brokenRules([input, schedule, "--history-from", swap, "--history-from", february()])).toContain("rest.min-between-shifts");
  });

  it("warns, one line each, of a shift whose template the input no longer has and of a file with nothing before the horizon", async () => {
    const input = march();
    const schedule = scheduleFile("march-schedule.json", undefined, [["A", "2026-03-02", "D8"]]);
    const old = scheduleFile("old-template.json", undefined, [["B", "2026-03-01", "X9"], ["Z", "2026-03-01", "D8"]]);
    const same = scheduleFile("same-month.json", { start: "2026-03-02", end: "2026-03-03" }, [["A", "2026-03-02", "D8"]]);
    const { code, err } = await capture(["check", input, schedule, "--history-from", old, "--history-from", same]);
    expect(code).toBe(0);
    expect(err.split("\n")).toEqual([
      `Warning: --history-from ${same}: no shift before the horizon's start (2026-03-02): it adds no history`,
      `Warning: --history-from ${old}: shift B X9@2026-03-01 is not counted as history: shift template X9 is not in ${input}`,
    ]);
  });
});

describe("rxroster candidates --history-from", () => {
  it("has Ann, off the night of 03-01, unable to take the 07:00 day shift of 03-02, which she may take without the flag", async () => {
    const input = march();
    const empty = scheduleFile("march-empty.json", undefined, []);
    const without = await capture(["candidates", input, empty, "--date", "2026-03-02", "--shift", "D8", "--json"]);
    expect(JSON.parse(without.out).candidates.map((c: { staff: string }) => c.staff)).toContain("A");
    const { code, out } = await capture(["candidates", input, empty, "--date", "2026-03-02", "--shift", "D8", "--json", "--history-from", february()]);
    expect(code).toBe(0);
    const ranking = JSON.parse(out) as { candidates: { staff: string }[]; excluded: { staff: string; rule: string }[] };
    expect(ranking.candidates.map((c) => c.staff)).not.toContain("A");
    expect(ranking.excluded.find((e) => e.staff === "A")?.rule).toBe("rest.min-between-shifts");
  });
});

describe("rxroster solve --history-from", () => {
  it("refuses, before any solve, a lock that leaves too little rest after last period's night; without the flag it keeps it", async () => {
    const input = march();
    const from = scheduleFile("locked.json", undefined, [["A", "2026-03-02", "D8"]]);
    writeFileSync(from, readFileSync(from, "utf8").replace('"locked":false', '"locked":true'));
    const out = join(dir, "history-out");
    const refused = await capture(["solve", input, "--from", from, "--history-from", february(), "--out", out, "--time-limit", "2"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/: assignments\[0\]: locked, but breaks the hard rule rest\.min-between-shifts: Ann rests 0\.0 h between N8 on 2026-03-01 and D8 on 2026-03-02/);
    expect(existsSync(join(out, "schedule.json"))).toBe(false);
    const kept = await capture(["solve", input, "--from", from, "--out", out, "--time-limit", "2"]);
    expect(kept.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")).assignments).toContainEqual({ staff: "A", date: "2026-03-02", template: "D8", locked: true });
  });
});

describe("a bad --history-from file", () => {
  it("exits 2 with one line naming the flag and the problem: a missing file, a bad field", async () => {
    const input = march();
    const missing = join(dir, "no-such-schedule.json");
    expect(await capture(["solve", input, "--history-from", missing, "--out", join(dir, "never")])).toEqual({ code: 2, out: "", err: `--history-from ${missing}: no such file or directory` });
    const bad = scheduleFile("bad-date.json", undefined, [["A", "2026-02-30", "D8"]]);
    const checked = await capture(["check", input, join(dir, "schedule.json"), "--history-from", bad]);
    expect(checked.code).toBe(2);
    expect(checked.err).toMatch(new RegExp(`^--history-from ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: assignments\\[0\\]\\.date: [^\\n]*\\(got "2026-02-30"\\)$`));
    expect((await capture(["report", "fte", input, "--history-from", missing])).err).toBe(`--history-from ${missing}: no such file or directory`);
  });

  it("is not taken by ics, whose calendar holds the schedule's own shifts only", async () => {
    const { code, err } = await capture(["ics", march(), join(dir, "schedule.json"), "--staff", "A", "--history-from", february()]);
    expect(code).toBe(2);
    expect(err.split("\n")[0]).toBe("rxroster: ics takes no --history-from (its options: --staff, --out)");
  });
});
