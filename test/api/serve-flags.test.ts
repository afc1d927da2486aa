/**
 * `rxroster serve`'s flags for the checker's pool: good values become startServer's options (the time and
 * start limits given in seconds, as `solve --time-limit` takes it); bad ones are refused one line each,
 * naming the flag, exit 2, before the data directory is touched; a host or port it cannot listen on, or a
 * data directory that is a file, is one line too, exit 2.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main, parseServeArgs, publicUrlWarning } from "../../api/server.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What `rxroster serve …argv` writes to stderr and its exit code, when it exits on its flags. */
async function refused(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, lines: written.join("").split("\n").filter((line) => line !== "") };
}

describe("rxroster serve's checker flags", () => {
  it("passes the checker's workers, its bound on waiting requests and its time and start limits in seconds to the server", () => {
    expect(parseServeArgs(["--port", "0", "--checker-workers", "3", "--checker-max-waiting", "0", "--checker-time-limit", "1.5", "--checker-start-limit", "2.25"])).toEqual({
      ok: true,
      value: { port: 0, checkerWorkers: 3, checkerMaxWaiting: 0, checkerTaskTimeoutMs: 1500, checkerStartTimeoutMs: 2250 },
    });
    // Without them, the server's defaults.
    expect(parseServeArgs(["--port", "0"])).toEqual({ ok: true, value: { port: 0 } });
  });

  it("refuses each bad value on a line of its own naming the flag, with exit code 2, and claims no data directory", async () => {
    const parent = mkdtempSync(join(tmpdir(), "rxroster-serve-flags-"));
    const dataDir = join(parent, "data");
    try {
      const { code, lines } = await refused(["--data-dir", dataDir, "--port", "x", "--checker-workers", "0", "--checker-max-waiting", "-1", "--checker-time-limit", "0x10", "--checker-start-limit", "-30"]);
      expect(code).toBe(2);
      expect(lines).toEqual([
        'rxroster serve: --port must be an integer from 0 to 65535 (got "x")',
        'rxroster serve: --checker-workers must be a whole number from 1 to 64 (got "0")',
        'rxroster serve: --checker-max-waiting must be a whole number from 0 to 10000 (got "-1")',
        'rxroster serve: --checker-time-limit must be a number of seconds from 1 to 86400 (got "0x10")',
        'rxroster serve: --checker-start-limit must be a number of seconds from 1 to 86400 (got "-30")',
      ]);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("refuses a --host that names no host in one line, with exit code 2, not a stack trace", async () => {
    const parent = mkdtempSync(join(tmpdir(), "rxroster-serve-flags-"));
    try {
      const { code, lines } = await refused(["--data-dir", join(parent, "data"), "--port", "0", "--host", "nosuchhost.invalid"]);
      expect(code).toBe(2);
      // Without a name server the lookup fails for want of an answer rather than for want of the host.
      expect(lines).toEqual([expect.stringMatching(/^rxroster serve: cannot listen on nosuchhost\.invalid:0 \((no such host|the host name could not be looked up)\)$/)]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("names a --data-dir that is a file as itself, not through the lock file it would hold, with exit code 2", async () => {
    const parent = mkdtempSync(join(tmpdir(), "rxroster-serve-flags-"));
    const file = join(parent, "demo.json");
    writeFileSync(file, "{}");
    try {
      expect(await refused(["--data-dir", file, "--port", "0"])).toEqual({ code: 2, lines: [`rxroster serve: --data-dir: ${file} is a file, not a directory`] });
      expect(readdirSync(parent)).toEqual(["demo.json"]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it.each([
    [["--checker-workers", "1.5"], 'rxroster serve: --checker-workers must be a whole number from 1 to 64 (got "1.5")'],
    [["--checker-workers", "65"], 'rxroster serve: --checker-workers must be a whole number from 1 to 64 (got "65")'],
    [["--checker-max-waiting", "10001"], 'rxroster serve: --checker-max-waiting must be a whole number from 0 to 10000 (got "10001")'],
    [["--checker-max-waiting", ""], 'rxroster serve: --checker-max-waiting must be a whole number from 0 to 10000 (got "")'],
    [["--checker-time-limit", "0.5"], 'rxroster serve: --checker-time-limit must be a number of seconds from 1 to 86400 (got "0.5")'],
    [["--checker-time-limit", "1e3"], 'rxroster serve: --checker-time-limit must be a number of seconds from 1 to 86400 (got "1e3")'],
    [["--checker-start-limit", "0"], 'rxroster serve: --checker-start-limit must be a number of seconds from 1 to 86400 (got "0")'],
    [["--checker-start-limit", "86401"], 'rxroster serve: --checker-start-limit must be a number of seconds from 1 to 86400 (got "86401")'],
    [["--checker-start-limit", ""], 'rxroster serve: --checker-start-limit must be a number of seconds from 1 to 86400 (got "")'],
    [["--checker-start-limit", "30s"], 'rxroster serve: --checker-start-limit must be a number of seconds from 1 to 86400 (got "30s")'],
    [["--port", ""], 'rxroster serve: --port must be an integer from 0 to 65535 (got "")'],
    // Most likely a shell variable that was not set: not .rxroster in the working directory, not 127.0.0.1.
    [["--data-dir", ""], 'rxroster serve: --data-dir must name a directory (got "")'],
    [["--host", ""], 'rxroster serve: --host must name a host or address such as 127.0.0.1 (got "")'],
    [["--port", "0x50"], 'rxroster serve: --port must be an integer from 0 to 65535 (got "0x50")'],
    [["--port", "8e3"], 'rxroster serve: --port must be an integer from 0 to 65535 (got "8e3")'],
    [["--port", "65536"], 'rxroster serve: --port must be an integer from 0 to 65535 (got "65536")'],
  ])("refuses %j by name", async (argv, line) => {
    expect(await refused(argv)).toEqual({ code: 2, lines: [line] });
  });
});

describe("rxroster serve without --public-url", () => {
  it("warns when it listens beyond this machine, as feed links then come from each request's Host header", () => {
    expect(publicUrlWarning("0.0.0.0", undefined)).toMatch(/^rxroster serve: no --public-url: calendar feed links will be built from each request's Host header/);
    expect(publicUrlWarning("rx.hospital.example", undefined)).toMatch(/give --public-url https:/);
    for (const host of ["127.0.0.1", "127.0.1.1", "localhost", "::1"]) expect(publicUrlWarning(host, undefined), host).toBeUndefined();
    expect(publicUrlWarning("0.0.0.0", "https://rx.hospital.example")).toBeUndefined();
  });
});
