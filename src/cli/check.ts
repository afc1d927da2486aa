/**
 * `rxroster check INPUT SCHEDULE`: the checker's explanation of any schedule (a solve's or one edited by
 * hand) against the input, as text or JSON, and optionally as the schedule page (--html).
 */
import { dirname } from "node:path";
import { writableDirectory, writableFile, writeFileComplete } from "../io.js";
import { explain, prepare } from "../pipeline.js";
import { scheduleToHtml } from "../export/schedule-html.js";
import { formatExplanation } from "./format.js";
import { loadInputWithHistory, reportFailures } from "./history.js";
import { EXIT_OK, loadSchedule, reportProblems, type Io } from "./command-io.js";

export function runCheck(io: Io, inputPath: string, schedulePath: string, historyFrom: readonly string[], json: boolean, htmlPath: string | undefined): number {
  const input = loadInputWithHistory(io, inputPath, historyFrom);
  if (!input.ok) return reportFailures(io, input.failures);
  const schedule = loadSchedule(input.value, schedulePath);
  if (!schedule.ok) return reportProblems(io, schedulePath, schedule.problems);
  const unwritable = htmlPath === undefined ? undefined : writableDirectory(dirname(htmlPath)) ?? writableFile(htmlPath);
  if (unwritable !== undefined) return reportProblems(io, "rxroster", [{ path: "--html", message: `cannot write ${htmlPath}: ${unwritable}` }]);
  const prepared = prepare(input.value);
  const explanation = explain(prepared, schedule.value);
  if (htmlPath !== undefined) writeFileComplete(htmlPath, scheduleToHtml(prepared, schedule.value, explanation));
  io.out(json ? JSON.stringify(explanation, null, 2) : formatExplanation(input.value, explanation));
  return EXIT_OK;
}
