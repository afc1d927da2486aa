import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { MAX_INPUT_FILE_BYTES, readDataFile, repeatedJsonKey, writeFileComplete } from "../../src/io.js";
import { testDir } from "../fixtures/temp.js";

describe("a key given twice in a JSON object", () => {
  it("is never found in JSON a serializer wrote (keys and strings holding quotes, braces, commas and escapes)", () => {
    const seed = 11;
    fc.assert(
      fc.property(fc.json({ depthSize: "medium" }), fc.boolean(), (text, pretty) => {
        const written = pretty ? JSON.stringify(JSON.parse(text), null, 2) : text;
        expect(repeatedJsonKey(written)).toBeUndefined();
      }),
      { seed, numRuns: 300 },
    );
  });

  it("is found at its place, however it is spelt and however deep", () => {
    expect(repeatedJsonKey('{"a": 1, "b": {"a": [{"a": 2}]}}')).toBeUndefined();
    expect(repeatedJsonKey('{"x": [1, {"k": "\\"},{", "b": 2}],\n  "y": {"key": 1, "\\u006bey": 2}}')).toEqual({ key: "key", line: 2, column: 19 });
  });

  it("ends on text that is not JSON (an unterminated string once read on past its end for ever)", () => {
    expect(repeatedJsonKey('{"a": "never closed')).toBeUndefined();
    expect(repeatedJsonKey('{"a')).toBeUndefined();
  });

  it("is looked for in one pass: a file of 100,000 keys and a million values is read (the YAML parser, run again to find a repeated key, took minutes or ran out of memory: the test's time limit)", () => {
    const path = join(testDir("io"), "big.json");
    const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    writeFileSync(path, JSON.stringify({ keys, values: new Array(1_000_000).fill(7) }));
    const read = readDataFile(path);
    expect(read.ok).toBe(true);
    expect(read.ok && (read.value as { values: number[] }).values.length).toBe(1_000_000);
  });
});

describe("reading YAML", () => {
  it("prints none of the parser's warnings (an unknown tag, a list as a key) as process warnings on stderr", () => {
    const path = join(testDir("io"), "tags.yaml");
    writeFileSync(path, "name: !!js/function 'function () {}'\n? [a, b]\n: 1\n");
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      const read = readDataFile(path);
      expect(read).toEqual({ ok: true, value: { name: "function () {}", "[ a, b ]": 1 } });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("names a key given twice in one mapping by its line and column, however deep, and keeps equal keys of different mappings", () => {
    const dir = testDir("io");
    const twice = join(dir, "twice.yaml");
    writeFileSync(twice, "staff:\n  - id: a\n    fte: 1\n    id: b\n");
    expect(readDataFile(twice)).toEqual({ ok: false, problems: [{ path: "", message: "malformed YAML: Map keys must be unique at line 4, column 5" }] });
    const apart = join(dir, "apart.yaml");
    writeFileSync(apart, "staff:\n  - id: a\n  - id: b\nid: c\n");
    expect(readDataFile(apart)).toEqual({ ok: true, value: { staff: [{ id: "a" }, { id: "b" }], id: "c" } });
  });

  it("reads a mapping of 30,000 keys and names a key repeated at its end by its line", () => {
    const path = join(testDir("io"), "wide.yaml");
    writeFileSync(path, Array.from({ length: 30_000 }, (_, i) => `k${i}: ${i}`).join("\n") + "\nk7: 0\n");
    expect(readDataFile(path)).toEqual({ ok: false, problems: [{ path: "", message: "malformed YAML: Map keys must be unique at line 30001, column 1" }] });
  });

  it("names lists 100,000 deep as nested too deeply, not as malformed", () => {
    const path = join(testDir("io"), "deep.yaml");
    writeFileSync(path, `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    expect(readDataFile(path)).toEqual({ ok: false, problems: [{ path: "", message: expect.stringMatching(/^YAML nested too deeply to read at line 1, column \d+$/) }] });
  });

  it("names more than one document without the parser's advice to its own callers", () => {
    const path = join(testDir("io"), "two.yaml");
    writeFileSync(path, "a: 1\n---\nb: 2\n");
    expect(readDataFile(path)).toEqual({ ok: false, problems: [{ path: "", message: "malformed YAML: Source contains multiple documents at line 2, column 1" }] });
  });
});

describe("an input file too large to be one", () => {
  const refusal = { ok: false, problems: [{ path: "", message: "is larger than 64 MiB, more than any input or schedule file (is it the file you meant?)" }] };

  it("is refused by its size before it is read", () => {
    const path = join(testDir("io"), "huge.json");
    writeFileSync(path, "");
    truncateSync(path, MAX_INPUT_FILE_BYTES + 1); // sparse: nothing written
    expect(readDataFile(path)).toEqual(refusal);
  });

  it.skipIf(!existsSync("/dev/zero"))("is refused once 64 MiB are read when its size is not known (/dev/zero, read until memory ran out)", () => {
    expect(readDataFile("/dev/zero")).toEqual(refusal);
  });
});

describe("writing a file whole", () => {
  it("makes it readable by its owner only, as the store is: it holds people's leave and requests", () => {
    const dir = testDir("io-mode");
    const path = join(dir, "schedule.csv");
    writeFileSync(path, "old", { mode: 0o644 });
    writeFileComplete(path, "new");
    expect([readFileSync(path, "utf8"), statSync(path).mode & 0o777]).toEqual(["new", 0o600]);
  });

  it("removes a link planted beside the file rather than writing through it", () => {
    const dir = testDir("io-link");
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "someone else's");
    const path = join(dir, "schedule.json");
    symlinkSync(victim, `${path}.${process.pid}.partial`);
    writeFileComplete(path, "the schedule");
    expect([readFileSync(victim, "utf8"), readFileSync(path, "utf8"), readdirSync(dir).sort()]).toEqual(["someone else's", "the schedule", ["schedule.json", "victim.txt"]]);
  });
});
