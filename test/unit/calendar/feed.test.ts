import { describe, expect, it } from "vitest";
import { buildFeed, DEFAULT_REFRESH_SECONDS } from "../../../src/calendar/feed.js";
import type { FeedScope } from "../../../src/calendar/identity.js";
import { buildTimeGrid } from "../../../src/time/grid.js";
import { localTimes } from "../../../src/time/local.js";
import { calendarWorld, parseFeed, V1, V2, type ParsedFeed } from "./world.js";

const input = calendarWorld();
const grid = buildTimeGrid(input);

function feed(scope: FeedScope): ParsedFeed {
  const built = buildFeed(input, [V1, V2], scope, { grid });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return parseFeed(built.value.ics);
}

/** The latest version's shifts that belong in a scope, with instants from the time grid's local ISO times. */
function expectedShifts(keep: (staff: string, area: string) => boolean): { start: string; end: string }[] {
  return V2.schedule.assignments
    .map((x) => ({ x, shift: grid.shifts.find((s) => s.key === `${x.template}@${x.date}`)! }))
    .filter(({ x, shift }) => keep(x.staff, shift.area))
    .map(({ shift }) => localTimes(grid, shift))
    .map((t) => ({ start: new Date(t.start).toISOString(), end: new Date(t.end).toISOString() }))
    .sort((p, q) => p.start.localeCompare(q.start));
}

const instants = (f: ParsedFeed) => f.events.map((e) => ({ start: e.start, end: e.end })).sort((p, q) => p.start.localeCompare(q.start));

