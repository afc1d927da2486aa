/**
 * `rxroster report fte` refuses what no solve could answer, exit 2, naming the flag, before any solve;
 * and says each hire's saving on stderr with what to say beside it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { BASE } from "../../fixtures/world.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { capture } from "../../fixtures/cli.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-report-cli-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
  // Two days; the only demand is two IV technicians 07:00–17:00.
  writeFileSync(join(dir, "iv-short.json"), JSON.stringify(smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }] })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("rxroster report fte", () => {
  it("exits 2 naming --hire when the hire could work no shift of the pattern", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const solved: string[] = [];
    const code = await run(["report", "fte", join(dir, "input.json"), "--hire", "tech1:1:IV10", "--max-hires", "1", "--time-limit", "1", "--format", "json"], {
      out: (t) => out.push(t),
      err: (t) => (t.includes("hire(s):") ? solved : err).push(t),
    });
    expect(code).toBe(2);
    expect(err.at(-1)).toBe('rxroster: --hire pattern: Technician I (tech1) lacks Sterile compounding (sterile) for IV10: the hire may not work it (got "IV10")');
    expect(solved).toEqual([]);
    expect(out).toEqual([]);
  });

  it("says on stderr that a hire who worked no shift saves nothing, beside the figure", async () => {
    // A Technician I may not work IV10 and central has no demand: the hire is left idle.
    const { code, err } = await capture(["report", "fte", join(dir, "iv-short.json"), "--hire", "tech1:1:T12", "--max-hires", "1", "--time-limit", "5", "--format", "json"]);
    expect(code).toBe(0);
    expect(err.split("\n").find((l) => l.startsWith("  hire 1 saves"))).toMatch(/^  hire 1 saves \$0 a year\. The hire worked no shift in the schedule found, so hire 1 saves nothing\./);
  }, 60_000);
});
