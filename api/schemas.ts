/**
 * Request and response schemas of the API that the models do not already define: the same zod schemas
 * validate requests and generate the OpenAPI document (and the tests check every response against it).
 */
import { z } from "zod";
import { AssignmentSchema, IdSchema, IsoDateSchema, PlanningInputSchema, ScheduleSchema } from "../models/index.js";
import { ProgressSchema, SolveResultSchema } from "../src/jobs/options.js";
import { JOB_KINDS, JOB_STATUSES } from "../src/store/jobs.js";

const Num = z.number();
const looseObjects = <T extends z.ZodRawShape>(shape: T) => z.array(z.looseObject(shape));

/** A person's hours in one workweek or pay period of the horizon (models/explanation.ts's SpanHours). */
const SpanHoursSchema = z.looseObject({
  firstDate: z.string().meta({ description: "The week's or period's first date in the horizon" }),
  hours: Num.meta({ description: "Paid hours of the horizon's shifts in it" }),
  historyHours: Num.meta({
    description:
      "Paid hours worked before the horizon (the person's history) in a week or period that starts before it: overtime counts them (weekly40's 40 h, 8/80's 80 h), hours does not. 0 when none",
  }),
});

export const ExplanationSchema = z
  .looseObject({
    feasible: z.boolean(),
    total: Num,
    violations: looseObjects({ rule: z.string(), hard: z.boolean(), subjects: z.record(z.string(), z.string()), amount: Num, unit: z.string(), message: z.string(), penalty: Num }),
    rules: looseObjects({ rule: z.string(), title: z.string(), hard: z.boolean(), count: Num, amount: Num.optional(), unit: z.string(), amounts: z.array(z.object({ unit: z.string(), amount: Num })), penalty: Num }),
    coverage: looseObjects({ area: z.string(), roleFamily: z.string(), requiredStaffHours: Num, coveredStaffHours: Num, uncoveredStaffHours: Num }),
    staff: looseObjects({
      staff: z.string(),
      shifts: Num,
      paidHours: Num,
      overtimeHours: Num,
      perWeek: z.array(SpanHoursSchema),
      perPayPeriod: z.array(SpanHoursSchema),
    }),
    cost: z.looseObject({ regularDollars: Num, differentialDollars: Num, overtimePremiumDollars: Num, totalDollars: Num, overtimeHours: Num, agencyHours: Num }),
    budget: z.looseObject({}),
    fairness: looseObjects({ level: z.string(), measure: z.string(), min: Num, max: Num, spread: Num }),
    requests: z.looseObject({ total: Num, granted: Num, penalty: Num }),
  })
  .meta({ id: "Explanation", description: "The checker's account of a schedule: violations, coverage, hours, cost, fairness" });

export const SiteSummarySchema = z
  .object({ id: z.string(), name: z.string(), timeZone: z.string(), horizon: z.object({ start: z.string(), end: z.string() }), staffCount: Num, revision: Num, updatedAt: z.string() })
  .meta({ id: "SiteSummary" });

export const SiteDocumentSchema = z
  .object({ id: z.string(), revision: Num, createdAt: z.string(), updatedAt: z.string(), input: PlanningInputSchema })
  .meta({ id: "SiteDocument" });

