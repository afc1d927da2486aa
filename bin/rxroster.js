#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm run build writes dist/).
import { run } from "../dist/src/cli/main.js";

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
});
