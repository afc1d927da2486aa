/**
 * The command line's options read as a whole: every unknown option and every bad value named, one line
 * each, in the order given (parseArgs' strict mode stopped at the first unknown one), and an option given
 * twice refused by name (parseArgs took the last value without a word), by every command that reads options.
 * No file named here exists: a run that got past its options would stop on the missing input instead.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createOpenApiDocument } from "../../api/openapi.js";
import { main, parseServeArgs } from "../../api/server.js";
import { capture } from "../fixtures/cli.js";

const missing = join(tmpdir(), "rxroster-no-such-dir", "input.json");

/** Exit code and the lines naming problems (the usage that follows left out). */
async function refused(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const { code, err } = await capture(argv);
  return { code, lines: err.split("\n").filter((line) => /^rxroster( token)?: /.test(line)) };
}

describe("every bad option named", () => {
  it("names each unknown option and each bad value on a line of its own, in the order given", async () => {
    // Out of the order the code checks them in (time limit, gap, engine), so a fixed order cannot pass.
    expect(await refused(["solve", missing, "--engine", "x", "--time-limit", "abc", "--bogus", "--gap", "2"])).toEqual({
      code: 2,
      lines: [
        'rxroster: --engine: must be highs or jslp (got "x")',
        'rxroster: --time-limit: must be a number from 1 to 86400 (got "abc")',
        "rxroster: Unknown option '--bogus'",
        'rxroster: --gap: must be a number from 0 to 1 (got "2")',
      ],
    });
    expect((await refused(["report", "fte", missing, "--bogus", "--max-hires", "x", "--format", "pdf"])).lines).toEqual([
      "rxroster: Unknown option '--bogus'",
      'rxroster: --max-hires: must be a whole number from 0 to 20 (got "x")',
      'rxroster: --format: must be html, csv, json (got "pdf")',
    ]);
    expect((await refused(["repair", missing, missing, "--other", "--change-until", "30 Nov"])).lines).toEqual([
      "rxroster: Unknown option '--other'",
      'rxroster: --change-until: must be a date YYYY-MM-DD (got "30 Nov")',
    ]);
  });

  it("names bad values in the order given also when every option is known", async () => {
    expect(await refused(["solve", missing, "--gap", "5", "--engine", "foo", "--time-limit", "0"])).toEqual({
      code: 2,
      lines: ['rxroster: --gap: must be a number from 0 to 1 (got "5")', 'rxroster: --engine: must be highs or jslp (got "foo")', 'rxroster: --time-limit: must be a number from 1 to 86400 (got "0")'],
    });
    expect((await refused(["repair", missing, missing, "--change-until", "30 Nov", "--gap", "-1", "--change-from", "x"])).lines).toEqual([
      'rxroster: --change-until: must be a date YYYY-MM-DD (got "30 Nov")',
      'rxroster: --gap: must be a number from 0 to 1 (got "-1")',
      'rxroster: --change-from: must be a date YYYY-MM-DD (got "x")',
    ]);
    expect(await refused(["report", "fte", missing, "--time-limit", "0", "--max-hires", "x", "--format", "pdf"])).toEqual({
      code: 2,
      lines: [
        'rxroster: --time-limit: must be a number of seconds from 1 to 86400 (got "0")',
        'rxroster: --max-hires: must be a whole number from 0 to 20 (got "x")',
        'rxroster: --format: must be html, csv, json (got "pdf")',
      ],
    });
  });

  it("names every option it cannot read, not only the first: a value missing, a dash-led value, a value for a switch", async () => {
    expect((await refused(["check", missing, missing, "--json=yes", "--zap", "--html"])).lines).toEqual([
      "rxroster: Option '--json' does not take an argument",
      "rxroster: Unknown option '--zap'",
      "rxroster: Option '--html <value>' argument missing",
    ]);
    expect((await refused(["ics", missing, missing, "--out", "-x", "--staff"])).lines).toEqual([
      "rxroster: Option '--out' argument is ambiguous. Did you forget to specify the option argument for '--out'? To specify an option argument starting with a dash use '--out=-XYZ'.",
      "rxroster: Option '--staff <value>' argument missing",
    ]);
  });
});

describe("an option given twice", () => {
  it("is refused by name rather than settled silently for the last value", async () => {
    expect(await refused(["solve", missing, "--time-limit", "10", "--time-limit", "20"])).toEqual({ code: 2, lines: ["rxroster: --time-limit is given twice"] });
  });

  it.each([
    ["check", ["check", missing, missing, "--json", "--json"], "--json"],
    ["repair", ["repair", missing, missing, "--change-from", "2026-11-10", "--change-from", "2026-11-11"], "--change-from"],
    // With a bad --engine, so that no demo solve starts should the repeat go unnoticed.
    ["demo", ["demo", "--out", "a", "--engine", "x", "--out", "b"], "--out"],
    ["candidates", ["candidates", missing, missing, "--date", "2026-11-10", "--shift", "D8", "--date", "2026-11-11"], "--date"],
    ["ics", ["ics", missing, missing, "--staff", "A", "--staff", "B"], "--staff"],
    ["report", ["report", "fte", missing, "--max-hires", "1", "--max-hires=2"], "--max-hires"],
    ["token", ["token", "list", "--data-dir", "a", "--data-dir", "b"], "--data-dir"],
  ])("by %s", async (_command, argv, option) => {
    const { code, lines } = await refused(argv);
    expect(code).toBe(2);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^rxroster( token)?: ${option} is given twice$`)));
  });

  it("by serve, with its bad values in the order given and the usage", () => {
    expect(parseServeArgs(["--checker-workers", "0", "--port", "1", "--bogus", "--port", "2"])).toEqual({
      ok: false,
      problems: ['--checker-workers must be a whole number from 1 to 64 (got "0")', "--port is given twice", "Unknown option '--bogus'"],
      usage: true,
    });
  });
});

describe("--help", () => {
  it.each(["schema", "solve", "check", "repair", "candidates", "demo", "ics", "report fte", "token", "token create", "backup"])("after %s prints its usage on standard output, exit 0", async (command) => {
    const { code, out, err } = await capture([...command.split(" "), "--help"]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toMatch(new RegExp(`^usage:[^]*\\n  ${command.split(" ")[0]} `));
  });

  it("after serve prints serve's usage on standard output, exit 0, and starts no server", async () => {
    expect(parseServeArgs(["--help"])).toEqual({ ok: true, help: true });
    expect(parseServeArgs(["--port", "0", "-h"])).toEqual({ ok: true, help: true });
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      expect(await main(["--help"])).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    expect(written.join("")).toMatch(/^usage:\n  serve \[--port P\]/);
  });

  it("is not asked for by a bare rxroster: the usage goes to standard error, exit 2", async () => {
    const { code, out, err } = await capture([]);
    expect({ code, out }).toEqual({ code: 2, out: "" });
    expect(err).toMatch(/^rxroster: no command given\nusage: rxroster <command>/);
  });
});

describe("--version", () => {
  it("prints the version package.json gives, exit 0, as the OpenAPI document gives it", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await capture(["--version"])).toEqual({ code: 0, out: `rxroster ${version}`, err: "" });
    expect(createOpenApiDocument([]).info.version).toBe(version);
  });
});
