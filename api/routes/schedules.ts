/**
 * Schedules of a site: start a solve job (202 + job location), post a draft, edit a draft (re-checked on
 * save), publish a draft as an immutable version, read any schedule with the checker's explanation, and
 * analyze a posted schedule without storing it. A schedule is read with its revision as ETag; editing or
 * publishing a draft needs it as If-Match, and a publish is refused (409) when the draft is stale or, unless
 * accepted explicitly, breaks a hard rule, makes a version published later (next month's, whose history its
 * shifts are) break one, or leaves shifts published on dates a shortened horizon cut off. Those rules, and
 * the edits, are src/drafts/'s; the routes translate their results to HTTP.
 * The checker's explanations, the checks of a posted draft or an edit before they are stored, and the
 * schedule page are worked out in its worker threads (`inChecker`); what was checked is re-checked on the
 * event loop only when the site or the draft changed meanwhile.
 */
import { z } from "zod";
import type { Explanation, Parsed, PlanningInput, Problem } from "../../models/index.js";
import { explainFor, runCheckerTask } from "../../src/jobs/checker-worker.js";
import { SolveJobOptionsSchema } from "../../src/jobs/options.js";
import { laterBreaks, laterBreaksNow, type LaterBreak, type LaterVersion } from "../../src/calendar/later-versions.js";
import { applyEdits, atEdits, type EditedAssignments } from "../../src/drafts/edits.js";
import { laterVersionsFor, publishVerdict, type DroppedDates } from "../../src/drafts/publish-checks.js";
import { changedSinceRead } from "../../src/store/schedules.js";
import type { ScheduleRecord } from "../../src/store/schedule-records.js";
import type { SiteRecord } from "../../src/store/sites.js";
import { withholdPersonalDetails, type PersonalDetails } from "../../src/export/withhold.js";
import { personalDetailsFor } from "../auth.js";
import { HttpProblem, invalid, notFound, QUEUE_FULL_RESPONSE, queueFull } from "../problem.js";
import { operation, type AppDeps, type Operation } from "../operation.js";
import { AnalyzedScheduleSchema, EditRequestSchema, ExplainedScheduleSchema, JobSchema, PostedScheduleSchema, PublishedScheduleSchema, ScheduleSummarySchema, type Edit } from "../schemas.js";
import { repairJobProblems } from "../../src/repair/window.js";
import { jobBase } from "../../src/jobs/solve-job.js";
import { jobView } from "./jobs.js";
import { ifMatch, inChecker, judgedAgainst, noLongerFits, rulesInput, scheduleEtag, siteOr404, written } from "./common.js";

/** The 400 for a posted schedule that does not fit the site's input, naming each bad assignment. */
const doesNotFit = (problems: Problem[]): HttpProblem => invalid("the schedule does not fit the site's planning data", problems);

/** The draft to edit as stored now: a 404, or a 409 for a published version. */
function draftToEdit(deps: AppDeps, site: SiteRecord, id: string): ScheduleRecord {
  const record = scheduleOr404(site, deps.store.schedules.get(site.id, id), id);
  if (record.status === "published") throw new HttpProblem(409, `schedule ${record.id} is published version ${record.version} and can never be edited`, [], {}, "published-immutable");
  return record;
}

/** The draft's assignments after `edits` (and where each came from), or a 400 naming an edit that does not apply to them. */
function appliedEdits(record: ScheduleRecord, edits: Edit[]): EditedAssignments {
  const edited = applyEdits(record.assignments, edits);
  if (!edited.ok) throw invalid("an edit does not apply to this schedule", edited.problems);
  return edited.value;
}

/** A stored schedule with its explanation, or the problems that keep it from fitting the site. */
const withExplanation = (schedule: ScheduleRecord, checked: Parsed<Explanation>) =>
  checked.ok ? { schedule, explanation: checked.value } : { schedule, problems: checked.problems };

/**
 * A stored schedule with the checker's explanation against `input` (or, when the site's data changed under
 * a draft, the problems), worked out in its worker; without people's leave and requests for a reader who
 * may not read them (`personalDetails`).
 */
