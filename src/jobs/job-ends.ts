/**
 * How a job's end is said: the words of an interrupted job by its kind. Used by the queue (queue.ts).
 */
import type { JobRecord } from "../store/jobs.js";

/** What a job is, in words: a solve, a repair (a solve with `repair`), an FTE report. */
function jobNoun(job: JobRecord): string {
  if (job.kind === "fte-report") return "FTE report";
  return job.options.repair ? "repair" : "solve";
}

/** The error of a job that was running when its server stopped, in the words of its kind. */
export function interruptedReason(job: JobRecord): string {
  return `interrupted: the server stopped during the ${jobNoun(job)}`;
}

/** The startup line for the jobs a stopped server left running, counted by kind ("1 FTE report job … is marked failed"). */
export function interruptedNotice(jobs: readonly JobRecord[]): string {
  const counts = new Map<string, number>();
  for (const job of jobs) counts.set(jobNoun(job), (counts.get(jobNoun(job)) ?? 0) + 1);
  const kinds = [...counts].map(([noun, n]) => `${n} ${noun} job${n === 1 ? "" : "s"}`).join(", ");
  return `rxroster: ${kinds} interrupted by the last stop ${jobs.length === 1 ? "is" : "are"} marked failed`;
}
