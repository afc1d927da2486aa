/**
 * STYLE's layering, held by a test rather than by review: `models/` imports nothing of ours, `solver/` only
 * `models/`, `src/` `models/` and `solver/`, `api/` `src/` and `models/`, and nothing in the product
 * imports `api/` or `bench/`. Each file's import and export specifiers are read by TypeScript's own
 * pre-processor (static, dynamic and re-exports alike), so a new file is held the day it lands.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** The top folders each product folder may import besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  models: [],
  solver: ["models"],
  src: ["models", "solver"],
  api: ["models", "src"],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name));
}

/** `file`'s relative specifiers, as the top folder each resolves into. */
function importedFolders(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
  return importedFiles.map((i) => i.fileName).filter((spec) => spec.startsWith(".")).map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)).split("/")[0]!);
}

/** "file imports folder/" for each import that crosses out of its folder to one it may not import. */
function layeringBreaches(files: readonly string[], read: (file: string) => string[] = importedFolders): string[] {
  return files.flatMap((file) => {
    const own = file.split("/")[0]!;
    const allowed = new Set([own, ...(MAY_IMPORT[own] ?? [])]);
    return [...new Set(read(file))].filter((folder) => !allowed.has(folder)).map((folder) => `${file} imports ${folder}/`);
  });
}

describe("layering", () => {
  it("keeps every product file to the folders STYLE lets it import", () => {
    const files = Object.keys(MAY_IMPORT).flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    expect(layeringBreaches(files)).toEqual([]);
  });

  it("reads imports of every kind, so a breach cannot hide in a re-export or a dynamic import", () => {
    const text = ['import { a } from "../src/x.js";', 'export { b } from "../../api/y.js";', 'const c = await import("../bench/z.js");', 'import type { D } from "./d.js";'].join("\n");
    const specs = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
    expect(specs).toEqual(["../src/x.js", "../../api/y.js", "../bench/z.js", "./d.js"]);
    expect(layeringBreaches(["solver/rules/r.ts"], () => ["solver", "src", "api"])).toEqual(["solver/rules/r.ts imports src/", "solver/rules/r.ts imports api/"]);
    expect(layeringBreaches(["models/m.ts"], () => ["models", "solver"])).toEqual(["models/m.ts imports solver/"]);
  });
});
