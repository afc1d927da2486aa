import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capture } from "../fixtures/cli.js";
import { BASE } from "../fixtures/world.js";
import { smallWorld } from "../fixtures/small-world.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-cli-page-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
  writeFileSync(join(dir, "schedule.json"), JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-02", template: "E8" }, { staff: "A", date: "2026-03-03", template: "D8" }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the schedule page from the command line", () => {
  it("solve writes schedule.html beside schedule.json and schedule.csv, and says so", async () => {
    const input = join(dir, "two-days.json");
    // A pharmacist floor, so the solve assigns shifts.
    writeFileSync(input, JSON.stringify(smallWorld(2, { floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00" }] })));
    const out = join(dir, "solved");
    const { code, out: printed } = await capture(["solve", input, "--out", out, "--time-limit", "5"]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["schedule.csv", "schedule.html", "schedule.json"]);
    const html = readFileSync(join(out, "schedule.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    // One cell per assignment holds its template code.
    expect(schedule.assignments.length).toBeGreaterThan(0);
    for (const a of schedule.assignments) expect(html).toMatch(new RegExp(`data-staff="${a.staff}">[^]*?data-date="${a.date}"[^>]*>${a.template}</td>`));
    expect(printed).toContain(`Wrote ${out}/schedule.json, ${out}/schedule.csv and ${out}/schedule.html`);
  });

  it("exits 2 before solving when schedule.html would be a directory, and a run with no schedule removes an earlier page", async () => {
    const blocked = join(dir, "html-is-a-dir");
    mkdirSync(join(blocked, "schedule.html"), { recursive: true });
    const { code, err } = await capture(["solve", join(dir, "input.json"), "--out", blocked, "--time-limit", "1"]);
    expect(code).toBe(2);
    expect(err).toBe(`rxroster: --out: cannot write ${join(blocked, "schedule.html")}: is a directory`);
    expect(existsSync(join(blocked, "schedule.json"))).toBe(false);

    const out = join(dir, "no-schedule");
    mkdirSync(out, { recursive: true });
    for (const file of ["schedule.json", "schedule.csv", "schedule.html"]) writeFileSync(join(out, file), "an earlier run's");
    // Ben is on leave all horizon but his contract asks 40 hours of him.
    const impossible = { ...BASE, staff: BASE.staff.map((s) => (s.id === "B" ? { ...s, leave: [{ start: "2026-03-01", end: "2026-03-31" }], contract: { minMinutesPerHorizon: 2400 } } : s)) };
    writeFileSync(join(dir, "impossible.json"), JSON.stringify(impossible));
    expect((await capture(["solve", join(dir, "impossible.json"), "--out", out, "--time-limit", "20"])).code).toBe(3);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it("check --html writes the page of the schedule checked, and names a path it cannot write", async () => {
    const page = join(dir, "pages", "checked.html");
    const { code, out } = await capture(["check", join(dir, "input.json"), join(dir, "schedule.json"), "--html", page]);
    expect(code).toBe(0);
    expect(out).toContain("BREAKS 1 hard rule");
    const html = readFileSync(page, "utf8");
    expect(html).toMatch(/class="cell[^"]* violation" data-date="2026-03-03"/);
    const bad = await capture(["check", join(dir, "input.json"), join(dir, "schedule.json"), "--html", join(dir, "input.json", "x.html")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^rxroster: --html: cannot write .*x\.html: /);
  });
});
