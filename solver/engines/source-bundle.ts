/**
 * Where the sources run as TypeScript (the test runner, and the benchmarks and scripts run with tsx, such
 * as `npm run bench`'s bench/solve-case.ts): a worker thread's module and the sources it imports, bundled
 * by esbuild (tsx's own compiler, found through tsx) into one file, packages left to node_modules, made
 * once per process and module and named by its content (dist/.test-workers/, beside the compiled code: the
 * packages resolve from there). A worker that registered tsx and loaded the sources
 * through it took 0.8–1.8 s to its first answer on a loaded machine (3.3 s for a checker worker at load 8),
 * against 0.3–0.9 s from a bundle, and a test may start a dozen. Compiled code never comes here.
 *
 * Each source's `import.meta.url` is its own file's, as when tsx loads it (not the bundle's): a module
 * finds the workers beside it, and a pool's worker recognizes itself (`isPoolWorker`), by it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";

const ROOT = new URL("../../", import.meta.url);
const made = new Map<string, URL>();

/** The bundle of the TypeScript module at `moduleUrl`, made on this process's first call for it. */
export function sourceWorkerBundle(moduleUrl: URL): URL {
  let file = made.get(moduleUrl.href);
  if (!file) made.set(moduleUrl.href, (file = writeBundle(moduleUrl)));
  return file;
}

function writeBundle(moduleUrl: URL): URL {
  const require = createRequire(import.meta.url);
  const esbuild = createRequire(require.resolve("tsx/package.json"))("esbuild") as { buildSync(options: object): { outputFiles: { contents: Uint8Array }[] } };
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [fileURLToPath(moduleUrl)],
    absWorkingDir: fileURLToPath(ROOT),
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    outfile: "worker.mjs",
    logLevel: "silent",
  });
  const contents = ownModuleUrls(new TextDecoder().decode(outputFiles[0]!.contents));
  // Named by the module's path under the root (solver-engines-worker-…, src-jobs-checker-worker-…).
  const name = fileURLToPath(moduleUrl).slice(fileURLToPath(ROOT).length).replace(/\.ts$/, "").replaceAll("/", "-");
  const file = new URL(`dist/.test-workers/${name}-${createHash("sha256").update(contents).digest("hex").slice(0, 16)}.mjs`, ROOT);
  if (!existsSync(file)) {
    // Written aside and renamed: the suite's processes may make the same file at once.
    mkdirSync(new URL(".", file), { recursive: true });
    const partial = `${fileURLToPath(file)}.${process.pid}.${threadId}.tmp`;
    writeFileSync(partial, contents);
    renameSync(partial, file);
    removeStale(file, name);
  }
  return file;
}

/**
 * The same module's bundles of older sources, once a day old: each edit of a worker's sources made one
 * more, and nothing removed them. A day, so that a process still running from an older one (a watching
 * test runner) is not left without it.
 */
function removeStale(file: URL, name: string): void {
  const dir = new URL(".", file);
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  const kept = fileURLToPath(file);
  for (const entry of readdirSync(dir)) {
    const path = fileURLToPath(new URL(entry, dir));
    if (path === kept || entry.slice(0, -".mjs".length - 17) !== name || !/-[0-9a-f]{16}\.mjs$/.test(entry)) continue;
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true });
    } catch {
      // Removed meanwhile by another process of the suite.
    }
  }
}

/**
 * `import.meta.url` in each module's part of the bundle replaced by that module's own file URL. esbuild
 * heads each part with a comment naming its source (relative to `absWorkingDir`), and keeps no other
 * line comment: an `import.meta.url` before the first such line, or the bundle's own, is refused.
 */
function ownModuleUrls(code: string): string {
  let source: string | undefined;
  return code
    .split("\n")
    .map((line) => {
      const head = /^\/\/ (\S+\.ts)$/.exec(line);
      if (head) source = pathToFileURL(fileURLToPath(new URL(head[1]!, ROOT))).href;
      // Patterns, not strings: this very module is bundled too, and its strings would be rewritten.
      if (!/\bimport\.meta\b/.test(line)) return line;
      if (!source) throw new Error(`a worker bundle's import.meta outside any module: ${line}`);
      return line.replace(/\bimport\.meta\.url\b/g, JSON.stringify(source));
    })
    .join("\n");
}