describe("calendar feed", () => {
  it("gives each of a person's events the time grid's start and end instants", () => {
    for (const staffId of ["A", "B", "C", "D"]) {
      expect(instants(feed({ kind: "staff", staffId }))).toEqual(expectedShifts((s) => s === staffId));
    }
  });

  it("lasts 7 h for a night across the spring change and 9 h across the fall change", () => {
    const nights = feed({ kind: "staff", staffId: "A" }).events.filter((e) => e.summary.includes("Night"));
    expect(nights.map((e) => [e.start, e.end])).toEqual([
      ["2026-03-08T04:00:00.000Z", "2026-03-08T11:00:00.000Z"],
      ["2026-11-01T03:00:00.000Z", "2026-11-01T12:00:00.000Z"],
    ]);
    expect(nights.map((e) => e.summary)).toEqual(["Central pharmacy — Night 23:00–07:00", "Central pharmacy — Night 23:00–07:00"]);
    expect(nights[0]!.description).toContain("lasts 7 h, not 8 h");
    expect(nights[1]!.description).toContain("lasts 9 h, not 8 h");
  });

  it("names the shift in local wall-clock times, with LOCATION, UID and a description with role", () => {
    const ivDay = feed({ kind: "staff", staffId: "C" }).events.find((e) => e.summary.startsWith("IV room") && e.start.startsWith("2026-03-08"))!;
    expect(ivDay.summary).toBe("IV room — Day 07:00–15:30");
    expect(ivDay.start).toBe("2026-03-08T11:00:00.000Z"); // 07:00 EDT, the first day of daylight time
    expect(ivDay.location).toBe("Mercy General Pharmacy, IV room, Basement B2");
    expect(ivDay.uid).toMatch(/^[0-9a-f]{32}@rxroster$/);
    expect(ivDay.description).toContain("Role: Technician II (technician)");
    expect(ivDay.description).toContain("Unpaid break: 30 min");
    const holiday = feed({ kind: "staff", staffId: "C" }).events.find((e) => e.start.startsWith("2026-07-04"))!;
    expect(holiday.description).toContain("holiday (Independence Day)");
  });

  it("carries the calendar name and the refresh hints", () => {
    const f = feed({ kind: "staff", staffId: "A" });
    expect(f.name).toBe("Ann — Mercy General Pharmacy shifts");
    expect(f.wrCalname).toBe(f.name);
    expect(f.refreshInterval).toBe("PT1H");
    expect(f.publishedTtl).toBe("PT1H");
    expect(DEFAULT_REFRESH_SECONDS).toBe(3600);
  });

  it("escapes the calendar name as RFC 5545 TEXT, so a name with a line break or CRLF cannot break or add lines", () => {
    const odd = { ...input, site: { ...input.site, name: "Mercy\r\nX-INJECTED:1" }, staff: input.staff.map((s) => (s.id === "A" ? { ...s, name: "Ann, Marie\nSmith; \\North" } : s)) };
    const built = buildFeed(odd, [V1, V2], { kind: "staff", staffId: "A" }, { grid });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const f = parseFeed(built.value.ics);
    // ical.js hands NAME and X-WR-CALNAME back as written (it knows no value type for them): escaped.
    expect(f.name).toBe("Ann\\, Marie\\nSmith\\; \\\\North — Mercy\\nX-INJECTED:1 shifts");
    expect(f.wrCalname).toBe(f.name);
    expect(f.events).toHaveLength(feed({ kind: "staff", staffId: "A" }).events.length);
    expect(built.value.ics).not.toMatch(/^X-INJECTED/m);
  });

  it("never puts one person's shifts in another's feed", () => {
    const feeds = ["A", "B", "C", "D"].map((staffId) => ({ staffId, f: feed({ kind: "staff", staffId }) }));
    const name = { A: "Ann", B: "Ben", C: "Cat", D: "Dan" } as Record<string, string>;
    for (const { staffId, f } of feeds) {
      for (const e of f.events) expect(e.description).toContain(`Staff: ${name[staffId]}\n`);
      const others = feeds.filter((o) => o.staffId !== staffId).flatMap((o) => o.f.events.map((e) => e.uid));
      expect(f.events.filter((e) => others.includes(e.uid))).toEqual([]);
    }
    expect(feeds.find((x) => x.staffId === "B")!.f.events).toHaveLength(1); // the removed 03-08 day is gone
  });

  it("holds every published shift in the department feed and only the area's in an area feed", () => {
    const department = feed({ kind: "department" });
    expect(instants(department)).toEqual(expectedShifts(() => true));
    expect(department.name).toBe("Mercy General Pharmacy — all shifts");
    expect(department.events.every((e) => / \((Ann|Ben|Cat|Dan)\)$/.test(e.summary))).toBe(true);
    const iv = feed({ kind: "area", areaId: "iv-room" });
    expect(instants(iv)).toEqual(expectedShifts((_, area) => area === "iv-room"));
    expect(iv.events).toHaveLength(2);
    expect(iv.name).toBe("Mercy General Pharmacy — IV room");
    expect(instants(feed({ kind: "area", areaId: "central" }))).toEqual(expectedShifts((_, area) => area === "central"));
  });

  it("pins PRODID, DTSTAMP and the refresh interval when asked", () => {
    const stamp = new Date("2026-01-01T00:00:00Z");
    const built = buildFeed(input, [V1, V2], { kind: "staff", staffId: "A" }, { grid, prodId: { company: "X", product: "Y" }, stamp, refreshSeconds: 900 });
    if (!built.ok) throw new Error("no feed");
    expect(built.value.ics).toContain("\r\nPRODID:-//X//Y//EN\r\n");
    expect(built.value.ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const parsed = parseFeed(built.value.ics);
    expect(parsed.events.map((e) => e.stamp)).toEqual(parsed.events.map(() => stamp.toISOString()));
    expect(parsed.refreshInterval).toBe("PT15M");
  });

  it("is an empty calendar before anything is published", () => {
    const built = buildFeed(input, [], { kind: "staff", staffId: "A" }, { grid });
    expect(built.ok && parseFeed(built.value.ics).events).toEqual([]);
  });

  it("names an unknown staff or area id in the scope", () => {
    expect(buildFeed(input, [V1], { kind: "staff", staffId: "Z" })).toEqual({ ok: false, problems: [{ path: "scope.staffId", message: "unknown staff id", value: "Z" }] });
    expect(buildFeed(input, [V1], { kind: "area", areaId: "ed" })).toEqual({ ok: false, problems: [{ path: "scope.areaId", message: "unknown area id", value: "ed" }] });
  });

  it("leaves out, and lists, what a stale version holds that the input cannot place", () => {
    const stale = { ...V1, schedule: { assignments: [...V1.schedule.assignments, { staff: "A", date: "2027-01-01", template: "D8", locked: false }, { staff: "Q", date: "2026-03-09", template: "D8", locked: false }] } };
    const built = buildFeed(input, [stale], { kind: "department" }, { grid });
    if (!built.ok) throw new Error("no feed");
    expect(built.value.skipped.map((p) => p.path)).toEqual(["versions[0].schedule.assignments[9]", "versions[0].schedule.assignments[10].staff"]);
    expect(parseFeed(built.value.ics).events).toHaveLength(9);
  });
});
