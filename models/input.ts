/**
 * Planning input: the department as a manager describes it once. Stage 1 of the pipeline.
 * Input: parsed JSON/YAML. Output: a validated, normalized `PlanningInput` (defaults filled in).
 * Cross-references (skill, level, area, template ids) are checked in `references.ts`.
 */
import { z } from "zod";
import { IANAZone, DateTime } from "luxon";
import { RULE_IDS } from "./rule-ids.js";
import { PenaltyWeightSchema, WeightsSchema } from "./weights.js";
import { MAX_WORKLOAD_PEOPLE } from "./workload.js";

/** A headcount (a floor, a slot line): at most the people the workload may need at once, so a penalty stays in scale with a dollar. */
const HeadcountSchema = z.number().int().min(0).max(MAX_WORKLOAD_PEOPLE, `must be at most ${MAX_WORKLOAD_PEOPLE.toLocaleString("en-US")} people`);

export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "must be an id of letters, digits, '_', '.', ':' or '-'");

export const IsoDateSchema = z.iso.date("must be a date YYYY-MM-DD");

export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a local time HH:mm");

export const TimeZoneSchema = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), { message: "must be an IANA time zone such as America/Chicago" });

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export const WeekdaySchema = z.number().int().min(1).max(7);

export const RoleFamilySchema = z.enum(["pharmacist", "technician"]);
export type RoleFamily = z.infer<typeof RoleFamilySchema>;

export const HolidaySchema = z.strictObject({ date: IsoDateSchema, name: z.string().min(1) });

export const SiteSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
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

export const AreaSchema = z.strictObject({ id: IdSchema, name: z.string().min(1), location: z.string().optional() });
export type Area = z.infer<typeof AreaSchema>;

export const SkillSchema = z.strictObject({ id: IdSchema, name: z.string().min(1) });
export type Skill = z.infer<typeof SkillSchema>;

/** A career-ladder level: data, not code. */
export const LevelSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  roleFamily: RoleFamilySchema,
  /** Skills every holder of the level has. */
  skills: z.array(IdSchema).default([]),
  payGrade: z.string().optional(),
});
export type Level = z.infer<typeof LevelSchema>;

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

/** A shift worked in the days before the horizon; counts for rest, consecutive-day and weekend rules. */
export const HistoryShiftSchema = z.strictObject({ date: IsoDateSchema, template: IdSchema });

/**
 * Most dollars an hour a rate or a differential may be: far above any pharmacy's (agency pharmacists bill
 * some $150), and small enough that a horizon's labor cost stays a finite number.
 */
export const MAX_DOLLARS_PER_HOUR = 10_000;
const DollarsPerHourSchema = z.number().min(0).max(MAX_DOLLARS_PER_HOUR, `must be at most ${MAX_DOLLARS_PER_HOUR.toLocaleString("en-US")} dollars an hour`);

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
  name: z.string().min(1),
  level: IdSchema,
  /** Skills beyond the level's. */
  skills: z.array(IdSchema).default([]),
  /** 1.0 = 80 h per 14-day pay period; 0 for PRN (no minimum). */
  fte: z.number().min(0).max(1.5),
  /** Base hourly rate in dollars (at most 10,000). */
  hourlyRate: DollarsPerHourSchema,
  overtimeRule: z.enum(["weekly40", "8/80"]).default("weekly40"),
  employment: z.enum(["staff", "prn", "agency"]).default("staff"),
  contract: ContractSchema.default({ maxShiftsPerTemplate: {} }),
  leave: z.array(LeaveSchema).default([]),
  requests: z.array(RequestSchema).default([]),
  history: z.array(HistoryShiftSchema).default([]),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const DifferentialSchema = z.strictObject({
  kind: z.enum(["night", "weekend", "holiday"]),
  /** Dollars per paid hour added when the shift is a night / starts on a weekend / on a holiday. */
  dollarsPerHour: DollarsPerHourSchema,
});

export const ShiftTemplateSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
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

export const WorkloadTypeSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  unit: z.string().default("unit"),
});

/**
 * Bounds on the numbers that multiply into demand, far above any pharmacy's (a 500-bed hospital dispenses
 * some 5,000 doses a day) and small enough that no product or sum of them leaves the finite numbers.
 */
export const MAX_UNITS_PER_HOUR = 1_000_000;
export const MAX_UNITS_PER_DAY = 10_000_000;
export const MAX_HOUR_WEIGHT = 1_000_000;
export const MAX_MINUTES_PER_UNIT = 24 * 60;
/** Most values of an hourly series: two longest horizons of hours, as no horizon reads further. */
export const MAX_HOURLY_VALUES = 2 * 366 * 24;
/** Lowest lead: work is done in the hour before the due hour at the latest, so none of it is late. */
export const MIN_LEAD_MINUTES = 60;

