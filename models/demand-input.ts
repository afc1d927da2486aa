/**
 * What the planning input says of the work: workload types, productivity standards, hourly forecasts,
 * minimum staffing floors and slot lines, from which `src/demand` derives the hourly staffing demand.
 */
import { z } from "zod";
import { IdSchema, IsoDateSchema, LocalTimeSchema, MAX_WORKLOAD_PEOPLE, NameSchema, RoleFamilySchema, WeekdaySchema } from "./primitives.js";
import { PenaltyWeightSchema } from "./weights.js";

/** A headcount (a floor, a slot line): at most the people the workload may need at once, so a penalty stays in scale with a dollar. */
const HeadcountSchema = z.number().int().min(0).max(MAX_WORKLOAD_PEOPLE, `must be at most ${MAX_WORKLOAD_PEOPLE.toLocaleString("en-US")} people`);

export const WorkloadTypeSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
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
