import { describe, expect, it } from "vitest";
import { buildCalendarEvents } from "../../../src/calendar/events.js";
import { assignmentUid, reviseAcrossVersions, type AssignmentIdentity } from "../../../src/calendar/identity.js";
import { buildTimeGrid } from "../../../src/time/grid.js";
import { a } from "../../fixtures/world.js";
import { calendarWorld, V1, V2 } from "./world.js";

const id: AssignmentIdentity = { siteId: "mercy", staffId: "rph-0042", date: "2026-03-09", ordinal: 0 };
const staffScope = { kind: "staff", staffId: "rph-0042" } as const;

const version = (publishedAt: string, entries: [string, string][]) => ({ publishedAt, entries: new Map(entries) });

describe("assignment identity", () => {
  it("keeps a UID stable and never shows the staff id", () => {
    const uid = assignmentUid(id, staffScope);
    expect(assignmentUid({ ...id }, staffScope)).toBe(uid);
    expect(uid).toMatch(/^[0-9a-f]{32}@rxroster$/);
    expect(uid).not.toContain("rph-0042");
    expect(uid).not.toContain("0042");
  });

  it("gives another UID for another date, ordinal, person, scope or salt", () => {
    const uid = assignmentUid(id, staffScope);
    const others = [
      assignmentUid({ ...id, date: "2026-03-10" }, staffScope),
      assignmentUid({ ...id, ordinal: 1 }, staffScope),
      assignmentUid({ ...id, staffId: "rph-0043" }, staffScope),
      assignmentUid(id, { kind: "department" }),
      assignmentUid(id, { kind: "area", areaId: "iv-room" }),
      assignmentUid(id, staffScope, "site secret"),
    ];
    expect(new Set([uid, ...others]).size).toBe(7);
  });

  it("raises the sequence on each change of content and stamps the version of the last change", () => {
    const revisions = reviseAcrossVersions([
      version("2026-01-01T00:00:00.000Z", [["same", "D8"], ["moved", "D8"], ["gone", "D8"], ["back", "D8"]]),
      version("2026-01-02T00:00:00.000Z", [["same", "D8"], ["moved", "E8"], ["back", "D8"], ["new", "N8"]]),
      version("2026-01-03T00:00:00.000Z", [["same", "D8"], ["moved", "N8"], ["new", "N8"]]),
      version("2026-01-04T00:00:00.000Z", [["same", "D8"], ["moved", "N8"], ["back", "D8"], ["new", "N8"]]),
    ]);
    expect(Object.fromEntries(revisions)).toEqual({
      same: { sequence: 0, changedAt: "2026-01-01T00:00:00.000Z" },
      moved: { sequence: 2, changedAt: "2026-01-03T00:00:00.000Z" },
      back: { sequence: 2, changedAt: "2026-01-04T00:00:00.000Z" },
      new: { sequence: 0, changedAt: "2026-01-02T00:00:00.000Z" },
    });
  });

  it("keeps UIDs across a re-publish and bumps only the moved shift's SEQUENCE", () => {
    const input = calendarWorld();
    const grid = buildTimeGrid(input);
    const events = (versions: (typeof V1)[]) => {
      const built = buildCalendarEvents(input, versions, { kind: "staff", staffId: "A" }, { grid });
      if (!built.ok) throw new Error("no events");
      return built.value.events.map((e) => ({ uid: e.uid, sequence: e.sequence, stamp: e.stamp, date: e.date, template: e.template.id }));
    };
    const before = events([V1]);
    const after = events([V2, V1]); // versions in any order: they are sorted by number
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.map((e) => [e.date, e.template, e.sequence, e.stamp])).toEqual([
      ["2026-03-07", "N8", 0, V1.publishedAt.replace("Z", ".000Z")],
      ["2026-03-09", "E8", 1, V2.publishedAt.replace("Z", ".000Z")],
      ["2026-10-31", "N8", 0, V1.publishedAt.replace("Z", ".000Z")],
    ]);
  });

  it("numbers a person's shifts on one date by start time", () => {
    const input = calendarWorld();
    const twice = { version: 1, publishedAt: "2026-02-01T00:00:00Z", schedule: { assignments: [a("A", "2026-03-09", "N8"), a("A", "2026-03-09", "D8")] } };
    const built = buildCalendarEvents(input, [twice], { kind: "staff", staffId: "A" });
    if (!built.ok) throw new Error("no events");
    const [day, night] = built.value.events;
    const ordinal = (n: number) => assignmentUid({ siteId: "mercy", staffId: "A", date: "2026-03-09", ordinal: n }, { kind: "staff", staffId: "A" });
    expect([day!.template.id, day!.uid, night!.template.id, night!.uid]).toEqual(["D8", ordinal(0), "N8", ordinal(1)]);
  });
});
