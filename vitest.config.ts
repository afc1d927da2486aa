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
  },
});
