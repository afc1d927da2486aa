/**
 * `--history-from SCHEDULE`, any number of times: last month's schedule as this month's history. Input:
 * the planning input's path and the schedule files (`schedule.json` of an earlier `solve` or `repair`),
 * oldest first. Output: the input with each person's `staff[].history` completed from the files' shifts
 * before the horizon, by the API's derivation for published versions (`withScheduleHistory`): a later
 * file's shifts replace an earlier one's on the dates it covers (its recorded horizon; an older file's,
 * its shifts' first to last date), only the days the rules read, a date the input's history names kept as
 * recorded, people no longer on staff skipped. A shift whose template the input no longer has is left
 * out with a warning on stderr, as is a file with no shift before the horizon (this month's, passed by
 * mistake): neither is bad input.
 */
import { parseSchedule, type Assignment, type PlanningInput, type Problem, type Schedule } from "../../models/index.js";
import { readDataFile } from "../io.js";
import { withScheduleHistory } from "../calendar/published-history.js";
import type { DateRange } from "../calendar/coverage.js";
import { EXIT_BAD_INPUT, loadInput, reportProblems, type Io } from "./command-io.js";
import { terminalText } from "./terminal.js";

/** The flag, as its problems and warnings name it. */
const HISTORY_FLAG = "--history-from";

/** A file's problems, named by the file (the input's path, or `--history-from` and the schedule's). */
interface FileProblems {
  file: string;
  problems: Problem[];
}

export type LoadedInput = { ok: true; value: PlanningInput } | { ok: false; failures: FileProblems[] };

/** The dates a schedule file speaks for: the horizon it records, else its shifts' first to last date. */
function coverageOfFile(schedule: Schedule): DateRange | undefined {
  if (schedule.horizon) return { start: schedule.horizon.start, end: schedule.horizon.end };
  const dates = schedule.assignments.map((a) => a.date).sort();
  return dates.length > 0 ? { start: dates[0]!, end: dates[dates.length - 1]! } : undefined;
}

/**
 * The input at `inputPath` with history from the schedules at `historyPaths` (oldest first); every file's
 * problems at once when any is bad. Warnings go to `io.err`, one line each.
 */
export function loadInputWithHistory(io: Io, inputPath: string, historyPaths: readonly string[]): LoadedInput {
  const failures: FileProblems[] = [];
  const input = loadInput(inputPath);
  if (!input.ok) failures.push({ file: inputPath, problems: input.problems });
  const sources: { path: string; covers: DateRange; assignments: readonly Assignment[] }[] = [];
  for (const path of historyPaths) {
    const data = readDataFile(path);
    // Not checked against the input: last month's staff and templates need not be this month's.
    const schedule = data.ok ? parseSchedule(data.value) : data;
    if (!schedule.ok) failures.push({ file: `${HISTORY_FLAG} ${path}`, problems: schedule.problems });
    else {
      const covers = coverageOfFile(schedule.value);
      // A file with no shifts and no horizon speaks for no date (not for every date, as a version with no known horizon).
      if (covers) sources.push({ path, covers, assignments: schedule.value.assignments });
    }
  }
  if (!input.ok || failures.length > 0) return { ok: false, failures };
  const { start } = input.value.horizon;
  const none = historyPaths.filter((path) => !sources.some((s) => s.path === path && s.assignments.some((a) => a.date < start)));
  for (const path of none) io.err(terminalText(`Warning: ${HISTORY_FLAG} ${path}: no shift before the horizon's start (${start}): it adds no history`));
  const derived = withScheduleHistory(input.value, sources);
  for (const { assignment: a, source } of derived.omitted) {
    io.err(terminalText(`Warning: ${HISTORY_FLAG} ${source.path}: shift ${a.staff} ${a.template}@${a.date} is not counted as history: shift template ${a.template} is not in ${inputPath}`));
  }
  return { ok: true, value: derived.input };
}

/** Each failed file's problems, one line each (`reportProblems`); the exit code of bad input. */
export function reportFailures(io: Io, failures: readonly FileProblems[]): number {
  for (const f of failures) reportProblems(io, f.file, f.problems);
  return EXIT_BAD_INPUT;
}
