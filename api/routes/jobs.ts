/**
 * Jobs: poll one (status, progress, resulting schedule or report), stop a solve early keeping its best
 * schedule, or cancel it. A solve job is seen by those who may read its site's schedules and planning data
 * (a failed solve names the rules that conflict as the data has them for each person: their leave with its
 * reason and dates, their contract), and stopped and cancelled by those who may write its schedules; an
 * FTE report job by those who may read its site's reports.
 */
import type { JobRecord } from "../../src/store/jobs.js";
import { HttpProblem, notFound } from "../problem.js";
import { operation, type AccessContext, type Context, type Operation } from "../operation.js";
import { JobSchema } from "../schemas.js";

/** What a client sees of a job (not who created it, nor its stored options). */
export function jobView(job: JobRecord) {
  const { createdBy: _c, options: _o, ...view } = job;
  return view;
}

function jobFor(ctx: AccessContext, permission: "schedule:read" | "schedule:write"): JobRecord {
  const job = ctx.deps.queue.get(ctx.params.jobId!);
  // Another site's job is no job to this caller: a 403 naming its site told that it exists, and where.
  const elsewhere = job !== undefined && ctx.principal.role !== "admin" && ctx.principal.siteId !== job.siteId;
  if (!job || elsewhere) throw notFound(`no job ${ctx.params.jobId} (finished jobs expire after the retention period)`);
  const site = { siteId: job.siteId };
  if (job.kind === "fte-report") {
    ctx.authorize("report:read", site);
    return job;
  }
  ctx.authorize(permission, site);
  ctx.authorize("site:read", site);
  return job;
}

/**
 * Checked before the body and query (operation.ts), so a caller of another site gets 404 and one without
 * the permission on the job's site 403, whatever it sent.
 */
const mayRead = (ctx: AccessContext) => void jobFor(ctx, "schedule:read");
const mayWrite = (ctx: AccessContext) => void jobFor(ctx, "schedule:write");

/** jobFor's checks in words, for the OpenAPI document. */
const READ_NOTE = "Needs, on the job's site: for a solve job `schedule:read` and `site:read` (a failed solve quotes the planning data, so an hr token is refused); for an FTE report job `report:read`.";
const CANCEL_NOTE = "Needs, on the job's site: for a solve job `schedule:write` and `site:read`; for an FTE report job `report:read` (so HR may cancel a report).";
const STOP_NOTE = "Needs, on the job's site, `schedule:write` and `site:read`; an FTE report job is answered 409 (cancel it instead).";

function cancel(ctx: Context<unknown>) {
  const job = jobFor(ctx, "schedule:write");
  return { status: 200, body: jobView(ctx.deps.queue.cancel(job.id, ctx.principal) ?? job) };
}

function stop(ctx: Context<unknown>) {
  const job = jobFor(ctx, "schedule:write");
  if (job.kind === "fte-report") throw new HttpProblem(409, "an FTE report cannot stop early (its later what-if solves would have no schedule); cancel it instead", [], {}, "report-cannot-stop");
  return { status: 200, body: jobView(ctx.deps.queue.stop(job.id, ctx.principal) ?? job) };
}

export const jobOperations: Operation[] = [
  operation({
    method: "get", path: "/jobs/{jobId}", tag: "jobs", summary: "A job's status, progress and result (a solve's draft schedule, an FTE report's reportId)", permission: "schedule:read",
    responses: { 200: { description: "The job", schema: JobSchema } },
    access: mayRead,
    permissionNote: READ_NOTE,
    handle: (ctx) => ({ status: 200, body: jobView(jobFor(ctx, "schedule:read")) }),
  }),
  // Cancelling is checked per job (jobFor): a solve needs schedule:write on its site, an FTE report what
  // its creator had, report:read — so HR can call off the report it started.
  operation({
    method: "post", path: "/jobs/{jobId}/cancel", tag: "jobs", summary: "Cancel a queued or running job (a finished one is left as it is)", permission: "schedule:read",
    responses: { 200: { description: "The job after the cancel", schema: JobSchema } },
    access: mayWrite,
    permissionNote: CANCEL_NOTE,
    handle: cancel,
  }),
  operation({
    method: "post", path: "/jobs/{jobId}/stop", tag: "jobs", permission: "schedule:write",
    summary: "Stop a running solve now and keep its best schedule as the job's draft, as its time limit would (a queued one is cancelled; a finished one is left as it is; 409 for an FTE report)",
    responses: { 200: { description: "The job after the stop (still running until the solve answers, within seconds)", schema: JobSchema } },
    access: mayWrite,
    permissionNote: STOP_NOTE,
    handle: stop,
  }),
  operation({
    method: "delete", path: "/jobs/{jobId}", tag: "jobs", summary: "Same as POST /jobs/{jobId}/cancel", permission: "schedule:read",
    responses: { 200: { description: "The job after the cancel", schema: JobSchema } },
    access: mayWrite,
    permissionNote: CANCEL_NOTE,
    handle: cancel,
  }),
];
