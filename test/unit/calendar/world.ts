/**
 * A calendar test world: the small test department moved to America/New_York with a horizon that holds
 * both 2026 DST changes (spring 2026-03-08, fall 2026-11-01), an IV room "Day" shift, and two published
 * versions of a schedule whose second version moves, removes and adds shifts.
 */
import ICAL from "ical.js";
import type { PlanningInput } from "../../../models/index.js";
import type { PublishedVersion } from "../../../src/calendar/events.js";
import { a, BASE, world } from "../../fixtures/world.js";

export function calendarWorld(): PlanningInput {
  return world({
    site: { id: "mercy", name: "Mercy General Pharmacy", timeZone: "America/New_York", payPeriodAnchor: "2026-03-01", holidays: [{ date: "2026-07-04", name: "Independence Day" }] },
    horizon: { start: "2026-03-06", end: "2026-11-02" },
    areas: [
      { id: "central", name: "Central pharmacy" },
      { id: "iv-room", name: "IV room", location: "Basement B2" },
    ],
    shiftTemplates: [
      ...BASE.shiftTemplates,
      { id: "IVD", name: "Day", area: "iv-room", start: "07:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["sterile"] },
    ],
  });
}

/** Version 1: nights across both changes (7 h and 9 h), a day on the spring day, a holiday shift. */
export const V1: PublishedVersion = {
  version: 1,
  publishedAt: "2026-02-20T14:00:00Z",
  schedule: {
    assignments: [
      a("A", "2026-03-07", "N8"),
      a("A", "2026-03-09", "D8"),
      a("B", "2026-03-08", "D8"),
      a("C", "2026-03-07", "TN12"),
      a("C", "2026-03-08", "IVD"),
      a("C", "2026-07-04", "IVD"),
      a("A", "2026-10-31", "N8"),
      a("B", "2026-11-01", "E8"),
      a("D", "2026-11-01", "T12"),
    ],
  },
};

/** Version 2: A's 03-09 day moved to the evening, B's 03-08 day removed, a fall tech night added for D. */
export const V2: PublishedVersion = {
  version: 2,
  publishedAt: "2026-02-27T09:30:00Z",
  schedule: {
    assignments: [
      ...V1.schedule.assignments
        .filter((x) => !(x.staff === "B" && x.date === "2026-03-08"))
        .map((x) => (x.staff === "A" && x.date === "2026-03-09" ? { ...x, template: "E8" } : x)),
      a("D", "2026-10-31", "TN12"),
    ],
  },
};

/** Pinned for golden files. */
export const GOLDEN_PRODID = { company: "RxRoster", product: "Golden test", language: "EN" };

export interface ParsedEvent {
  uid: string;
  sequence: number;
  stamp: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

export interface ParsedFeed {
  name: string | null;
  wrCalname: string | null;
  refreshInterval: string | null;
  publishedTtl: string | null;
  events: ParsedEvent[];
}

/** A feed as the independent parser ical.js reads it; instants as ISO UTC strings. */
export function parseFeed(ics: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const text = (name: string): string | null => {
    const value = calendar.getFirstPropertyValue(name);
    return value === null ? null : String(value);
  };
  const events = calendar.getAllSubcomponents("vevent").map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      stamp: (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString(),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      summary: event.summary,
      location: event.location,
      description: event.description,
    };
  });
  return { name: text("name"), wrCalname: text("x-wr-calname"), refreshInterval: text("refresh-interval"), publishedTtl: text("x-published-ttl"), events };
}
