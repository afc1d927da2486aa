#!/usr/bin/env node
// Entry point: `serve` runs the compiled HTTP server, everything else the compiled CLI (npm run build writes dist/).
const argv = process.argv.slice(2);

if (argv[0] === "serve") {
  const { main } = await import("../dist/api/server.js");
  process.exitCode = await main(argv.slice(1));
} else {
  const { run } = await import("../dist/src/cli/main.js");
  process.exitCode = await run(argv, {
    out: (text) => process.stdout.write(text + "\n"),
    err: (text) => process.stderr.write(text + "\n"),
  });
}
