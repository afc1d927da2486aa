/**
 * Helpers shared by route modules: turning a store refusal or validation result into a reply or a
 * problem, loading a site that must exist, a site's ETag and If-Match, and handing the checker's work to
 * its worker threads.
 */
import type { Request } from "express";
import type { Parsed, PlanningInput, Problem } from "../../models/index.js";
import { inputForRules, withPublishedHistory } from "../../src/calendar/published-history.js";
import type { CheckerAnswers, CheckerTask } from "../../src/jobs/checker-worker.js";
import { WorkerExitedError, WorkerPoolClosedError, WorkerPoolFullError, WorkerStartsStoppedError, WorkerTimeoutError } from "../../src/jobs/worker-errors.js";
import type { AppDeps } from "../operation.js";
import type { SiteRecord, WriteRefusal } from "../../src/store/sites.js";
import type { ScheduleRecord } from "../../src/store/schedule-records.js";
import type { Store } from "../../src/store/store.js";
import { HttpProblem, ifMatchRequired, invalid, logOnce, notFound, type EtagResource } from "../problem.js";

/**
 * The value of a store write, or the problem it stands for (400 validation, 404, 409, 412). `expects`: the
 * If-Match the write was tested against; a 412 says why when no tag in it could ever match.
 */
export function written<T>(result: Parsed<T> | WriteRefusal | { ok: true; value: T }, expects?: IfMatch): T {
  if (result.ok) return result.value;
  if ("status" in result && result.status === 412 && expects?.neverMatches) throw expects.neverMatches;
  if ("status" in result) throw new HttpProblem(result.status, result.detail, result.problems ?? [], {}, result.code);
  throw invalid("the planning data is invalid", result.problems);
}

export function siteOr404(store: Store, siteId: string): SiteRecord {
  const site = store.sites.get(siteId);
  if (!site) throw notFound(`no site ${siteId}`);
  return site;
}

/**
 * The planning input a stored schedule is explained and shown against: a published version's own, as it
 * was published (its month, its staff and rules then), so last month's stays readable after the horizon
 * moves on; a draft's, the site's as it stands, which it must fit to be published. A version published
 * before its input was kept (migration 5) is judged against the site's too, which `unkept` says for a 409.
 */
export function judgedAgainst(store: Store, site: SiteRecord, schedule: ScheduleRecord): { input: PlanningInput; unkept: string } {
  const kept = schedule.status === "published" ? store.schedules.publishedInput(site.id, schedule.id) : undefined;
  // Either way with the history published before its horizon (rulesInput), as a solve of it had.
  if (kept) return { input: withPublishedHistory(kept, store.schedules.publishedShifts(site.id)).input, unkept: "" };
  const unkept = schedule.status === "published" ? " (it was published before versions kept the planning input they were published with, so it is judged against the site's as it stands)" : "";
  return { input: rulesInput(store, site), unkept };
}

/**
 * The site's input as its rules judge and solve it: with each person's history completed from the
 * published versions before the horizon (src/calendar/published-history.ts). Not for writes or exports,
 * which keep the stored input as the manager wrote it.
 */
export function rulesInput(store: Store, site: SiteRecord): PlanningInput {
  return inputForRules(store, site).input;
}

/**
 * The 409 of a stored schedule that no longer fits the site's planning data (`problems` name what), for
 * work that needs it to (`refusal`: "it has no page"), saying what its manager can do: a draft is edited;
 * a published version never is, so a new draft is made from it.
 */
export function noLongerFits(schedule: ScheduleRecord, refusal: string, problems: Problem[]): HttpProblem {
  const remedy = schedule.status === "published"
    ? `it is published version ${schedule.version}, which can never be edited: post its assignments again as a new draft without what no longer fits, or repair from it (a solve with baseScheduleId and repair drops what no longer fits)`
    : "edit it first";
  return new HttpProblem(409, `schedule ${schedule.id} no longer fits the site's planning data, so ${refusal}; ${remedy}`, problems, {}, "schedule-unfit");
}

/** `{ id, name, … }` of a site for lists. */
export function siteSummary(site: SiteRecord) {
  return {
    id: site.id,
    name: site.input.site.name,
    timeZone: site.input.site.timeZone,
    horizon: site.input.horizon,
    staffCount: site.input.staff.length,
    revision: site.revision,
    updatedAt: site.updatedAt,
  };
}

export function siteDocument(site: SiteRecord) {
  return { id: site.id, revision: site.revision, createdAt: site.createdAt, updatedAt: site.updatedAt, input: site.input };
}

/** The ETag of every read of a site or a part of it at one revision: any write gives a new one. */
export const siteEtag = (site: { revision: number }): string => `"site-${site.revision}"`;

/** The ETag of a schedule at one revision: every edit of a draft gives a new one. */
export const scheduleEtag = (schedule: { revision: number }): string => `"schedule-${schedule.revision}"`;

/** An If-Match as a test of a stored revision. */
export interface IfMatch {
  (revision: number): boolean;
  /**
   * The 412 to answer when the test fails because no tag in the header could match any revision (weak
   * tags, another resource's ETags), in place of "changed since it was read", which it need not have.
   */
  neverMatches?: HttpProblem;
}

