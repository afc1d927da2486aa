/**
 * Planning input: the department as a manager describes it once. Stage 1 of the pipeline.
 * Input: parsed JSON/YAML. Output: a validated, normalized `PlanningInput` (defaults filled in).
 * Its staff are `staff.ts`'s, what it says of the work `demand-input.ts`'s, its ids and dates
 * `primitives.ts`'s. Cross-references (skill, level, area, template ids) are checked in `references.ts`.
 */
import { z } from "zod";
import { DateTime } from "luxon";
import { RULE_IDS } from "./rule-ids.js";
import { PenaltyWeightSchema, WeightsSchema } from "./weights.js";
import { DollarsPerHourSchema, IdSchema, IsoDateSchema, LocalTimeSchema, MAX_STAFF, NameSchema, RoleFamilySchema, TimeZoneSchema, WeekdaySchema } from "./primitives.js";
import { StaffMemberSchema } from "./staff.js";
import { FloorSchema, ForecastSchema, ProductivityStandardSchema, SlotDemandSchema, WorkloadTypeSchema } from "./demand-input.js";

export const HolidaySchema = z.strictObject({ date: IsoDateSchema, name: NameSchema });

export const SiteSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  timeZone: TimeZoneSchema,
  /** First day of any 14-day pay period; periods repeat every 14 days from it, both ways. */
  payPeriodAnchor: IsoDateSchema,
  /** ISO weekday on which the FLSA workweek starts (default 7 = Sunday). */
  workweekStartDay: WeekdaySchema.default(7),
  holidays: z.array(HolidaySchema).default([]),
});
export type Site = z.infer<typeof SiteSchema>;

export const HorizonSchema = z.strictObject({
  /** First scheduled date (local), inclusive. */
  start: IsoDateSchema,
  /** Last scheduled date (local), inclusive. */
  end: IsoDateSchema,
});

/**
 * The horizon a schedule was planned for: the input's, as `rxroster solve`, `demo` and `repair` write it
 * in `schedule.json`. A repair reads it to tell the dates the schedule never covered (the horizon grew
 * since) from those it left empty. Absent from files written before it was recorded, and from hand-made ones.
 */
export const PlannedHorizonSchema = HorizonSchema.superRefine((horizon, ctx) => {
  if (horizon.end < horizon.start) ctx.addIssue({ code: "custom", path: ["end"], input: horizon.end, message: `must not be before horizon.start (${horizon.start})` });
});

export const AreaSchema = z.strictObject({ id: IdSchema, name: NameSchema, location: z.string().optional() });
export type Area = z.infer<typeof AreaSchema>;

export const SkillSchema = z.strictObject({ id: IdSchema, name: NameSchema });
export type Skill = z.infer<typeof SkillSchema>;

/** A career-ladder level: data, not code. */
export const LevelSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  roleFamily: RoleFamilySchema,
  /** Skills every holder of the level has. */
  skills: z.array(IdSchema).default([]),
  payGrade: z.string().optional(),
});
export type Level = z.infer<typeof LevelSchema>;


export const DifferentialSchema = z.strictObject({
  kind: z.enum(["night", "weekend", "holiday"]),
  /** Dollars per paid hour added when the shift is a night / starts on a weekend / on a holiday. */
  dollarsPerHour: DollarsPerHourSchema,
});

export const ShiftTemplateSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  area: IdSchema,
  /** Local wall-clock start. */
  start: LocalTimeSchema,
  /** Nominal wall-clock length; across a DST change the real duration is one hour less or more. */
  lengthMinutes: z.number().int().min(15).max(24 * 60),
  unpaidBreakMinutes: z.number().int().min(0).default(0),
  requiredSkills: z.array(IdSchema).default([]),
  roleFamily: RoleFamilySchema,
  /** ISO weekdays the template runs on (default every day). */
  weekdays: z.array(WeekdaySchema).default([1, 2, 3, 4, 5, 6, 7]),
  night: z.boolean().default(false),
  differentials: z.array(DifferentialSchema).default([]),
  /** Templates that may not be worked on the day after this one (beyond the rest rule). */
  forbiddenNext: z.array(IdSchema).default([]),
});
export type ShiftTemplate = z.infer<typeof ShiftTemplateSchema>;


export const RuleSettingSchema = z.strictObject({
  enabled: z.boolean().optional(),
  hard: z.boolean().optional(),
  /** Penalty per unit when soft; default from the weights table. */
  weight: PenaltyWeightSchema.optional(),
  /** Rule parameters (see each rule's documented defaults). */
  params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()], { error: "must be a number, true or false, or a string" })).default({}),
});
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const BudgetSchema = z.strictObject({
  laborDollars: z.number().min(0).optional(),
  overtimeHours: z.number().min(0).optional(),
  agencyHours: z.number().min(0).optional(),
});
export type Budget = z.infer<typeof BudgetSchema>;

/** Lowest productive share (real ones are 0.8–0.9): below it paid FTE would be over 20 times worked FTE. */
export const MIN_PRODUCTIVE_SHARE = 0.05;
/** Most fixed-activity hours: 100,000 staff-hours a pay period is 1,250 full-time people doing nothing else. */
export const MAX_FIXED_HOURS_PER_PAY_PERIOD = 100_000;

/** A recurring non-workload activity (meetings, training, rounds, cleaning): hours per pay period in total. */
export const FixedActivitySchema = z.strictObject({
  name: NameSchema,
  roleFamily: RoleFamilySchema,
  /** The level that does it; absent when any level of the role family may. */
  level: IdSchema.optional(),
  /** Staff-hours per 14-day pay period, for the whole department (not per person). */
  hoursPerPayPeriod: z.number().min(0).max(MAX_FIXED_HOURS_PER_PAY_PERIOD, `must be at most ${MAX_FIXED_HOURS_PER_PAY_PERIOD.toLocaleString("en-US")} staff-hours a pay period`),
});
export type FixedActivity = z.infer<typeof FixedActivitySchema>;

