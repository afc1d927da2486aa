/**
 * The command line's grammar: the usage text, the options each command takes, the option table
 * `parseArgs` reads with, and the error of bad use (main.ts prints its lines, then the usage, and exits 2).
 */
import { TOKEN_USAGE } from "./token.js";
import { BACKUP_USAGE } from "./backup.js";

/** `serve`'s part of the usage, which api/server.ts prints for `serve --help` and bad `serve` flags. */
export const SERVE_USAGE = `  serve [--port P] [--host H] [--data-dir DIR] [--public-url URL] [--checker-workers N]
        [--checker-max-waiting N] [--checker-time-limit S] [--checker-start-limit S]
                                  the HTTP API on a SQLite store in DIR (default .rxroster);
                                  URL: the origin feed links are given with; the checker's
                                  worker threads (default 2, or 1 on one core), requests
                                  waiting for them at most (default 32), seconds of work per
                                  request (default 60) and seconds a new worker may take to
                                  start (default 30)`;

export const USAGE = `usage: rxroster <command> [options]    (rxroster --version: the version)

commands:
  schema                          print the JSON Schema of the planning input
  solve <input> [--out DIR] [--from SCHEDULE] [--history-from EARLIER]... [--time-limit S] [--gap G]
        [--engine highs|jslp] [--json]
                                  the cheapest schedule that keeps every hard rule; writes
                                  DIR/schedule.json, DIR/schedule.csv and the page
                                  DIR/schedule.html (default DIR: out);
                                  SCHEDULE: a previous schedule whose "locked": true assignments
                                  are kept and which seeds the solve;
                                  EARLIER: an earlier period's schedule.json (last month's): its
                                  shifts before <input>'s horizon are history, so rest, run,
                                  weekend and pay rules hold across the edge (repeatable, a
                                  later file wins on the dates it covers; also for check,
                                  repair, candidates, demo and report fte);
                                  S: seconds the solve may take (default 60); G is a fraction
                                  (0.01 = 1 %; default 0.0001); exit 3: no schedule
  check <input> <schedule> [--history-from EARLIER]... [--json] [--html FILE]
                                  explain a schedule: rule violations, coverage, hours, cost;
                                  FILE: also write the schedule page there
  repair <input> <schedule> [--change-from DATE] [--change-until DATE] [--out DIR]
         [--history-from EARLIER]... [--time-limit S] [--gap G] [--engine highs|jslp] [--json]
                                  after a call-out (recorded as leave in <input>): the cheapest
                                  schedule that changes <schedule> least (repair.changes); outside
                                  the dates from..until it stays as it is, and its locked
                                  assignments are kept
  candidates <input> <schedule> --date YYYY-MM-DD --shift TEMPLATE_ID [--history-from EARLIER]...
             [--json]
                                  whom to call for one open shift, best first, and who may not take it
  demo [--out DIR] [--from SCHEDULE] [--history-from EARLIER]... [--time-limit S] [--gap G]
       [--engine highs|jslp] [--json]
                                  solve the bundled demo department (default DIR: out/demo)
  ics <input> <schedule> --staff ID [--out FILE]
                                  one person's shifts as an iCalendar file (default: stdout)
  report fte <input> [--history-from EARLIER]... [--hire LEVEL:FTE[:PATTERN]] [--max-hires N]
             [--time-limit S] [--format html|csv|json] [--out FILE]
                                  FTE justification: FTE the workload needs, and what each
                                  added hire saves (PATTERN: day|evening|night|any or
                                  template ids joined by commas; default stdout, html);
                                  S: seconds each what-if solve may take (default 60)
${SERVE_USAGE}
${TOKEN_USAGE}
${BACKUP_USAGE}

Input files are UTF-8 JSON (.json) or YAML (anything else).`;

/** Bad command-line use: one line per problem, then the usage. */
export class UsageError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join("; "));
  }
}

/** The options each command takes. */
export const OPTIONS_OF: Record<string, readonly string[]> = {
  schema: [],
  solve: ["out", "from", "history-from", "time-limit", "gap", "engine", "json"],
  check: ["history-from", "json", "html"],
  repair: ["out", "history-from", "change-from", "change-until", "time-limit", "gap", "engine", "json"],
  candidates: ["date", "shift", "history-from", "json"],
  demo: ["out", "from", "history-from", "time-limit", "gap", "engine", "json"],
  ics: ["staff", "out"],
  report: ["history-from", "hire", "max-hires", "time-limit", "format", "out"],
};

export const PARSE_OPTIONS = {
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
  out: { type: "string" },
  from: { type: "string" },
  "history-from": { type: "string", multiple: true },
  "time-limit": { type: "string" },
  "change-from": { type: "string" },
  "change-until": { type: "string" },
  gap: { type: "string" },
  engine: { type: "string" },
  staff: { type: "string" },
  hire: { type: "string" },
  "max-hires": { type: "string" },
  format: { type: "string" },
  date: { type: "string" },
  shift: { type: "string" },
  html: { type: "string" },
} as const;

/** The options that take a value. */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(Object.entries(PARSE_OPTIONS).filter(([, o]) => o.type === "string").map(([name]) => name));
