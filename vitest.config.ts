import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // One test file per core, not vitest's default of one fewer: most files wait on solver workers,
    // servers or timers rather than compute on their own thread, and on a 2-core machine the default ran
    // the files one at a time (about 12 minutes; 2 at a time, about 8 under load).
    maxWorkers: availableParallelism(),
    // Test files share their worker process (2 processes for the whole run), not one new process each:
    // a process start and the module graph loaded again (zod, luxon, models, solver, api) came to about
    // 0.8 s per file, 128 s of the suite's worker time (collect 106 s, prepare 22 s), and HiGHS's WASM
    // was compiled again in every file that solves. No test file mocks modules; spies are restored after
    // each file (vitest's restoreAllMocks), and the files that set process.env or fake timers undo it.
    // A test that needs a fresh process spawns one (the CLI and server tests do).
    isolate: false,
  },
});
