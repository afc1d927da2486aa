/**
 * A staff member of the planning input: level, FTE, pay, contract limits, approved leave, requests and
 * the shifts worked before the horizon. Cross-references (level, skill, template ids) are checked in
 * `references.ts`, as every other part of the input.
 */
import { z } from "zod";
import { DollarsPerHourSchema, IdSchema, IsoDateSchema, NameSchema } from "./primitives.js";

export const LeaveSchema = z.strictObject({
  start: IsoDateSchema,
  /** Inclusive. */
  end: IsoDateSchema,
  reason: z.string().default("leave"),
});

/**
 * A request's weight: at most 10, so that with the default request weight unit ($10) no request is worth
 * as much as an hour of uncovered forecast work ($300) — a staff member can state how much a request
 * matters, not outweigh the department's cover (a manager who wants requests to weigh more raises the unit).
 */
export const MAX_REQUEST_WEIGHT = 10;
const RequestWeightSchema = z.number().positive().max(MAX_REQUEST_WEIGHT);

export const RequestSchema = z.discriminatedUnion("kind", [
  /** Wants to work exactly this template on this date. */
  z.strictObject({ kind: z.literal("shift-on"), date: IsoDateSchema, template: IdSchema, weight: RequestWeightSchema }),
  /** Does not want to work this template on this date. */
  z.strictObject({ kind: z.literal("shift-off"), date: IsoDateSchema, template: IdSchema, weight: RequestWeightSchema }),
  /** Does not want to work at all on this date. */
  z.strictObject({ kind: z.literal("day-off"), date: IsoDateSchema, weight: RequestWeightSchema }),
]);
export type Request = z.infer<typeof RequestSchema>;

/**
 * Requests one person may hold at once: a year of days, one each. Without a bound a staff token could store
 * tens of thousands (QA: 25,000 day-offs of 1900–1968, the site's document 36 KB → 1.3 MB), which every
 * later write to the site reads, checks and rewrites.
 */
export const MAX_REQUESTS_PER_PERSON = 366;
export const RequestsSchema = z.array(RequestSchema).max(MAX_REQUESTS_PER_PERSON, `must hold at most ${MAX_REQUESTS_PER_PERSON} requests (a year of days, one each): drop past ones first`);

/** A shift worked in the days before the horizon; counts for rest, consecutive-day and weekend rules. */
export const HistoryShiftSchema = z.strictObject({ date: IsoDateSchema, template: IdSchema });


/** A contract's minimum and maximum of the same measure. */
const CONTRACT_BANDS = [
  ["minHoursPerPayPeriod", "maxHoursPerPayPeriod"],
  ["minMinutesPerHorizon", "maxMinutesPerHorizon"],
  ["minConsecutiveDays", "maxConsecutiveDays"],
] as const;

/** Per-person limits that override the site-wide rule parameters. */
export const ContractSchema = z.strictObject({
  /** At most the 336 hours of a pay period: more cannot be worked, and its shortfall would price as infinite. */
  minHoursPerPayPeriod: z.number().min(0).max(14 * 24, "must be at most 336 (the hours of a 14-day pay period)").optional(),
  maxHoursPerPayPeriod: z.number().min(0).optional(),
  maxHoursPerWeek: z.number().min(0).optional(),
  /** Minutes worked over the whole horizon (Curtois–Qu MinTotalMinutes / MaxTotalMinutes). */
  minMinutesPerHorizon: z.number().int().min(0).optional(),
  maxMinutesPerHorizon: z.number().int().min(0).optional(),
  maxConsecutiveDays: z.number().int().min(1).optional(),
  minConsecutiveDays: z.number().int().min(1).optional(),
  minConsecutiveDaysOff: z.number().int().min(1).optional(),
  maxConsecutiveNights: z.number().int().min(0).optional(),
  /** Weekends worked at most, per window of `weekends.max-per-window` (`windowWeekends`, default 4). */
  maxWeekends: z.number().int().min(0).optional(),
  /** Most shifts of a template over the horizon; 0 forbids the template. */
  maxShiftsPerTemplate: z.record(IdSchema, z.number().int().min(0)).default({}),
}).superRefine((contract, ctx) => {
  // A minimum above its maximum cannot hold: hard, the department is infeasible and that is only found
  // after a solve; soft, every schedule pays for it. Named here, with both figures, before anything runs.
  for (const [min, max] of CONTRACT_BANDS) {
    const [low, high] = [contract[min], contract[max]];
    if (low !== undefined && high !== undefined && low > high) ctx.addIssue({ code: "custom", path: [min], input: low, message: `must be at most ${max} (${high})` });
  }
});

export const StaffMemberSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  level: IdSchema,
  /** Skills beyond the level's. */
  skills: z.array(IdSchema).default([]),
  /** 1.0 = 80 h per 14-day pay period; 0 for PRN (no minimum). */
  fte: z.number().min(0).max(1.5),
  /** Base hourly rate in dollars (at most 10,000). */
  hourlyRate: DollarsPerHourSchema,
  overtimeRule: z.enum(["weekly40", "8/80"]).default("weekly40"),
  employment: z.enum(["staff", "prn", "agency"]).default("staff"),
  /**
   * First day of employment (inclusive); absent, employed since before any horizon. A mid-month hire works
   * from this date: the days before are days they cannot work, as days of approved leave are.
   */
  employedFrom: IsoDateSchema.optional(),
  /**
   * Last day of employment (inclusive); absent, still employed. A leaver is ended this way and kept in
   * `staff`, so their published shifts, token, feed and `/assignments` stay while later months plan without them.
   */
  employedUntil: IsoDateSchema.optional(),
  contract: ContractSchema.default({ maxShiftsPerTemplate: {} }),
  leave: z.array(LeaveSchema).default([]),
  requests: RequestsSchema.default([]),
  history: z.array(HistoryShiftSchema).default([]),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export type Leave = z.infer<typeof LeaveSchema>;

/**
 * Whether `member` is employed on `date` (`employedFrom` to `employedUntil`, both inclusive, either open):
 * the employment rule's definition, on which no shift of the person may start outside it.
 */
export function employedOn(member: { employedFrom?: string | undefined; employedUntil?: string | undefined }, date: string): boolean {
  // ISO dates compare correctly as strings.
  return (member.employedFrom === undefined || member.employedFrom <= date) && (member.employedUntil === undefined || date <= member.employedUntil);
}

/** A person's employment in words, for a message about a date outside it: "employed until 2027-01-31". */
export function employmentWords(member: { employedFrom?: string | undefined; employedUntil?: string | undefined }): string {
  const { employedFrom: from, employedUntil: until } = member;
  return from !== undefined && until !== undefined ? `employed ${from} to ${until}` : from !== undefined ? `employed from ${from}` : until !== undefined ? `employed until ${until}` : "employed throughout";
}

/**
 * Whether `date` is one the person cannot work whatever the schedule: a day of approved leave or a day
 * outside their employment. Such days are off every target (pay-period bands prorate over the others) and
 * off fairness's "could work", alike for both causes.
 */
export function unavailableOn(member: StaffMember, date: string): boolean {
  return leaveOn(member, date) !== undefined || !employedOn(member, date);
}

/**
 * The approved leave range holding `date` (both ends inclusive), if any: the leave rule's definition of a
 * date on leave, on which no shift of the person may start, asked by the rule and by the input's requests.
 */
export function leaveOn(member: { leave: readonly Leave[] }, date: string): Leave | undefined {
  // ISO dates compare correctly as strings.
  return member.leave.find((l) => l.start <= date && date <= l.end);
}
