/**
 * FTE justification reports of a stored site (issue 7), for its manager and HR. The productivity view
 * solves nothing and is answered at once, built in the checker's worker threads (GET, or POST with
 * `maxHires: 0`); a what-if report solves maxHires + 1 schedules, so POST queues it as an `fte-report` job (202 + the job's Location) and the
 * finished report is read at /sites/{siteId}/reports/fte/{reportId} as JSON, CSV or HTML. Settings are
 * checked against the site before anything is queued, so a bad hire is a 400 naming the field.
 */
import { z } from "zod";
import { IdSchema, type Problem } from "../../models/index.js";
import { FTE_REPORT_FORMATS, renderFteReport, type FteReport, type FteReportFormat } from "../../src/reports/fte/report.js";
import { parseHireFlag, resolveHire, resolveSettings, type HireSpec } from "../../src/reports/fte/settings.js";
import type { SiteRecord } from "../../src/store/sites.js";
import { withholdFteReportDetails } from "../../src/export/withhold.js";
import { personalDetailsFor } from "../auth.js";
import { invalid, notFound, QUEUE_FULL_RESPONSE, queueFull } from "../problem.js";
import { operation, type AppDeps, type Operation } from "../operation.js";
import { JobSchema } from "../schemas.js";
import { inChecker, siteOr404 } from "./common.js";
import { jobView } from "./jobs.js";

/** Most hires one report may try: each is one more solve of the horizon. */
export const MAX_REPORT_HIRES = 5;
/** Longest time limit of one what-if solve, seconds. */
export const MAX_WHAT_IF_SECONDS = 600;
const DEFAULT_WHAT_IF_SECONDS = 60;

const HireSchema = z.union([
  z.string().min(1).max(500).meta({ description: "LEVEL:FTE[:PATTERN], e.g. `rph:1.0:day`" }),
  z.strictObject({
    level: IdSchema,
    fte: z.number().meta({ description: "1.0 = 80 h per pay period; above 0, at most 1.5" }),
    pattern: z.string().min(1).max(500).default("any").meta({ description: "day, evening, night, any, or template ids separated by commas" }),
    hourlyRate: z.number().min(0).max(10_000).optional().meta({ description: "Dollars per hour (default: the level's mean rate)" }),
  }),
]);

const FteReportRequestSchema = z
  .strictObject({
    hire: HireSchema.optional().meta({ description: "The hypothetical hire (default: the site's fte.defaultHire, else the report's choice)" }),
    maxHires: z.number().int().min(0).max(MAX_REPORT_HIRES).optional().meta({ description: `Hires tried, 0–${MAX_REPORT_HIRES}; 0 answers the productivity view at once (default: the site's fte.maxHires, at most ${MAX_REPORT_HIRES})` }),
    timeLimitSeconds: z.number().min(1).max(MAX_WHAT_IF_SECONDS).default(DEFAULT_WHAT_IF_SECONDS).meta({ description: `Per what-if solve, seconds (default ${DEFAULT_WHAT_IF_SECONDS}, at most ${MAX_WHAT_IF_SECONDS})` }),
    format: z.enum(FTE_REPORT_FORMATS).default("json").meta({ description: "How the finished report is served by default: json, csv or html" }),
  })
  .meta({ id: "FteReportRequest" });

const Num = z.number();
const GapDollars = Num.optional().meta({ description: "The gap priced with benefits, a year; absent when no rate is known (rateBasis none): the cost is unknown, not $0" });
const ProductivityReportSchema = z
  .looseObject({
    title: z.string(),
    site: z.looseObject({ id: z.string(), name: z.string(), timeZone: z.string() }),
    horizon: z.looseObject({ start: z.string(), end: z.string(), days: Num, payPeriods: Num }),
    provenance: z.looseObject({ source: z.string(), generatedAt: z.string() }),
    settings: z.looseObject({ productiveShare: Num, benefitsLoad: Num }),
    productivity: z.looseObject({
      horizonDays: Num,
      payPeriods: Num,
      workload: z.array(z.looseObject({ workloadType: z.string(), area: z.string(), roleFamily: z.string(), units: Num, minutesPerUnit: Num, hours: Num })),
      roleFamilies: z.array(
        z.looseObject({
          roleFamily: z.string(),
          workedHours: Num,
          workedFte: Num,
          paidFte: Num,
          filledFte: Num,
          gapFte: Num,
          rateBasis: z.enum(["regular staff", "PRN and agency staff", "default hire", "none"]).meta({ description: "What the gap is priced at; none: no staff of the role family and no fte.defaultHire.hourlyRate for its levels, so its cost is unknown" }),
          gapDollarsPerYear: GapDollars,
          coverage: z
            .looseObject({
              requiredStaffHours: Num,
              workloadStaffHours: Num,
              wholePeopleStaffHours: Num,
              floorStaffHours: Num,
              unreachableStaffHours: Num.optional().meta({ description: "Of the required staff-hours, those at times no shift of the family in that area can cover (no template runs then, or the one that does starts before the horizon and no one's history has it): no schedule or hire covers them (absent in reports stored before it was given)" }),
              paidFte: Num,
              gapFte: Num,
              gapDollarsPerYear: GapDollars,
            })
            .meta({ description: "The coverage-based need: the staff-hours the schedule must cover (work rounded up to whole people per area and interval, and floors), as FTE" }),
        }),
      ),
    }),
  })
  .meta({ id: "FteProductivityReport", description: "The productivity view: FTE the workload needs against budgeted and filled FTE" });