async function explained(deps: AppDeps, input: PlanningInput, schedule: ScheduleRecord, personalDetails: PersonalDetails) {
  const checked = await inChecker(deps, { op: "explain", input, schedule: { assignments: schedule.assignments } });
  return withExplanation(schedule, checked.ok && personalDetails === "withheld" ? { ok: true, value: withholdPersonalDetails(input, checked.value) } : checked);
}

const ScheduleFormatQuerySchema = z.strictObject({
  format: z.enum(["json", "html"]).default("json").meta({ description: "json (default): the schedule and its explanation; html: the schedule page, a self-contained page that prints on US letter landscape" }),
});

const PublishQuerySchema = z.strictObject({
  acceptHardViolations: z.enum(["true", "false"]).default("false").meta({ description: "true publishes a draft that breaks hard rules (audited as such; the reply still lists them); default false refuses it with 409" }),
  acceptLaterViolations: z.enum(["true", "false"]).default("false").meta({
    description:
      "true publishes a draft whose shifts, as the history of a version published later (next month's, within the days its rules read back), would make that version break hard rules it does not break now " +
      "(audited as such; the reply lists them in laterVersions, to repair); default false refuses it with 409 naming each",
  }),
  droppedDates: z.enum(["withdraw", "keep"]).optional().meta({
    description:
      "What becomes of the published shifts on dates a version covered and the site's shortened horizon no longer does (unless a later version covers them): " +
      "withdraw takes them out of every calendar (the version covers those dates too), keep leaves them published. " +
      "Without it such a publish is refused with 409 naming the dates; ignored when there are none",
  }),
});

