/**
 * Every module of models/ loads on its own, in a fresh process, from the built files (`npm run build`): an
 * import cycle among them that reads a value at load time (a schema's bound, a constant) works only when the
 * cycle is entered from one end, as models/index.ts happens to, and crashes a caller that imports the other
 * end first ("Cannot access 'MAX_WORKLOAD_PEOPLE' before initialization").
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const MODELS = new URL("../../dist/models/", import.meta.url);
const modules = readdirSync(MODELS).filter((name) => name.endsWith(".js")).sort();

/** The first line of the error importing `name` alone, or "" when it loads. */
async function loadAlone(name: string): Promise<string> {
  const url = new URL(name, MODELS).href;
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(url)})`], { timeout: 30_000 });
    return "";
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return stderr.split("\n").find((line) => /Error/.test(line)) ?? stderr;
  }
}

describe("models/ modules", () => {
  it("each load alone, whichever is imported first", async () => {
    expect(modules.length).toBeGreaterThan(10);
    const failures: Record<string, string> = {};
    // A few processes at a time: each starts a Node and loads zod and luxon.
    for (let i = 0; i < modules.length; i += 4) {
      const batch = modules.slice(i, i + 4);
      const errors = await Promise.all(batch.map(loadAlone));
      batch.forEach((name, j) => {
        if (errors[j]) failures[name] = errors[j]!;
      });
    }
    expect(failures).toEqual({});
  });
});