const FteReportSchema = ProductivityReportSchema.extend({
  provenance: z.looseObject({
    source: z.string(),
    generatedAt: z.string(),
    solves: z.array(
      z.looseObject({
        hires: Num,
        status: z.string(),
        statusText: z.string().optional().meta({ description: "How the solve ended, in the words of the CLI's status and progress lines: \"feasible, gap 8.23 %\", \"feasible, no bound\" (a schedule with no bound to measure a gap from); absent in reports stored before it was added (they are kept 7 days)" }),
      }),
    ),
  }),
  whatIf: z.looseObject({
    hire: z.looseObject({ level: z.string(), fte: Num, pattern: z.string(), hourlyRate: Num }),
    positionCostPerYear: Num,
    rows: z.array(
      z.looseObject({
        hires: Num,
        status: z.string(),
        seconds: Num,
        uncertaintyDollars: Num.optional().meta({ description: "Objective − bound over the horizon: how much cheaper this count's best schedule may be (absent without a bound)" }),
        savingWithinUncertainty: z.boolean().optional().meta({ description: "The saving against one hire fewer is smaller than the two rows' uncertainty, or a row has no bound" }),
        savingNote: z.string().optional().meta({ description: "What to say beside the saving when it should not be quoted bare: a hire who worked no shift, a saving within the solver's uncertainty" }),
        conflicts: z
          .array(z.looseObject({ rules: z.array(z.string()), subjects: z.looseObject({}), sides: z.array(z.string()), message: z.string(), proven: z.boolean() }))
          .optional()
          .meta({ description: "For an infeasible count (no schedule keeps every hard rule): the hard rules that cannot all hold, per person, as rxroster solve names them; empty when none could be named within the time limit" }),
        conflictsComplete: z.boolean().optional().meta({ description: "For an infeasible count: false when the time limit ended the search for conflicts early, so there may be more" }),
      }),
    ),
    recommendedHires: Num.optional().meta({ description: "Absent when there is no recommendation (noRecommendation says why)" }),
    capped: z.boolean().meta({ description: "Every hire tried pays for itself: the count worth hiring is at least recommendedHires (run again with a larger maxHires)" }),
    noRecommendation: z.string().optional(),
    allOptimal: z.boolean(),
  }),
  hourOfWeek: z.array(z.looseObject({})),
  method: z.array(z.string()),
  assumptions: z.array(z.string()),
  findings: z.array(z.string()),
}).meta({ id: "FteReport", description: "The FTE justification report: productivity view, what-if solves, method, assumptions and provenance" });

const FormatQuerySchema = z.strictObject({ format: z.enum(FTE_REPORT_FORMATS).optional().meta({ description: "json, csv or html (default: the format asked for with the job)" }) });
/** Why the productivity view has no csv or html, for GET's query and POST with maxHires 0 alike. */
const WHAT_IF_FORMATS = "csv and html come with a what-if report (maxHires 1 or more)";
const ProductivityQuerySchema = z.strictObject({
  format: z.literal("json", { error: `the productivity view is json; ${WHAT_IF_FORMATS}` }).default("json").meta({ description: `json only: ${WHAT_IF_FORMATS}` }),
});

/**
 * The productivity view, built in the checker's worker threads: preparing a month's demand takes about a
 * second. The same view asked for while it is being built shares the one build.
 */
async function productivityReply(deps: AppDeps, site: SiteRecord) {
  const report = await inChecker(deps, { op: "productivity", input: site.input, source: `site ${site.id}, revision ${site.revision}` }, { shared: true });
  if (!report.ok) throw invalid("the site's fte settings are invalid", report.problems);
  return { status: 200, body: report.value };
}

