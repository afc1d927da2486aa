/**
 * The primitives of the planning input and of schedules: ids, dates, local times, time zones, weekdays,
 * role families, dollar rates and the most people a workload may need at once, shared by input.ts,
 * staff.ts, demand-input.ts, workload.ts and schedule.ts. They import nothing of ours, so any of those
 * may load first.
 */
import { z } from "zod";
import { IANAZone } from "luxon";

/**
 * An id: in paths (`/sites/{id}`), feed UIDs, CSV rows and every message that names what it refers to. At
 * most 100 characters (a million-character id was stored, and echoed whole by every check naming it).
 */
export const MAX_ID_LENGTH = 100;
export const IdSchema = z
  .string()
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "must be an id of letters, digits, '_', '.', ':' or '-'");

/**
 * A name people read (a person's, a shift's, a site's): in every message, page, calendar event and CSV row
 * that names it. Not blank (a name of spaces made "  is on approved leave …"), and at most 200 characters
 * (a name of a million was stored, and written into every feed and page), and no text a reader cannot
 * trust: half a UTF-16 pair, or controls that turn the text's direction.
 */
export const MAX_NAME_LENGTH = 200;

/** Half a UTF-16 pair alone: no character, shown as U+FFFD in every feed and page. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Embedding, override and isolate controls: they turn the text after them, so one name can show as another. */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const NameSchema = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .refine((name) => name.trim().length > 0, "must not be blank")
  .refine((name) => !LONE_SURROGATE.test(name), "must be well-formed text (it holds half of a UTF-16 pair)")
  .refine((name) => !DIRECTION_CONTROL.test(name), "must not hold text-direction controls (U+202A to U+202E, U+2066 to U+2069): they make a name read as another");

/**
 * Most people the workload of one area and role family may need at once: more than any pharmacy has on
 * duty (a large department has 100 or so people in all), and small enough that every required count is
 * a whole number the solver takes as it is.
 */
export const MAX_WORKLOAD_PEOPLE = 10_000;

/**
 * Most people a site's staff list may hold: ten times a large department (100 or so), while each write is
 * checked whole on the server's one event loop (9,000 people held it a second or two a write).
 */
export const MAX_STAFF = 1_000;

export const IsoDateSchema = z.iso.date("must be a date YYYY-MM-DD");

export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a local time HH:mm");

/** Minutes since midnight as "HH:mm", the form LocalTimeSchema reads (past a day it counts on: 1500 → "25:00"). */
export const clockText = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export const TimeZoneSchema = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), { message: "must be an IANA time zone such as America/Chicago" });

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export const WeekdaySchema = z.number().int().min(1).max(7);

export const RoleFamilySchema = z.enum(["pharmacist", "technician"]);
export type RoleFamily = z.infer<typeof RoleFamilySchema>;

/**
 * Most dollars an hour a rate or a differential may be: far above any pharmacy's (agency pharmacists bill
 * some $150), and small enough that a horizon's labor cost stays a finite number.
 */
export const MAX_DOLLARS_PER_HOUR = 10_000;
export const DollarsPerHourSchema = z.number().min(0).max(MAX_DOLLARS_PER_HOUR, `must be at most ${MAX_DOLLARS_PER_HOUR.toLocaleString("en-US")} dollars an hour`);
