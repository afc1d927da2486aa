/**
 * The roster column generation (`solver/columns/`) alone on Curtois–Qu instances, each judged by the
 * benchmark's evaluator; prints one JSON line per instance. Not part of `npm run bench:curtois` (which runs
 * the product's `optimize()`): a measure of the experiment, run in this process one instance after another.
 *
 *   npx tsx bench/curtois/columns-run.ts [--time-limit S] N [N …]
 */
import { parseArgs } from "node:util";
import { generateRosters } from "../../solver/columns/generate.js";
import { rosterAssignments, rosterProblemOf } from "./columns.js";
import { evaluateRoster } from "./evaluate.js";
import { assertInstance } from "./load.js";

/** One line naming the problem, exit 2: bad input, not a stack trace. */
function refuse(line: string): never {
  process.stderr.write(`columns-run: ${line}\n`);
  process.exit(2);
}

const args = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { "time-limit": { type: "string", default: "60" } } });
  } catch (error) {
    return refuse((error as Error).message);
  }
})();
const seconds = Number(args.values["time-limit"]);
if (!/^\d+(\.\d+)?$/.test(args.values["time-limit"]) || seconds <= 0) refuse(`--time-limit must be a number of seconds above 0 (got "${args.values["time-limit"]}")`);
if (args.positionals.length === 0) refuse("name one or more instances by number, 1 to 12");
for (const given of args.positionals) if (!/^(?:[1-9]|1[0-2])$/.test(given)) refuse(`an instance is a number from 1 to 12 (got "${given}")`);
for (const n of args.positionals.map(Number)) {
  const instance = assertInstance(n);
  const outcome = await generateRosters(rosterProblemOf(instance), { seconds });
  if (outcome.status !== "feasible") {
    console.log(JSON.stringify({ instance: n, status: outcome.status, person: instance.staff[outcome.person]?.id }));
    continue;
  }
  const judged = evaluateRoster(instance, { assignments: rosterAssignments(instance, outcome.rosters) });
  const { rosters: _rosters, ...figures } = outcome;
  console.log(JSON.stringify({ instance: n, ...figures, evaluatorPenalty: judged.penalty, evaluatorHardViolations: judged.hardViolations.length }));
}