/** The hire asked for, in structured form, or a 400 naming `hire`. */
function hireOf(hire: z.output<typeof HireSchema> | undefined): HireSpec | undefined {
  if (hire === undefined || typeof hire === "object") return hire;
  const parsed = parseHireFlag(hire, "hire");
  if (!parsed.ok) throw invalid("the hire is malformed", parsed.problems);
  return parsed.value;
}

export const reportOperations: Operation[] = [
  operation({
    method: "get", path: "/sites/{siteId}/reports/fte", tag: "reports", summary: "The site's FTE report, productivity view (no solve; answered at once)", permission: "report:read",
    query: ProductivityQuerySchema,
    responses: { 200: { description: "The productivity view", schema: ProductivityReportSchema } },
    handle: ({ deps, params }) => productivityReply(deps, siteOr404(deps.store, params.siteId!)),
  }),
  operation({
    method: "post", path: "/sites/{siteId}/reports/fte", tag: "reports", permission: "report:read",
    summary: "An FTE report: maxHires 0 answers the productivity view at once; otherwise queues a what-if job (poll it at Location, then read reportId)",
    body: FteReportRequestSchema, bodyOptional: true,
    responses: {
      200: { description: "maxHires 0: the productivity view; or, when an identical report (the same body, the site and its schedules unchanged since) is queued or running, that job (Location and Content-Location name it)", schema: z.union([ProductivityReportSchema, JobSchema]) },
      202: { description: "The queued fte-report job", schema: JobSchema },
      429: QUEUE_FULL_RESPONSE,
    },
    handle: async ({ deps, params, body, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const settings = resolveSettings(site.input);
      if (!settings.ok) throw invalid("the site's fte settings are invalid", settings.problems);
      const hire = hireOf(body.hire);
      const toCheck = hire ?? settings.value.defaultHire;
      if (toCheck) {
        const resolved = resolveHire(site.input, toCheck, hire ? "hire" : "fte.defaultHire");
        if (!resolved.ok) throw invalid("the hire does not fit the site", resolved.problems);
      }
      const maxHires = body.maxHires ?? Math.min(settings.value.maxHires, MAX_REPORT_HIRES);
      if (maxHires === 0) {
        if (body.format !== "json") {
          const problem: Problem = { path: "format", message: `the productivity view (maxHires 0) is json; ${WHAT_IF_FORMATS}`, value: body.format };
          throw invalid("the format is not available without a what-if", [problem]);
        }
        return await productivityReply(deps, site);
      }
      const options = { ...(hire ? { hire } : {}), maxHires, timeLimitSeconds: body.timeLimitSeconds, format: body.format };
      // A double click, or HR and the manager asking alike: one job (and its solves), answered to both.
      const same = deps.queue.identical(site, "fte-report", options);
      if (same) {
        const headers: Record<string, string> = { Location: `/jobs/${same.id}`, "Content-Location": `/jobs/${same.id}` };
        return { status: 200, body: jobView(same), headers };
      }
      if (deps.queue.room(site.id) === 0) throw queueFull(site.id, deps.queue.maxQueuedPerSite);
      const job = deps.queue.submitReport(site.id, options, principal);
      return { status: 202, body: jobView(job), headers: { Location: `/jobs/${job.id}` } };
    },
  }),
  operation({
    method: "get", path: "/sites/{siteId}/reports/fte/{reportId}", tag: "reports", summary: "A finished FTE report (the reportId of its job) as JSON, CSV or HTML", permission: "report:read",
    query: FormatQuerySchema,
    responses: {
      200: { description: "The report", schema: FteReportSchema, alternatives: { "text/csv": z.string(), "text/html": z.string() } },
    },
    handle: ({ deps, params, query, principal }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const stored = deps.store.jobs.report(site.id, params.reportId!);
      if (!stored) throw notFound(`no report ${params.reportId} at site ${site.id} (reports expire with their job)`);
      const job = deps.store.jobs.get(stored.jobId);
      const format = (query.format as FteReportFormat | undefined) ?? (job?.kind === "fte-report" ? job.options.format : "json");
      // hr reads the report, not people's leave: a conflict quoting it gives no reason or dates.
      const report = personalDetailsFor(principal) === "withheld" ? withholdFteReportDetails(stored.report as FteReport) : (stored.report as FteReport);
      if (format === "json") return { status: 200, body: report };
      const { contentType, body } = renderFteReport(report, format);
      return { status: 200, text: body, headers: { "Content-Type": contentType } };
    },
  }),
];
