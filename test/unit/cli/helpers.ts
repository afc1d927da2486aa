/**
 * The input files the CLI tests read, in a temporary directory of each test file's own (so files running
 * in parallel do not share one): a small department (input.json), a schedule of it that breaks the rest
 * rule (schedule.json), malformed YAML (bad.yaml), and an input with a bad time zone and FTE (bad-zone.json).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { BASE } from "../../fixtures/world.js";

/** The directory of the calling test file's input files, set by `useInputFiles` before its tests run. */
export let dir: string;

/** Makes `dir` and writes the input files into it before the calling file's tests; removes it after them. */
export function useInputFiles(): void {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "rxroster-cli-"));
    writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
    writeFileSync(join(dir, "schedule.json"), JSON.stringify({ assignments: [{ staff: "A", date: "2026-03-02", template: "E8" }, { staff: "A", date: "2026-03-03", template: "D8" }] }));
    writeFileSync(join(dir, "bad.yaml"), "site: [unclosed\n  - x: :");
    writeFileSync(join(dir, "bad-zone.json"), JSON.stringify({ ...BASE, site: { ...BASE.site, timeZone: "Nowhere/Land" }, staff: [{ ...BASE.staff[0], fte: -1 }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
}
