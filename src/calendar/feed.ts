/**
 * The iCalendar text of a feed (RFC 5545, via ical-generator). Input: CalendarEvents (events.ts). Output:
 * the .ics text with exact UTC instants (no VTIMEZONE needed), SUMMARY in the site's wall-clock times,
 * LOCATION, DESCRIPTION, DTSTAMP and LAST-MODIFIED, NAME and X-WR-CALNAME, REFRESH-INTERVAL and
 * X-PUBLISHED-TTL. A feed with no shifts holds one unused UTC VTIMEZONE (see EMPTY_CALENDAR_COMPONENT).
 */
import ical, { ICalEventStatus, type ICalCalendarProdIdData } from "ical-generator";
import type { PlanningInput, Problem } from "../../models/index.js";
import { buildCalendarEvents, type CalendarEvent, type CalendarEvents, type EventOptions, type PublishedVersion } from "./events.js";
import type { FeedScope } from "./identity.js";
import { strongEtag } from "./etag.js";

export interface FeedOptions {
  /** PRODID; default `-//RxRoster//Shift calendar//EN`. Pinned by golden tests. */
  prodId?: ICalCalendarProdIdData;
  /** How often clients should poll, in seconds (REFRESH-INTERVAL, X-PUBLISHED-TTL); default 3600. */
  refreshSeconds?: number;
  /** Pins every DTSTAMP to one instant (tests); default: each event's last change (CalendarEvent.stamp). */
  stamp?: Date;
}

export const DEFAULT_PRODID: ICalCalendarProdIdData = { company: "RxRoster", product: "Shift calendar", language: "EN" };
export const DEFAULT_REFRESH_SECONDS = 3600;

const hoursText = (minutes: number): string => (minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

/** "IV room — Day 07:00–15:30"; a department or area feed adds the person's name. */
export function eventSummary(event: CalendarEvent, scope: FeedScope): string {
  const base = `${event.area.name} — ${event.template.name} ${event.localStart}–${event.localEnd}`;
  return scope.kind === "staff" ? base : `${base} (${event.staff.name})`;
}

/** "Mercy General Pharmacy, IV room, Basement B2": the site's name as the shift was published with it. */
export function eventLocation(event: CalendarEvent): string {
  return [event.siteName, event.area.name, event.area.location].filter((x) => x !== undefined && x !== "").join(", ");
}

/** Role and level, the shift's paid facts, and notes a person would want in their calendar. */
export function eventDescription(event: CalendarEvent): string {
  const lines = [
    `Staff: ${event.staff.name}`,
    `Role: ${event.staff.level} (${event.staff.roleFamily})`,
    `Shift: ${event.template.name} (${event.template.id}), ${event.area.name}`,
  ];
  if (event.unpaidBreakMinutes > 0) lines.push(`Unpaid break: ${event.unpaidBreakMinutes} min`);
  if (event.durationMinutes !== event.nominalMinutes) {
    lines.push(`Note: the clocks change during this shift; it lasts ${hoursText(event.durationMinutes)}, not ${hoursText(event.nominalMinutes)}.`);
  }
  if (event.holiday !== undefined) lines.push(`Note: holiday (${event.holiday}).`);
  return lines.join("\n");
}

export function calendarName(calendar: CalendarEvents): string {
  const site = calendar.site.name;
  return calendar.scope.kind === "staff" ? `${calendar.scopeName} — ${site} shifts` : `${site} — ${calendar.scopeName}`;
}

/**
 * Free text as every text property of a feed carries it, NAME and the events' alike (names are free
 * text: a word processor's line break is U+2028, an EBCDIC system's NEL). A line break stays one, whichever
 * it is (CRLF, CR, LF, NEL, U+2028, U+2029), and is written `\n` (RFC 5545 §3.3.11); a tab becomes a
 * space, so words stay apart (TEXT allows a raw tab, but clients show it unevenly); every other C0
 * control and DEL (which TEXT excludes) and C1 control (which no client shows but as a box) is dropped.
 */
export function calendarText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "");
}

/**
 * An RFC 5545 TEXT value (§3.3.11) for the calendar's NAME and X-WR-CALNAME, which ical-generator writes
 * as given (a name with a line break ended the line, and ical.js refused the whole feed; one with CRLF
 * could add properties of its own): `calendarText`, then backslash, semicolon and comma escaped and a line
 * break written `\n`, as ical-generator does for event properties.
 */
export function textValue(text: string): string {
  return calendarText(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/**
 * What a feed with no shifts holds (before the first publish, or for a person with none), since RFC 5545
 * §3.6 asks for at least one component: a VTIMEZONE for UTC, which every client parses and none shows,
 * and which no event refers to (their instants are UTC). A placeholder VEVENT or VTODO would appear in
 * people's calendars or task lists; the site's own zone would need its DST rules written out, for no
 * gain; ical-generator's timezone option would add X-WR-TIMEZONE and write events in local time.
 */
export const EMPTY_CALENDAR_COMPONENT = ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE"];

/** The .ics text of a feed; the same events and options give the same bytes. */
export function toIcs(calendar: CalendarEvents, options: FeedOptions = {}): string {
  const cal = ical({
    prodId: options.prodId ?? DEFAULT_PRODID,
    name: textValue(calendarName(calendar)),
    ttl: options.refreshSeconds ?? DEFAULT_REFRESH_SECONDS,
  });
  for (const event of calendar.events) {
    // DTSTAMP is when the event was last revised, as RFC 5545 §3.8.7.2 has it in a feed without METHOD.
    const stamp = options.stamp ?? new Date(event.stamp);
    cal.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      lastModified: stamp,
      start: event.start,
      end: event.end,
      summary: calendarText(eventSummary(event, calendar.scope)),
      location: calendarText(eventLocation(event)),
      description: calendarText(eventDescription(event)),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  let text = cal.toString();
  if (calendar.events.length === 0) text = text.replace(/\r\nEND:VCALENDAR$/, () => `\r\n${EMPTY_CALENDAR_COMPONENT.join("\r\n")}\r\nEND:VCALENDAR`);
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  return `${text}\r\n`;
}

export interface Feed {
  ics: string;
  /** Strong ETag of the ics bytes, quoted. */
  etag: string;
  /** Assignments left out of the feed (see buildCalendarEvents); worth a log line, not an error. */
  skipped: Problem[];
}

/**
 * Everything the feed route needs in one call: events of the scope (each date's from the latest published
 * version that plans it), the .ics text and its ETag. A failure names the bad scope (unknown staff or area
 * id).
 */
export function buildFeed(
  input: PlanningInput,
  versions: readonly PublishedVersion[],
  scope: FeedScope,
  options: FeedOptions & EventOptions = {},
): { ok: true; value: Feed } | { ok: false; problems: Problem[] } {
  const events = buildCalendarEvents(input, versions, scope, options);
  if (!events.ok) return events;
  const ics = toIcs(events.value, options);
  return { ok: true, value: { ics, etag: strongEtag(ics), skipped: events.skipped } };
}
