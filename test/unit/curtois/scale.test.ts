import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateRoster } from "../../../bench/curtois/evaluate.js";
import { readInstanceFile } from "../../../bench/curtois/instance-file.js";
import { parseCurtoisInstance } from "../../../bench/curtois/parse-instance.js";
import { instancePath } from "../../../bench/curtois/paths.js";
import { copyId, lengthen, toInstanceText, widen } from "../../../bench/curtois/scale.js";
import { published } from "./fixtures.js";
import { testDir } from "../../fixtures/temp.js";

describe("larger instances made from the published ones", () => {
  it("writes an instance in the published format that parses back to the same instance", () => {
    for (const n of [4, 12]) {
      const { data } = published(n);
      const parsed = parseCurtoisInstance(toInstanceText(data));
      expect(parsed.ok && parsed.value).toEqual(data);
    }
  });

  it("widens: the published optimum, copied to every person's copies, scores exactly twice its penalty with no hard violation", () => {
    const { data, roster, penalty } = published(4);
    const wide = widen(data, 2);
    expect(wide.staff).toHaveLength(20);
    expect(wide.staff.map((s) => s.id)).toContain(copyId("A", 1));
    const copied = [0, 1].flatMap((c) => roster.assignments.map((a) => ({ ...a, employee: copyId(a.employee, c) })));
    const e = evaluateRoster(wide, { assignments: copied });
    expect(e.hardViolations).toEqual([]);
    expect(e.penalty).toBe(2 * penalty);
  });

  it("lengthens: the horizon three times over, each person's limits over it three times, days off, requests and cover in every period", () => {
    const { data } = published(9);
    const long = lengthen(data, 3);
    expect(long.horizon).toBe(84);
    const [a, longA] = [data.staff[0]!, long.staff[0]!];
    expect(longA).toEqual({
      ...a,
      maxShifts: Object.fromEntries(Object.entries(a.maxShifts).map(([s, n]) => [s, 3 * n])),
      maxTotalMinutes: 3 * a.maxTotalMinutes,
      minTotalMinutes: 3 * a.minTotalMinutes,
      maxWeekends: 3 * a.maxWeekends,
    });
    const daysOff = data.daysOff[0]!.days;
    expect(long.daysOff[0]!.days).toEqual([...daysOff, ...daysOff.map((d) => d + 28), ...daysOff.map((d) => d + 56)]);
    expect(long.cover).toHaveLength(3 * data.cover.length);
    expect(long.cover.filter((c) => c.day >= 56).map((c) => ({ ...c, day: c.day - 56 }))).toEqual(data.cover);
    expect(long.shiftOnRequests).toHaveLength(3 * data.shiftOnRequests.length);
    expect(long.shiftOffRequests).toHaveLength(3 * data.shiftOffRequests.length);
  });

  it("makes 120 staff × 84 days from instance 12 that the benchmark reads and imports", () => {
    const big = lengthen(widen(published(12).data, 2), 3);
    const file = join(testDir("scale"), "Wide12Long.txt");
    writeFileSync(file, toInstanceText(big));
    const read = readInstanceFile(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect([read.value.instance.staff.length, read.value.instance.horizon, read.value.instance.shifts.length]).toEqual([120, 84, 10]);
    expect(read.value.input.staff).toHaveLength(120);
  });
});

describe("scale.ts on the command line", () => {
  const scale = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "bench/curtois/scale.ts", ...args], { encoding: "utf8" });

  it("exits 2 with one line naming the problem: a bad factor, an unreadable instance, an unwritable output", () => {
    const dir = testDir("scale-cli");
    const cases = [
      { args: ["--staff", "0", "in.txt", join(dir, "out.txt")], message: /^scale: --staff must be a whole number from 1 to 20 \(got "0"\)$/ },
      { args: [join(dir, "missing.txt"), join(dir, "out.txt")], message: /^scale: .*missing\.txt: cannot read the instance file \(ENOENT\)$/ },
      { args: [instancePath(4), join(dir, "no-such-dir", "out.txt")], message: /^scale: .*out\.txt: cannot write the instance file \(ENOENT\)$/ },
    ];
    for (const { args, message } of cases) {
      const result = scale(...args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("writes no instance the benchmark would refuse: a copy's id already taken, a horizon over 366 days", () => {
    const dir = testDir("scale-refuse");
    // Employee A_2 is there already; --staff 2 would name A's copy A_2 too.
    const taken = join(dir, "taken.txt");
    writeFileSync(taken, toInstanceText({ ...published(1).data, staff: [...published(1).data.staff, { ...published(1).data.staff[0]!, id: copyId("A", 1) }] }));
    const cases = [
      { args: ["--staff", "2", taken, join(dir, "wide.txt")], message: /^scale: the scaled instance would be refused: .*wide\.txt: not a Curtois–Qu instance: line \d+: employee A_2 is defined twice$/ },
      { args: ["--days", "14", instancePath(4), join(dir, "long.txt")], message: /^scale: the scaled instance would be refused: .*long\.txt: .*SECTION_HORIZON must be at most 366 days \(got 392\)$/ },
    ];
    for (const { args, message } of cases) {
      const result = scale(...args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toMatch(message);
      expect(existsSync(args[args.length - 1]!)).toBe(false);
    }
  });
});