export const ScheduleRecordSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    status: z.enum(["draft", "published"]),
    version: z.number().int().optional(),
    source: z.enum(["solve", "manual", "publish"]),
    sourceId: z.string().optional(),
    revision: z.number().int().meta({ description: 'Raised by every edit of a draft; the ETag `"schedule-N"` an edit or publish sends as If-Match' }),
    baseVersion: z.number().int().meta({ description: "The latest published version when it was drafted (0: none); a draft older than a version published for dates of the horizon is not published (it would undo that version there)" }),
    siteRevision: z.number().int().optional().meta({ description: "The site revision its shifts were drafted against" }),
    covers: z
      .object({ start: IsoDateSchema, end: IsoDateSchema })
      .optional()
      .meta({ description: "A published version's dates, when more than its horizon: it was published with ?droppedDates=withdraw, so shifts of earlier versions on these dates are gone from every calendar. Absent: its horizon" }),
    assignments: z.array(AssignmentSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ScheduleRecord" });

export const ScheduleSummarySchema = ScheduleRecordSchema.omit({ assignments: true }).extend({ assignmentCount: Num }).meta({ id: "ScheduleSummary" });

const ProblemItemSchema = z.object({ path: z.string(), message: z.string(), value: z.unknown().optional() });

export const ExplainedScheduleSchema = z
  .object({
    schedule: ScheduleRecordSchema,
    explanation: ExplanationSchema.optional().meta({ description: "Absent when the schedule no longer fits the site's data (see problems)" }),
    problems: z.array(ProblemItemSchema).optional(),
  })
  .meta({ id: "ExplainedSchedule" });

/** Versions published later whose history a schedule's shifts are, with the hard rules each would newly break (src/calendar/later-versions.ts). */
const LaterVersionsSchema = z
  .array(z.object({ id: z.string(), version: z.number().int(), dates: z.object({ start: IsoDateSchema, end: IsoDateSchema }), violations: ExplanationSchema.shape.violations }))
  .optional();

export const PublishedScheduleSchema = ExplainedScheduleSchema.extend({
  laterVersions: LaterVersionsSchema.meta({ description: "Versions published later (next month's) whose history this version's shifts are, with each hard rule they now break and did not before (published with ?acceptLaterViolations=true): repair them. Absent: none" }),
}).meta({ id: "PublishedSchedule" });

export const AnalyzedScheduleSchema = ExplanationSchema.extend({
  laterVersions: LaterVersionsSchema.meta({ description: "Versions published later (next month's) whose history the schedule's shifts would be if published, with each hard rule they would break and do not now: publishing it is refused unless accepted. Absent: none" }),
}).meta({ id: "AnalyzedSchedule", description: "The checker's explanation of the schedule, and what publishing it would break in later versions" });

export const JobSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    kind: z.enum(JOB_KINDS).meta({ description: "`solve` makes a draft schedule; `fte-report` an FTE justification report" }),
    status: z.enum(JOB_STATUSES),
    progress: ProgressSchema.optional(),
    result: SolveResultSchema.optional(),
    scheduleId: z.string().optional(),
    reportId: z.string().optional().meta({ description: "fte-report jobs: the report, at /sites/{siteId}/reports/fte/{reportId}" }),
    error: z.string().optional().meta({ description: "Why a failed or cancelled job ended so" }),
    siteRevision: Num.optional().meta({ description: "The site revision the job ran against (set when it starts): its draft or report is of that revision's input" }),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: "Job" });

export const AuditEntrySchema = z
  .object({ id: Num, siteId: z.string().optional(), actor: z.string(), role: z.string(), action: z.string(), target: z.string().optional(), at: z.string() })
  .meta({ id: "AuditEntry" });

/**
 * A person's published shifts, layered from several versions (last month's, this month's): each shift names
 * the version that published it, so a calendar does not label last month's with this month's version. The
 * top-level `scheduleId`, `version` and `publishedAt` are the latest version's, kept for clients that read them.
 */
export const OwnAssignmentsSchema = z
  .object({
    scheduleId: z.string().meta({ description: "The latest published version's id (not necessarily the one that published each shift: see assignments[].version)" }),
    version: Num.meta({ description: "The latest published version (each shift's own is assignments[].version)" }),
    publishedAt: z.string().meta({ description: "When the latest version was published (each shift's own is assignments[].publishedAt)" }),
    staff: z.string(),
    assignments: z.array(
      AssignmentSchema.extend({
        version: Num.meta({ description: "The published version this shift is from: the latest that plans its date" }),
        publishedAt: z.string().meta({ description: "When that version was published (ISO instant)" }),
      }),
    ),
  })
  .meta({ id: "OwnAssignments" });

const Slot = z.strictObject({ staff: IdSchema, date: IsoDateSchema, template: IdSchema });

/** A manual edit of a draft, applied in order. */
export const EditSchema = z.discriminatedUnion("op", [
  /** Move one assignment to another date and/or template (and/or person). */
  z.strictObject({ op: z.literal("move"), from: Slot, to: z.strictObject({ staff: IdSchema.optional(), date: IsoDateSchema.optional(), template: IdSchema.optional() }) }),
  /** Swap what two people work on a date. */
  z.strictObject({ op: z.literal("swap"), date: IsoDateSchema, staff: z.tuple([IdSchema, IdSchema]) }),
  /** Pin or unpin an assignment: the optimizer keeps locked ones. */
  z.strictObject({ op: z.literal("lock"), ...Slot.shape }),
  z.strictObject({ op: z.literal("unlock"), ...Slot.shape }),
  /** Take an assignment out of the draft (a shift nobody is to work, a leaver's). */
  z.strictObject({ op: z.literal("remove"), ...Slot.shape }),
]);
export type Edit = z.infer<typeof EditSchema>;

export const EditRequestSchema = z.strictObject({ edits: z.array(EditSchema).min(1).max(500) }).meta({ id: "EditRequest" });

/**
 * A schedule as posted by a manager (strict: unknown fields are refused, not dropped). A `schedule.json`
 * that `rxroster` wrote may be posted as it is: its `horizon` is checked and not kept (a draft is stored
 * with the site's input, whose horizon is the one it is planned for).
 */
export const PostedScheduleSchema = z
  .strictObject({
    horizon: ScheduleSchema.shape.horizon.meta({ description: "The horizon the schedule was planned for, as rxroster writes it in schedule.json: checked, not kept" }),
    assignments: ScheduleSchema.shape.assignments,
  })
  .meta({ id: "Schedule" });

export const HealthSchema = z.object({ status: z.literal("ok") });