/** What publishing would break in `later` versions, checked in the checker's worker (later-versions.ts). */
const laterBreaksInChecker = (deps: AppDeps, later: readonly LaterVersion[]): Promise<LaterBreak[]> =>
  laterBreaks(later, (input, schedule) => inChecker(deps, { op: "explain", input, schedule }));

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
    body: SolveJobOptionsSchema, bodyOptional: true,
    responses: {
      202: { description: "The queued job", schema: JobSchema },
      200: {
        description:
          "No new job: an identical solve (the same body, the site and its schedules unchanged since) is queued or running, and this is that job " +
          "(Location and Content-Location name it); its draft will be what a new job's would be",
        schema: JobSchema,
      },
      429: QUEUE_FULL_RESPONSE,
    },
    handle: ({ deps, params, body, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      if (body.baseScheduleId !== undefined && !deps.store.schedules.get(site.id, body.baseScheduleId)) {
        throw invalid("the base schedule does not exist", [{ path: "baseScheduleId", message: `no schedule at site ${site.id}`, value: body.baseScheduleId }]);
      }
      if (body.repair) {
        const base = jobBase(deps.store, site, body);
        const problems = repairJobProblems(body.repair, { id: site.id, horizon: site.input.horizon }, base, body.baseScheduleId);
        if (problems.length > 0) throw invalid("the repair cannot be made", problems);
      }
      // A double click, or two managers: one job, answered to both (no await between this and the submit).
      const same = deps.queue.identical(site, "solve", body);
      if (same) {
        const headers: Record<string, string> = { Location: `/jobs/${same.id}`, "Content-Location": `/jobs/${same.id}` };
        return { status: 200, body: jobView(same), headers };
      }
      if (deps.queue.room(site.id) === 0) throw queueFull(site.id, deps.queue.maxQueuedPerSite);
      const job = deps.queue.submit(site.id, body, principal);
      return { status: 202, body: jobView(job), headers: { Location: `/jobs/${job.id}` } };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/drafts", tag: "schedules", summary: "Store a schedule as a draft; answers it with its explanation", permission: "schedule:write",
    body: PostedScheduleSchema,
    responses: { 201: { description: "The draft", schema: ExplainedScheduleSchema } },
    handle: async ({ deps, params, body, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      // Checked and explained in the checker's worker before anything is stored (a 503 stores nothing).
      const checked = await inChecker(deps, { op: "draft", input: rulesInput(deps.store, site), schedule: body });
      // The draft is stored against the site as it is now: if that changed meanwhile, the schedule is
      // checked and explained again here, on the event loop, as a publish does in its transaction.
      const now = siteOr404(deps.store, site.id);
      const draft = now.revision === site.revision ? checked : runCheckerTask({ op: "draft", input: rulesInput(deps.store, now), schedule: body });
      if (!draft.ok) throw doesNotFit(draft.problems);
      const record = deps.store.schedules.createDraft(site.id, draft.value.assignments, "manual", undefined, principal);
      return { status: 201, body: { schedule: record, explanation: draft.value.explanation }, headers: { Location: `/sites/${site.id}/schedules/${record.id}`, ETag: scheduleEtag(record) } };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/analyze", tag: "schedules", summary: "Explain any schedule without storing it", permission: "schedule:analyze",
    body: PostedScheduleSchema,
    responses: { 200: { description: "The checker's explanation, and the hard rules publishing the schedule would break in versions published later (next month's)", schema: AnalyzedScheduleSchema } },
    handle: async ({ deps, params, body }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const checked = await inChecker(deps, { op: "explain", input: rulesInput(deps.store, site), schedule: body });
      if (!checked.ok) throw doesNotFit(checked.problems);
      // What publishing it would refuse, told before: a month re-published under a later one is its history.
      const laterVersions = await laterBreaksInChecker(deps, laterVersionsFor(deps.store, site, body.assignments, undefined));
      return { status: 200, body: { ...checked.value, ...(laterVersions.length > 0 ? { laterVersions } : {}) } };
    },
  }),
  operation({
    method: "get", path: "/sites/{siteId}/schedules/{scheduleId}", tag: "schedules", summary: "A schedule with the checker's explanation, as JSON or as the schedule page (HTML)", permission: "schedule:read",
    query: ScheduleFormatQuerySchema,
    responses: {
      200: {
        description: "The schedule and its explanation (json), or the schedule page: month grid, coverage against demand, violations (html; 409 when the schedule no longer fits the site's planning data, which its JSON lists). A published version is judged against the planning input it was published with, a draft against the site's as it stands; ETag its revision",
        schema: ExplainedScheduleSchema, alternatives: { "text/html": z.string() },
      },
    },
    handle: async ({ deps, params, query, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const record = scheduleOr404(site, deps.store.schedules.get(site.id, params.scheduleId!), params.scheduleId!);
      const headers: Record<string, string> = { ETag: scheduleEtag(record) };
      const personalDetails = personalDetailsFor(principal);
      const { input, unkept } = judgedAgainst(deps.store, site, record);
      if (query.format !== "html") return { status: 200, body: await explained(deps, input, record, personalDetails), headers };
      const caption = `schedule ${record.id}, ${record.status}${record.version !== undefined ? ` version ${record.version}` : `, revision ${record.revision}`}`;
      const page = await inChecker(deps, { op: "page", input, assignments: record.assignments, caption, personalDetails });
      if (!page.ok) throw noLongerFits(record, `it has no page${unkept}`, page.problems);
      return { status: 200, text: page.value, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/{scheduleId}/edits", tag: "schedules", summary: "Edit a draft (move, swap, lock, unlock, remove); re-checked on save", permission: "schedule:write",
    body: EditRequestSchema, ifMatch: "schedule",
    responses: { 200: { description: "The edited draft and its explanation; ETag its new revision", schema: ExplainedScheduleSchema } },
    handle: async ({ req, deps, params, body, principal }) => {
      const expects = ifMatch(req, "schedule");
      const site = siteOr404(deps.store, params.siteId!);
      const record = draftToEdit(deps, site, params.scheduleId!);
      // Refused before any check: an edit of a revision its client never read would be refused when
      // written anyway, so it takes no checker worker (nor waits for one).
      // A 412: stale, or (said so) an If-Match that could never match.
      if (!expects(record.revision)) written(changedSinceRead(record), expects);
      const after = appliedEdits(record, body.edits);
      // Checked and explained in the checker's worker before anything is written (a 503 writes nothing).
      const checked = await inChecker(deps, { op: "edit", input: rulesInput(deps.store, site), before: record.assignments, after: after.assignments });
      // If the site or the draft changed meanwhile, the edits are applied to the draft as it is now and
      // checked and explained here, on the event loop (as a publish does in its transaction), as if the
      // request had come after the change: nothing judged against what is no longer stored is written.
      const siteNow = siteOr404(deps.store, site.id);
      const recordNow = draftToEdit(deps, siteNow, record.id);
      const unchanged = siteNow.revision === site.revision && recordNow.revision === record.revision;
      const afterNow = unchanged ? after : appliedEdits(recordNow, body.edits);
      const edit = unchanged ? checked : runCheckerTask({ op: "edit", input: rulesInput(deps.store, siteNow), before: recordNow.assignments, after: afterNow.assignments });
      // The checker names the edited schedule's assignments; the manager sent edits.
      if (!edit.ok) throw invalid("an edit does not fit the site's planning data", atEdits(edit.problems, afterNow.origins));
      const saved = written(deps.store.schedules.updateDraft(site.id, record.id, edit.value.assignments, principal, `schedule.edit.${body.edits.map((e) => e.op).join(",")}`, expects), expects);
      return { status: 200, body: withExplanation(saved, edit.value.checked), headers: { ETag: scheduleEtag(saved) } };
    },
  }),
  operation({
    method: "post", path: "/sites/{siteId}/schedules/{scheduleId}/publish", tag: "schedules",
    summary: "Publish a draft as the site's next immutable version; 409 when it is stale, breaks a hard rule, makes a later published version break one or leaves shifts published outside a shortened horizon unasked", permission: "schedule:write",
    query: PublishQuerySchema, ifMatch: "schedule",
    responses: { 201: { description: "The published version, with the checker's explanation (any hard violations accepted in it) and the later versions it makes break hard rules (accepted)", schema: PublishedScheduleSchema } },
    handle: async ({ req, deps, params, query, principal }) => {
      const expects = ifMatch(req, "schedule");
      const site = siteOr404(deps.store, params.siteId!);
      const draft = scheduleOr404(site, deps.store.schedules.get(site.id, params.scheduleId!), params.scheduleId!);
      const accept = query.acceptHardViolations === "true";
      const droppedDates = query.droppedDates as DroppedDates | undefined;
      // The draft as read, checked in the checker's worker: the vet runs inside the store's transaction,
      // which cannot wait for it. (A draft the store refuses before the vet, published or stale, needs none.)
      const checked = draft.status === "draft" && expects(draft.revision) ? await inChecker(deps, { op: "explain", input: rulesInput(deps.store, site), schedule: { assignments: draft.assignments } }) : undefined;
      // So are the later versions it would give another history, when the draft itself may be published.
      const newestSeen = deps.store.schedules.latestPublished(site.id)?.version;
      const laterChecked = checked?.ok && (accept || checked.value.feasible) ? await laterBreaksInChecker(deps, laterVersionsFor(deps.store, site, draft.assignments, droppedDates)) : undefined;
      let explanation: Explanation | undefined;
      let laterVersions: LaterBreak[] = [];
      const published = written(deps.store.schedules.publish(site.id, draft.id, principal, {
        expects,
        vet: (current) => {
          // Checked again here, on the event loop, only when the draft or the site changed meanwhile.
          const now = deps.store.sites.get(site.id) ?? site;
          const unchanged = checked !== undefined && current.revision === draft.revision && now.revision === site.revision;
          // And the later versions, again only when a version was published meanwhile too.
          const later = (): LaterBreak[] =>
            unchanged && laterChecked && deps.store.schedules.latestPublished(site.id)?.version === newestSeen ? laterChecked : laterBreaksNow(laterVersionsFor(deps.store, now, current.assignments, droppedDates), explainFor);
          const verdict = publishVerdict(deps.store, now, current, unchanged ? checked : explainFor(rulesInput(deps.store, now), { assignments: current.assignments }), later, {
            acceptHardViolations: accept, acceptLaterViolations: query.acceptLaterViolations === "true", droppedDates,
          });
          if (verdict.ok) ({ explanation, laterVersions } = verdict);
          return verdict;
        },
      }), expects);
      return { status: 201, body: { schedule: published, explanation, ...(laterVersions.length > 0 ? { laterVersions } : {}) }, headers: { Location: `/sites/${site.id}/schedules/${published.id}`, ETag: scheduleEtag(published) } };
    },
  }),
];
