/**
 * Golden calendar files: feeds of the calendar test world (both 2026 DST changes, two published versions)
 * with a pinned PRODID, compared byte for byte. DTSTAMPs come from the versions' publishedAt, so they are
 * fixed too. After a deliberate change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/golden`
 * and read the diff.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildFeed } from "../../src/calendar/feed.js";
import type { FeedScope } from "../../src/calendar/identity.js";
import { buildTimeGrid } from "../../src/time/grid.js";
import { calendarWorld, GOLDEN_PRODID, parseFeed, V1, V2 } from "../unit/calendar/world.js";

const input = calendarWorld();
const grid = buildTimeGrid(input);

const goldens: { file: string; scope: FeedScope; events: number }[] = [
  { file: "staff-A.ics", scope: { kind: "staff", staffId: "A" }, events: 3 },
  { file: "staff-C.ics", scope: { kind: "staff", staffId: "C" }, events: 3 },
  { file: "department.ics", scope: { kind: "department" }, events: 9 },
  { file: "area-iv-room.ics", scope: { kind: "area", areaId: "iv-room" }, events: 2 },
];

describe("golden calendars", () => {
  for (const { file, scope, events } of goldens) {
    it(`writes ${file} byte for byte`, () => {
      const built = buildFeed(input, [V1, V2], scope, { grid, prodId: GOLDEN_PRODID });
      if (!built.ok) throw new Error(JSON.stringify(built.problems));
      const path = new URL(`./calendar/${file}`, import.meta.url);
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, built.value.ics);
      expect(Buffer.from(built.value.ics, "utf8").equals(readFileSync(path))).toBe(true);
      expect(parseFeed(readFileSync(path, "utf8")).events).toHaveLength(events);
    });
  }
});
