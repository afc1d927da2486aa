import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { BASE } from "../../fixtures/world.js";
import { parseFeed } from "./world.js";

const dir = mkdtempSync(join(tmpdir(), "rxroster-ics-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inputPath = join(dir, "input.json");
const schedulePath = join(dir, "schedule.json");
writeFileSync(inputPath, JSON.stringify(BASE));
writeFileSync(schedulePath, JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-07", template: "N8" }, { staff: "B", date: "2026-03-07", template: "D8" }] }));

async function ics(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(["ics", ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe("rxroster ics", () => {
  it("writes one person's shifts to a file", async () => {
    const file = join(dir, "a.ics");
    const result = await ics(inputPath, schedulePath, "--staff", "A", "--out", file);
    expect(result).toEqual({ code: 0, out: [], err: [] });
    const events = parseFeed(readFileSync(file, "utf8")).events;
    expect(events.map((e) => [e.start, e.end, e.summary])).toEqual([["2026-03-08T05:00:00.000Z", "2026-03-08T12:00:00.000Z", "Central pharmacy — Night 23:00–07:00"]]);
  });

  it("prints the calendar without --out", async () => {
    const result = await ics(inputPath, schedulePath, "--staff", "B");
    expect(result.code).toBe(0);
    expect(parseFeed(result.out.join("\n")).events).toHaveLength(1);
  });

  it("exits 2 naming --staff when it is missing or unknown", async () => {
    expect(await ics(inputPath, schedulePath)).toMatchObject({ code: 2, err: ["rxroster: --staff: required (the id of the person whose shifts to write)"] });
    expect(await ics(inputPath, schedulePath, "--staff", "Z")).toMatchObject({ code: 2, err: [`rxroster: --staff: unknown staff id in ${inputPath} (got "Z")`] });
  });

  it("exits 2 naming the bad field of the schedule", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-40", template: "N8" }] }));
    const result = await ics(inputPath, bad, "--staff", "A");
    expect(result.code).toBe(2);
    expect(result.err).toEqual([`${bad}: assignments[0].date: must be a date YYYY-MM-DD (got "2026-03-40")`]);
  });
});
