/**
 * Schedules of a site: start a solve job (202 + job location), post a draft, edit a draft (re-checked on
 * save), publish a draft as an immutable version, read any schedule with the checker's explanation, and
 * analyze a posted schedule without storing it.
 */
import { z } from "zod";
import type { Schedule } from "../../models/index.js";
import { explain, parseScheduleFor, prepare } from "../../src/pipeline.js";
import { SolveJobOptionsSchema } from "../../src/jobs/options.js";
import type { ScheduleRecord } from "../../src/store/schedules.js";
import type { SiteRecord } from "../../src/store/sites.js";
import { applyEdits } from "../edits.js";
import { HttpProblem, invalid, notFound } from "../problem.js";
import { operation, type Operation } from "../operation.js";
import { EditRequestSchema, ExplainedScheduleSchema, ExplanationSchema, JobSchema, PostedScheduleSchema, ScheduleSummarySchema } from "../schemas.js";
import { jobView } from "./jobs.js";
import { siteOr404, written } from "./common.js";

/** A posted schedule checked against the site's input, or a 400 naming each bad assignment. */
function scheduleFor(site: SiteRecord, data: unknown): Schedule {
  const parsed = parseScheduleFor(site.input, data);
  if (!parsed.ok) throw invalid("the schedule does not fit the site's planning data", parsed.problems);
  return parsed.value;
}

/** A stored schedule with the checker's explanation (or, when the site's data changed under it, the problems). */
function explained(site: SiteRecord, schedule: ScheduleRecord) {
  const parsed = parseScheduleFor(site.input, { assignments: schedule.assignments });
  if (!parsed.ok) return { schedule, problems: parsed.problems };
  return { schedule, explanation: explain(prepare(site.input), parsed.value) };
}

function scheduleOr404(site: SiteRecord, record: ScheduleRecord | undefined, id: string): ScheduleRecord {
  if (!record) throw notFound(`no schedule ${id} at site ${site.id}`);
  return record;
}

export const scheduleOperations: Operation[] = [
  operation({
    method: "get", path: "/sites/{siteId}/schedules", tag: "schedules", summary: "The site's schedules, newest first", permission: "schedule:read",
    responses: { 200: { description: "Schedules without their assignments", schema: z.array(ScheduleSummarySchema) } },
    handle: ({ deps, params }) => {
      siteOr404(deps.store, params.siteId!);
      const list = deps.store.schedules.list(params.siteId!).map(({ assignments, ...rest }) => ({ ...rest, assignmentCount: assignments.length }));
      return { status: 200, body: list };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules", tag: "schedules", summary: "Start a solve job; poll the job at Location", permission: "schedule:write",
    body: SolveJobOptionsSchema,
    responses: { 202: { description: "The queued job", schema: JobSchema } },
    handle: ({ deps, params, body, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      if (body.baseScheduleId !== undefined && !deps.store.schedules.get(site.id, body.baseScheduleId)) {
        throw invalid("the base schedule does not exist", [{ path: "baseScheduleId", message: `no schedule at site ${site.id}`, value: body.baseScheduleId }]);
      }
      const job = deps.queue.submit(site.id, body, principal);
      return { status: 202, body: jobView(job), headers: { Location: `/jobs/${job.id}` } };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/drafts", tag: "schedules", summary: "Store a schedule as a draft; answers it with its explanation", permission: "schedule:write",
    body: PostedScheduleSchema,
    responses: { 201: { description: "The draft", schema: ExplainedScheduleSchema } },
    handle: ({ deps, params, body, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const schedule = scheduleFor(site, body);
      const record = deps.store.schedules.createDraft(site.id, schedule.assignments, "manual", undefined, principal);
      return { status: 201, body: explained(site, record), headers: { Location: `/sites/${site.id}/schedules/${record.id}` } };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/analyze", tag: "schedules", summary: "Explain any schedule without storing it", permission: "schedule:analyze",
    body: PostedScheduleSchema,
    responses: { 200: { description: "The checker's explanation", schema: ExplanationSchema } },
    handle: ({ deps, params, body }) => {
      const site = siteOr404(deps.store, params.siteId!);
      return { status: 200, body: explain(prepare(site.input), scheduleFor(site, body)) };
    },
  }),
  operation({
    method: "get", path: "/sites/{siteId}/schedules/{scheduleId}", tag: "schedules", summary: "A schedule with the checker's explanation", permission: "schedule:read",
    responses: { 200: { description: "The schedule and its explanation", schema: ExplainedScheduleSchema } },
    handle: ({ deps, params }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const record = scheduleOr404(site, deps.store.schedules.get(site.id, params.scheduleId!), params.scheduleId!);
      return { status: 200, body: explained(site, record) };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/{scheduleId}/edits", tag: "schedules", summary: "Edit a draft (move, swap, lock, unlock); re-checked on save", permission: "schedule:write",
    body: EditRequestSchema,
    responses: { 200: { description: "The edited draft and its explanation", schema: ExplainedScheduleSchema } },
    handle: ({ deps, params, body, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const record = scheduleOr404(site, deps.store.schedules.get(site.id, params.scheduleId!), params.scheduleId!);
      if (record.status === "published") throw new HttpProblem(409, `schedule ${record.id} is published version ${record.version} and can never be edited`);
      const edited = applyEdits(record.assignments, body.edits);
      if (!edited.ok) throw invalid("an edit does not apply to this schedule", edited.problems);
      const schedule = scheduleFor(site, { assignments: edited.value });
      const saved = written(deps.store.schedules.updateDraft(site.id, record.id, schedule.assignments, principal, `schedule.edit.${body.edits.map((e) => e.op).join(",")}`));
      return { status: 200, body: explained(site, saved) };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/{scheduleId}/publish", tag: "schedules", summary: "Publish a draft as the site's next immutable version", permission: "schedule:write",
    responses: { 201: { description: "The published version", schema: ExplainedScheduleSchema } },
    handle: ({ deps, params, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const draft = scheduleOr404(site, deps.store.schedules.get(site.id, params.scheduleId!), params.scheduleId!);
      const checked = explained(site, draft);
      if (checked.problems) throw new HttpProblem(409, "the draft no longer fits the site's planning data; edit it first", checked.problems);
      const published = written(deps.store.schedules.publish(site.id, draft.id, principal));
      return { status: 201, body: { ...checked, schedule: published }, headers: { Location: `/sites/${site.id}/schedules/${published.id}` } };
    },
  }),
];
