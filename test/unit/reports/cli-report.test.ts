/**
 * `rxroster report fte` refuses what no solve could answer, exit 2, naming the flag, before any solve.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { BASE } from "../../fixtures/world.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-report-cli-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
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
});