/** Why `tag` (well-formed, not `*`) can match no revision of a `resource`, or undefined when it may. */
function neverMatching(tag: string, resource: EtagResource): string | undefined {
  const strong = tag.replace(/^W\//, "");
  const ours = new RegExp(`^"${resource}-\\d+"$`).test(strong);
  if (tag.startsWith("W/")) {
    return `is a weak ETag, which If-Match never matches (RFC 9110 §13.1.1 compares strongly): send the ETag as the ${resource} was read with${ours ? `, ${strong}` : ""}`;
  }
  if (!ours) return `is not a ${resource}'s ETag (a ${resource}'s is "${resource}-N"${/^"(site|schedule)-\d+"$/.test(tag) ? `; this is a ${tag.slice(1, tag.indexOf("-"))}'s` : ""}): send the ETag the ${resource} was read with`;
  return undefined;
}

/**
 * The request's If-Match as a test of the stored revision of a site (or of a schedule): a write is made
 * only on the revision its client read (RFC 9110 §13.1.1, strong comparison; `*` matches any). Without one
 * it is a 428 (the operation declares `ifMatch: "site"` or `"schedule"`, which refuses it even before the handler runs).
 * A header whose every tag is weak or another resource's fails every time; its 412 (`neverMatches`) says so.
 */
export function ifMatch(req: Request, resource: EtagResource = "site"): IfMatch {
  const header = req.get("if-match");
  if (header === undefined) throw ifMatchRequired(resource);
  const tags = header.split(",").map((tag) => tag.trim());
  // A tag that is not one (unquoted `site-3`) would read as "changed since": name it instead.
  const malformed = tags.find((tag) => tag !== "*" && !/^(W\/)?"[^"]*"$/.test(tag));
  if (malformed !== undefined) throw invalid("the If-Match header is malformed", [{ path: "If-Match", message: `must be an ETag as the ${resource} was read with, such as "${resource}-3", or *`, value: malformed }]);
  const etag = resource === "site" ? siteEtag : scheduleEtag;
  const test: IfMatch = (revision) => tags.includes("*") || tags.includes(etag({ revision }));
  const reasons = tags.map((tag) => (tag === "*" ? undefined : neverMatching(tag, resource)));
  if (reasons.every((why) => why !== undefined)) {
    test.neverMatches = new HttpProblem(412, `If-Match can never match the ${resource}, whatever its revision: ${tags.map((tag, i) => `${tag} ${reasons[i]}`).join("; ")}`, tags.map((tag, i) => ({ path: "If-Match", message: reasons[i]!, value: tag })));
  }
  return test;
}

/** Seconds a client is told to wait before asking again when the checker has as many requests waiting as it may. */
const CHECKER_BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The checker's answer to `task`, worked out in one of its worker threads so that the event loop answers
 * everyone else meanwhile. Each is a 503 rather than a wait without end: the checker has as many requests
 * waiting as it may (`Retry-After`); a worker that dies on the task (out of memory, say), runs past the
 * time limit or does not start within its own (logged; a new worker takes its place); new workers failed to
 * start so often in a row that none is started for a while (logged once; `Retry-After`: the while left); a
 * task the server's shutdown cut off. An error the work threw is a bug and stays one (500, logged by the
 * app's error handler). `shared`: a task equal to one under way shares its answer, or its failure (logged
 * once, a bug's too: `logOnce`).
 */
export async function inChecker<T extends CheckerTask>(deps: AppDeps, task: T, options: { shared?: boolean } = {}): Promise<CheckerAnswers[T["op"]]> {
  const log = deps.log ?? ((line: string) => process.stderr.write(line + "\n"));
  try {
    return await (options.shared ? deps.checker.runShared(task) : deps.checker.run(task));
  } catch (error) {
    if (error instanceof WorkerPoolClosedError) throw new HttpProblem(503, "the server is shutting down; try again once it is back");
    if (error instanceof WorkerPoolFullError) {
      // Load, not a fault: not logged, or a burst would flood the log too.
      const busy = error.maxWaiting === 0
        ? "every worker thread of the checker is busy, and this server keeps no request waiting for one"
        : `the checker has ${error.maxWaiting} request(s) waiting for its worker threads, as many as it takes`;
      throw new HttpProblem(503, `${busy}: try again in a few seconds`, [], { "Retry-After": String(CHECKER_BUSY_RETRY_AFTER_SECONDS) });
    }
    if (error instanceof WorkerStartsStoppedError) {
      // Every request refused during one stop is given the same error: the stop is logged once, not per request.
      logOnce(log, error, `checker workers failed to start: ${error.message}`);
      const secondsLeft = Math.max(1, Math.ceil((error.untilMs - Date.now()) / 1000));
      throw new HttpProblem(503, `the checker's worker threads failed to start ${error.failedStarts} time(s) in a row, so it starts no other until ${new Date(error.untilMs).toISOString()}: try again then, and if this goes on, tell the server's administrator`, [], { "Retry-After": String(secondsLeft) });
    }
    if (error instanceof WorkerTimeoutError) {
      // A shared task (`shared`) fails every request sharing it with one error: logged once.
      logOnce(log, error, `checker task timed out: ${task.op} for site ${task.input.site.id}: ${error.message}`);
      if (error.starting) {
        throw new HttpProblem(503, `the checker's worker thread for this request did not start within its limit of ${error.timeoutMs} ms and was ended (a new one takes its place); try again, and if this goes on, tell the server's administrator`);
      }
      throw new HttpProblem(503, `the checker's work on this request ran past its time limit of ${error.timeoutMs} ms and was stopped (its worker thread was ended; a new one takes its place); asked again, it would most likely run as long: tell the server's administrator`);
    }
    if (!(error instanceof WorkerExitedError)) throw error;
    logOnce(log, error, `checker worker died: ${error.message}`);
    throw new HttpProblem(503, `the checker's worker thread stopped (exit code ${error.exitCode}) while working on this request; a new one takes its place: try again`, [], { "Retry-After": "1" });
  }
}
