#!/usr/bin/env node
// Entry point: `serve` runs the compiled HTTP server, everything else the compiled CLI (npm run build writes dist/).
const argv = process.argv.slice(2);

/** The compiled module, or a one-line hint when dist/ has not been built. */
async function compiled(path) {
  try {
    return await import(path);
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("/dist/")) throw error;
    process.stderr.write("rxroster: not built yet: run `npm run build` first (or `npm run demo`)\n");
    process.exit(1);
  }
}

if (argv[0] === "serve") {
  const { main } = await compiled("../dist/api/server.js");
  process.exitCode = await main(argv.slice(1));
} else {
  // A reader that goes away (`rxroster check … 2>&1 | head`) ends the output, not in a stack trace.
  process.stderr.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  const { run } = await compiled("../dist/src/cli/main.js");
  // Standard output is checked as output files are (stdout.ts); process.stdout is never touched.
  const { standardOutput } = await compiled("../dist/src/cli/stdout.js");
  process.exitCode = await run(argv, {
    out: standardOutput,
    err: (text) => process.stderr.write(text + "\n"),
  });
}