export const ProductivityStandardSchema = z
  .strictObject({
    workloadType: IdSchema,
    roleFamily: RoleFamilySchema,
    /** Area where the work is done. */
    area: IdSchema,
    minutesPerUnit: z
      .number()
      .positive()
      .max(MAX_MINUTES_PER_UNIT, `must be at most ${MAX_MINUTES_PER_UNIT} (a day of work for one unit)`),
    /**
     * The work for the units due in an hour is done in the hour that starts `leadMinutes` before that
     * hour starts (default 60: the hour before; 120: two hours before). At least 60, so the work is done
     * by the time the first of the units is due; a multiple of `intervalMinutes`.
     */
    leadMinutes: z
      .number()
      .int()
      .min(MIN_LEAD_MINUTES, `must be at least ${MIN_LEAD_MINUTES}: the work for the units due in an hour is done in the hour that starts leadMinutes before it, so a shorter lead would finish it after they are due`)
      .max(24 * 60)
      .default(60)
      .describe(
        "Work for the units due in an hour is done in the hour that starts leadMinutes before that hour starts (default 60: the hour before; 120: two hours before). At least 60, so the work is done before the units are due, and a multiple of intervalMinutes.",
      ),
    source: z.string().optional(),
  })
  .describe(
    "Minutes of work per unit of a workload type for a role family in an area. Each standard takes the whole volume of its workload type (forecasts carry no area): one standard per workload type, role family and area, and one area per workload type and role family (give each area its own workload type). A pharmacist and a technician standard on one type both count.",
  );
export type ProductivityStandard = z.infer<typeof ProductivityStandardSchema>;

const UnitsPerDaySchema = z.number().min(0).max(MAX_UNITS_PER_DAY, `must be at most ${MAX_UNITS_PER_DAY.toLocaleString("en-US")} units a day`);

/**
 * Numbers of at least 0 and at most `max`. One too large is named, with a count of the others, not one
 * problem each: a profile of 168 weights all too large is one mistake.
 */
function boundedValues(max: number, why: string) {
  return z.array(z.number().min(0)).superRefine((values, ctx) => {
    const over = values.flatMap((v, i) => (v > max ? [i] : []));
    if (over.length === 0) return;
    const more = over.length > 1 ? `; ${over.length - 1} more value${over.length > 2 ? "s are" : " is"} over it` : "";
    ctx.addIssue({ code: "custom", path: [over[0]!], input: values[over[0]!], message: `must be at most ${max.toLocaleString("en-US")} ${why}${more}` });
  });
}

export const ForecastSchema = z
  .discriminatedUnion("kind", [
    /**
     * Units due per hour from local midnight of `start`, read as elapsed hours: value i is due i hours
     * after that midnight, so a spring-forward day takes 23 values and a fall-back day 25 (the repeated
     * hour twice). 24 values a day across a clock change are refused (`workload.ts`).
     */
    z.strictObject({
      kind: z.literal("hourly"),
      workloadType: IdSchema,
      start: IsoDateSchema,
      unitsPerHour: boundedValues(MAX_UNITS_PER_HOUR, "units in an hour")
        .max(MAX_HOURLY_VALUES, `must hold at most ${MAX_HOURLY_VALUES.toLocaleString("en-US")} values (two years of hours; a horizon is at most 366 days)`)
        .describe(
          "Units due in each hour (each at most 1,000,000; at most 17,568 values, two years of hours) from local midnight of start, read as elapsed hours: value i is due i hours after that midnight. A day on which the clock springs forward takes 23 values, one on which it falls back 25 (the repeated hour twice, in order); 24 values a day across a clock change are refused, since every hour after the change would be due an hour off.",
        ),
    }),
    /** Daily volume spread over the day by a 168-entry hour-of-week profile (Monday 00:00 first). */
    z.strictObject({
      kind: z.literal("profile"),
      workloadType: IdSchema,
      hourOfWeekWeights: boundedValues(MAX_HOUR_WEIGHT, "(weights are relative: scale them down)")
        .length(168)
        .describe("168 relative weights, each at most 1,000,000, Monday 00:00 first: a day's volume is spread over its local hours in proportion to them."),
      dailyUnits: UnitsPerDaySchema,
      /** Overrides of the daily volume for given dates. */
      dailyUnitsByDate: z.record(IsoDateSchema, UnitsPerDaySchema).default({}),
    }),
  ])
  .describe(
    "Units due per hour of one workload type. Forecasts of one type add up: a dated hourly series for a day a profile also covers adds to the profile's volume; to replace the profile on that day, set its dailyUnitsByDate to 0 for the date.",
  );
export type Forecast = z.infer<typeof ForecastSchema>;

/** At least `count` people of a role family in an area between two local times, whatever the forecast. */
export const FloorSchema = z.strictObject({
  area: IdSchema,
  roleFamily: RoleFamilySchema,
  count: HeadcountSchema,
  from: LocalTimeSchema,
  /** Exclusive; `to` ≤ `from` runs past midnight; 00:00–00:00 is all day. */
  to: LocalTimeSchema,
  weekdays: z.array(WeekdaySchema).default([1, 2, 3, 4, 5, 6, 7]),
});
export type Floor = z.infer<typeof FloorSchema>;

/** Headcount required on a template on a date (the way many rosters state demand). */
export const SlotDemandSchema = z.strictObject({
  template: IdSchema,
  date: IsoDateSchema,
  required: HeadcountSchema,
  /** Penalty per person short; default `rules.coverage.slot-under.weight`, else the `slotUnderPerPerson` weight. */
  underWeight: PenaltyWeightSchema.optional(),
  /** Penalty per person over; default `rules.coverage.slot-over.weight`, else the `slotOverPerPerson` weight. */
  overWeight: PenaltyWeightSchema.optional(),
});
export type SlotDemand = z.infer<typeof SlotDemandSchema>;

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
  name: z.string().min(1),
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
  staff: z.array(StaffMemberSchema),
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