/** Settings of the FTE justification report (`rxroster report fte`); every field has a default. */
export const FteSettingsSchema = z.strictObject({
  /** Share of paid hours that are worked (default 0.8); the rest is paid time off, education, sick time. */
  productiveShare: z.number().min(MIN_PRODUCTIVE_SHARE, `must be at least ${MIN_PRODUCTIVE_SHARE} (one paid hour in 20 worked) and at most 1`).max(1).default(0.8),
  /** Optional split of the non-productive share; must add up to 1 − productiveShare. */
  nonProductiveSplit: z.strictObject({ pto: z.number().min(0), education: z.number().min(0), sick: z.number().min(0) }).optional(),
  fixedActivities: z.array(FixedActivitySchema).default([]),
  /** Budgeted paid FTE per level id. */
  budgetedFte: z.record(IdSchema, z.number().min(0)).default({}),
  /** Benefits as a fraction of wages (default 0.3: $0.30 of benefits per $1 of pay). */
  benefitsLoad: z.number().min(0).max(2).default(0.3),
  /** Dollars an uncovered staff-hour is worth avoiding, per role family, in the what-if's saving (default 0). */
  uncoveredStaffHourDollars: z.strictObject({ pharmacist: z.number().min(0).default(0), technician: z.number().min(0).default(0) }).default({ pharmacist: 0, technician: 0 }),
  /** The hypothetical hire of the what-if, unless the caller names one. */
  defaultHire: z
    .strictObject({
      level: IdSchema,
      fte: z.number().gt(0).max(1.5),
      /** day | evening | night | any, or template ids separated by commas (default any). */
      pattern: z.string().min(1).default("any"),
      /** Default: the mean rate of the level's regular staff. */
      hourlyRate: DollarsPerHourSchema.optional(),
    })
    .optional(),
  /** Most hires the what-if adds (default 3). */
  maxHires: z.number().int().min(0).max(20).default(3),
});
export type FteSettings = z.infer<typeof FteSettingsSchema>;

/**
 * The schedule a re-solve should change as little as it can (the one published before a call-out):
 * every assignment added to it or taken from it is priced by `repair.changes`. Its assignments are a
 * schedule's (a `schedule.json` pasted in as it is; `locked` is read but means nothing here).
 */
export const ReferenceSchema = z.strictObject({
  /** A pasted `schedule.json`'s horizon: taken, and not read (the input's own horizon is the one planned). */
  horizon: PlannedHorizonSchema.optional(),
  assignments: z.array(
    z.strictObject({
      staff: IdSchema,
      date: IsoDateSchema,
      template: IdSchema,
      locked: z.boolean().optional(),
    }),
  ),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const PlanningInputSchema = z.strictObject({
  site: SiteSchema,
  horizon: HorizonSchema,
  /** Length of a coverage interval (default 60). */
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)], { error: "must be 15, 30 or 60 (minutes)" }).default(60),
  areas: z.array(AreaSchema).min(1),
  skills: z.array(SkillSchema).default([]),
  levels: z.array(LevelSchema).min(1),
  staff: z.array(StaffMemberSchema).max(MAX_STAFF, `must hold at most ${MAX_STAFF.toLocaleString("en-US")} people: split a larger department into sites`),
  shiftTemplates: z.array(ShiftTemplateSchema).min(1),
  workloadTypes: z.array(WorkloadTypeSchema).default([]),
  productivityStandards: z.array(ProductivityStandardSchema).default([]),
  forecasts: z.array(ForecastSchema).default([]),
  floors: z.array(FloorSchema).default([]),
  slotDemand: z.array(SlotDemandSchema).default([]),
  rules: z.partialRecord(z.enum(RULE_IDS), RuleSettingSchema).default({}),
  budget: BudgetSchema.default({}),
  weights: WeightsSchema.default(WeightsSchema.parse({})),
  /** Settings of the FTE justification report; absent means every default. */
  fte: FteSettingsSchema.optional(),
  /** A schedule to change as little as possible (`rxroster repair` sets it); absent: no such price. */
  reference: ReferenceSchema.optional(),
});
export type PlanningInput = z.infer<typeof PlanningInputSchema>;
/** What a user writes: optional fields may be left out. */
export type PlanningInputFile = z.input<typeof PlanningInputSchema>;

export const MAX_HORIZON_DAYS = 366;

/**
 * Local midnight of a date, read as `src/time` reads every wall-clock time: where the clock shows 00:00
 * twice (America/Havana in November, Atlantic/Azores in October) the first, where it skips 00:00 the
 * date's first instant (01:00).
 */
export function localMidnightOf(date: string, zone: string): DateTime {
  return firstOccurrence(DateTime.fromISO(date, { zone }).startOf("day"));
}

/** The earliest instant a local time names: the first where the fall-back hour repeats it (luxon alone gives the second). */
export function firstOccurrence(local: DateTime): DateTime {
  return local.getPossibleOffsets().reduce((first, at) => (at.toMillis() < first.toMillis() ? at : first), local);
}

/** The ISO date `days` calendar days after `date` (before it when negative), zone-free. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate()!;
}

export function daysBetween(startIso: string, endIso: string): number {
  return DateTime.fromISO(endIso, { zone: "utc" }).diff(DateTime.fromISO(startIso, { zone: "utc" }), "days").days;
}
