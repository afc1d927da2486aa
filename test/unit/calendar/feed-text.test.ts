/**
 * What a subscriber's client reads in each event beyond its times: SEQUENCE, DTSTAMP and LAST-MODIFIED
 * follow every change of the event's text (audit finding 7), names cannot carry control characters into
 * it (finding 9; QA4 F3: every field alike), and a feed with no shifts is still a valid calendar (finding 8). Read back with ical.js.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { PlanningInput, TimeGrid } from "../../../models/index.js";
import type { PublishedVersion } from "../../../src/calendar/events.js";
import { buildFeed } from "../../../src/calendar/feed.js";
import type { FeedScope } from "../../../src/calendar/identity.js";
import { buildTimeGrid } from "../../../src/time/grid.js";
import { calendarWorld, parseFeed, V1 } from "./world.js";

const base = calendarWorld();
const baseGrid = buildTimeGrid(base);
const V2_AT = "2026-02-27T09:30:00Z";

function ics(input: PlanningInput, versions: PublishedVersion[], scope: FeedScope, grid?: TimeGrid): string {
  const built = buildFeed(input, versions, scope, grid ? { grid } : {});
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.value.ics;
}

/** The feed of V1 with the site's, the central area's, Ann's and D8's names (and the area's location) replaced. */
function feedNamed(names: { site: string; area: string; location: string; ann: string; day: string }, scope: FeedScope): string {
  const input: PlanningInput = {
    ...base,
    site: { ...base.site, name: names.site },
    areas: base.areas.map((x) => (x.id === "central" ? { ...x, name: names.area, location: names.location } : x)),
    staff: base.staff.map((s) => (s.id === "A" ? { ...s, name: names.ann } : s)),
    shiftTemplates: base.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, name: names.day } : t)),
  };
  return ics(input, [{ ...V1, input, grid: baseGrid }], scope, baseGrid);
}

/** A's 2026-03-09 day shift as ical.js reads it, after V1 and a re-publish of the same shifts under `changed`. */
function afterRepublish(changed: PlanningInput) {
  const grid = buildTimeGrid(changed);
  const v1 = { ...V1, input: base, grid: baseGrid };
  const v2 = { version: 2, publishedAt: V2_AT, schedule: V1.schedule, input: changed, grid };
  const text = ics(changed, [v1, v2], { kind: "staff", staffId: "A" }, grid);
  const component = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").find((c) => new ICAL.Event(c).startDate.toJSDate().toISOString() === "2026-03-09T11:00:00.000Z")!;
  const instant = (name: string) => (component.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString() ?? null;
  const event = new ICAL.Event(component);
  return { sequence: event.sequence, stamp: instant("dtstamp"), lastModified: instant("last-modified"), text: `${event.summary}|${event.location}|${event.description}` };
}

const edits: [string, (input: PlanningInput) => PlanningInput][] = [
  ["the template's name", (i) => ({ ...i, shiftTemplates: i.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, name: "Day (report to 4B)" } : t)) })],
  ["the area's name", (i) => ({ ...i, areas: i.areas.map((x) => (x.id === "central" ? { ...x, name: "Main pharmacy" } : x)) })],
  ["the area's location", (i) => ({ ...i, areas: i.areas.map((x) => (x.id === "central" ? { ...x, location: "Tower 2, level 3" } : x)) })],
  ["the site's name", (i) => ({ ...i, site: { ...i.site, name: "Mercy West Pharmacy" } })],
  ["a holiday on that date", (i) => ({ ...i, site: { ...i.site, holidays: [...i.site.holidays, { date: "2026-03-09", name: "Staff day" }] } })],
  ["the person's name", (i) => ({ ...i, staff: i.staff.map((s) => (s.id === "A" ? { ...s, name: "Ann Lee" } : s)) })],
  ["the unpaid break", (i) => ({ ...i, shiftTemplates: i.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, unpaidBreakMinutes: 45 } : t)) })],
];

describe("calendar event text", () => {
  const before = afterRepublish(structuredClone(base));

  it("keeps SEQUENCE 0 and the first stamp when a re-publish changes nothing a client shows", () => {
    expect(before).toMatchObject({ sequence: 0, stamp: "2026-02-20T14:00:00.000Z", lastModified: "2026-02-20T14:00:00.000Z" });
  });

  it.each(edits)("raises SEQUENCE and stamps DTSTAMP and LAST-MODIFIED with the re-publish when only %s changes", (_, edit) => {
    const after = afterRepublish(edit(structuredClone(base)));
    expect(after.text).not.toBe(before.text);
    expect(after).toMatchObject({ sequence: 1, stamp: new Date(V2_AT).toISOString(), lastModified: new Date(V2_AT).toISOString() });
  });

  it("drops control characters from names in SUMMARY, LOCATION and DESCRIPTION, keeping line breaks", () => {
    const text = feedNamed({ site: "Mercy\u0000 General", area: "Central\u001b[31m pharmacy", location: "Tower\u000b2\nlevel 3", ann: "Ann\u000bLee\u007f", day: "Day\u0007" }, { kind: "department" });
    // Only the CRLF ending each line may remain.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f]/);
    const day = parseFeed(text).events.find((e) => e.start === "2026-03-09T11:00:00.000Z")!;
    expect(day.summary).toBe("Central[31m pharmacy — Day 07:00–15:30 (AnnLee)");
    expect(day.location).toBe("Mercy General, Central[31m pharmacy, Tower2\nlevel 3");
    expect(day.description.split("\n").slice(0, 3)).toEqual(["Staff: AnnLee", "Role: Pharmacist (pharmacist)", "Shift: Day (D8), Central[31m pharmacy"]);
  });

  it("treats every text field alike: a tab as a space, NEL, U+2028 and U+2029 as line breaks, C1 controls dropped (QA4 F3)", () => {
    const text = feedNamed({ site: "Mercy\tGeneral\u0085Pharmacy", area: "Central\u009b pharmacy", location: "Tower 2\u2029level 3", ann: "Ann\u2028Lee\t\u0080RPh", day: "Day" }, { kind: "staff", staffId: "A" });
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    const feed = parseFeed(text);
    const [site, ann] = ["Mercy General\nPharmacy", "Ann\nLee RPh"];
    // ical.js keeps NAME and X-WR-CALNAME as written, escapes and all (feed.test.ts reads them so too).
    const calname = `${ann} — ${site} shifts`.replaceAll("\n", "\\n");
    expect([feed.name, feed.wrCalname]).toEqual([calname, calname]);
    const day = feed.events.find((e) => e.start === "2026-03-09T11:00:00.000Z")!;
    expect(day.summary).toBe("Central pharmacy — Day 07:00–15:30");
    expect(day.location).toBe(`${site}, Central pharmacy, Tower 2\nlevel 3`);
    expect(day.description.split("\n").slice(0, 2)).toEqual(["Staff: Ann", "Lee RPh"]);
  });

  it("holds one unused UTC VTIMEZONE, and no event, before anything is published", () => {
    const text = ics(base, [], { kind: "staff", staffId: "A" }, baseGrid);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(["vtimezone"]);
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")!);
    expect(zone.tzid).toBe("UTC");
    expect(zone.utcOffset(ICAL.Time.fromDateTimeString("2026-07-01T12:00:00"))).toBe(0);
    expect(text.endsWith("END:VTIMEZONE\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it("adds no VTIMEZONE to a feed that has events", () => {
    expect(ics(base, [V1], { kind: "staff", staffId: "A" }, baseGrid)).not.toContain("VTIMEZONE");
  });
});
