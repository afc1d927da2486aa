/**
 * Re-publishing a schedule with random edits (each shift unchanged, moved to another template the same
 * day, or removed; new shifts added on free days) keeps the UID of every unchanged shift, raises SEQUENCE
 * only on moved ones and drops removed ones; publishing the same schedule again changes nothing. The
 * feed text is read back with ical.js. Fixed seed and numRuns.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCalendarEvents, type CalendarEvent, type PublishedVersion } from "../../src/calendar/events.js";
import { toIcs } from "../../src/calendar/feed.js";
import { buildTimeGrid } from "../../src/time/grid.js";
import { a, world } from "../fixtures/world.js";
import { parseFeed } from "../unit/calendar/world.js";

const SEED = 20260308;
const RUNS = 80;

const input = world(); // America/Chicago, 2026-03-02 … 03-15, spring change on 03-08; every template runs daily
const grid = buildTimeGrid(input);
const STAFF = input.staff.map((s) => s.id);
const TEMPLATES = input.shiftTemplates.map((t) => t.id);
const DATES = grid.days.map((d) => d.date);

type Edit = { kind: "keep" } | { kind: "move"; by: number } | { kind: "remove" };
const slot = fc.record({ staff: fc.nat(STAFF.length - 1), day: fc.nat(DATES.length - 1), template: fc.nat(TEMPLATES.length - 1) });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant({ kind: "keep" as const }),
  fc.record({ kind: fc.constant("move" as const), by: fc.integer({ min: 1, max: TEMPLATES.length - 1 }) }),
  fc.constant({ kind: "remove" as const }),
);
const scenario = fc.record({
  base: fc.uniqueArray(slot, { selector: (s) => `${s.staff}/${s.day}`, maxLength: 24 }),
  edits: fc.array(edit, { minLength: 24, maxLength: 24 }),
  added: fc.uniqueArray(slot, { selector: (s) => `${s.staff}/${s.day}`, maxLength: 6 }),
});

const day = (staff: number, d: number): string => `${STAFF[staff]}/${DATES[d]}`;
const version = (n: number, assignments: ReturnType<typeof a>[]): PublishedVersion => ({
  version: n,
  publishedAt: new Date(Date.UTC(2026, 1, n)).toISOString(),
  schedule: { assignments },
});

function eventsByDay(versions: PublishedVersion[]): Map<string, CalendarEvent> {
  const built = buildCalendarEvents(input, versions, { kind: "department" }, { grid });
  if (!built.ok || built.skipped.length > 0) throw new Error("the test schedule does not fit the world");
  // Each person has at most one shift a day here, so staff and date name an event.
  return new Map(built.value.events.map((e) => [`${e.staff.id}/${e.date}`, e]));
}

describe("re-publishing a schedule", () => {
  it(`keeps UIDs of unchanged shifts, bumps SEQUENCE only on moved ones and drops removed ones (seed ${SEED})`, () => {
    let checked = { kept: 0, moved: 0, removed: 0, added: 0 };
    fc.assert(
      fc.property(scenario, ({ base, edits, added }) => {
        const v1 = base.map((s) => a(STAFF[s.staff]!, DATES[s.day]!, TEMPLATES[s.template]!));
        const taken = new Set(base.map((s) => day(s.staff, s.day)));
        const kinds = new Map<string, Edit["kind"] | "added">();
        const v2 = base.flatMap((s, i) => {
          const e = edits[i]!;
          kinds.set(day(s.staff, s.day), e.kind);
          if (e.kind === "remove") return [];
          const template = e.kind === "move" ? (s.template + e.by) % TEMPLATES.length : s.template;
          return [a(STAFF[s.staff]!, DATES[s.day]!, TEMPLATES[template]!)];
        });
        for (const s of added.filter((s) => !taken.has(day(s.staff, s.day)))) {
          kinds.set(day(s.staff, s.day), "added");
          v2.push(a(STAFF[s.staff]!, DATES[s.day]!, TEMPLATES[s.template]!));
        }
        const first = version(1, v1);
        const second = version(2, v2);
        const before = eventsByDay([first]);
        const after = eventsByDay([first, second]);
        const again = eventsByDay([first, second, version(3, v2)]);

        for (const [key, kind] of kinds) {
          const old = before.get(key);
          const now = after.get(key);
          if (kind === "remove") {
            expect(now).toBeUndefined();
            checked.removed++;
          } else if (kind === "added") {
            expect(old).toBeUndefined();
            expect([now!.sequence, now!.stamp]).toEqual([0, second.publishedAt]);
            checked.added++;
          } else {
            expect(now!.uid).toBe(old!.uid);
            const changed = kind === "move";
            expect([now!.sequence, now!.stamp]).toEqual(changed ? [1, second.publishedAt] : [0, first.publishedAt]);
            checked = changed ? { ...checked, moved: checked.moved + 1 } : { ...checked, kept: checked.kept + 1 };
          }
        }
        expect(after.size).toBe([...kinds.values()].filter((k) => k !== "remove").length);
        expect([...again].map(([k, e]) => [k, e.uid, e.sequence, e.stamp])).toEqual([...after].map(([k, e]) => [k, e.uid, e.sequence, e.stamp]));

        // What a client reads: the same UIDs and SEQUENCEs, and nothing for removed shifts.
        const built = buildCalendarEvents(input, [first, second], { kind: "department" }, { grid });
        if (!built.ok) throw new Error("no events");
        const parsed = parseFeed(toIcs(built.value));
        expect(new Map(parsed.events.map((e) => [e.uid, e.sequence]))).toEqual(new Map([...after.values()].map((e) => [e.uid, e.sequence])));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Counted, so a generator that stopped producing a kind of edit cannot pass silently.
    for (const count of Object.values(checked)) expect(count).toBeGreaterThan(RUNS);
  });
});
