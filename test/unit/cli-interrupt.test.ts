/**
 * Ctrl-C during `rxroster solve` (or `demo`): the first ends the search as its time limit would, and the
 * best schedule found so far is written and summed up (exit 0); a second quits at once (exit 130). SIGTERM
 * (`timeout`, systemd, `docker stop`) is taken as Ctrl-C is. The
 * command runs as a user runs it (bin/rxroster.js, after `npm run build`), on the demo month with a limit
 * it never reaches.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";

let out: string;
afterEach(() => rmSync(out, { recursive: true, force: true }));

/**
 * The demo solved into a fresh --out, `signal` sent as stderr shows each of `when` in turn (one at a time:
 * two signals sent at once arrive as one); its exit code and output.
 */
function interrupted(signal: NodeJS.Signals, ...when: RegExp[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  out = mkdtempSync(join(tmpdir(), "rxroster-interrupt-"));
  const child = spawn(process.execPath, ["bin/rxroster.js", "demo", "--out", out, "--time-limit", "600"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let sent = 0;
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    while (sent < when.length && when[sent]!.test(stderr)) {
      sent++;
      child.kill(signal);
    }
  });
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

it("writes the best schedule found so far on Ctrl-C and exits 0, where it used to lose the solve", async () => {
  const { code, stdout, stderr } = await interrupted("SIGINT", /incumbent/);
  expect(stderr).toContain("stopping: the best schedule found so far is written once it is in (Ctrl-C again quits without it)");
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Status: feasible, /m);
  const written = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as { assignments: unknown[] };
  expect(Array.isArray(written.assignments)).toBe(true);
}, 120_000);

it("quits at once on a second Ctrl-C, with exit code 130 and no schedule written", async () => {
  // The first as the solve starts, the second as soon as it says it is stopping: before the first schedule
  // of the month (its model still building, or its first solve under way).
  const { code } = await interrupted("SIGINT", /^solving /m, /^stopping: /m);
  expect(code).toBe(130);
  expect(existsSync(join(out, "schedule.json"))).toBe(false);
}, 120_000);

it("takes SIGTERM as Ctrl-C: writes the best schedule found so far, where it used to end silently with nothing written", async () => {
  const { code, stdout, stderr } = await interrupted("SIGTERM", /incumbent/);
  expect(stderr).toContain("stopping on SIGTERM: the best schedule found so far is written once it is in (a second SIGTERM or Ctrl-C quits without it)");
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Status: feasible, /m);
  expect(existsSync(join(out, "schedule.json"))).toBe(true);
}, 120_000);
