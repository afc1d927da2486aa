/**
 * Calendar feeds in process: feeds built per second for a 60-staff, 28-day department (scaledDepartment)
 * with two published versions, and what answering a poll with an unchanged feed costs (ETag + If-None-
 * Match). HTTP figures come with the feed route (npm run bench:api). Prints figures; never fails on time.
 * Exit codes: 0 done; 2 an argument was given (it takes none).
 *   npx tsx bench/calendar.ts
 */
import type { Assignment } from "../models/index.js";
import { ifNoneMatchHits, strongEtag } from "../src/calendar/etag.js";
import type { PublishedVersion } from "../src/calendar/events.js";
import { buildFeed } from "../src/calendar/feed.js";
import { buildTimeGrid } from "../src/time/grid.js";
import { scaledDepartment, syntheticSchedule } from "./departments.js";

// It takes no arguments: one given would be ignored while the full run went on.
if (process.argv.length > 2) {
  console.error(`bench/calendar.ts: takes no arguments (got "${process.argv.slice(2).join(" ")}"); usage: npx tsx bench/calendar.ts`);
  process.exit(2);
}

const STAFF = 60;
const DAYS = 28;

/** Runs `fn` for about `ms` milliseconds after a warm-up; returns operations per second. */
function rate(fn: (i: number) => void, ms = 2000): number {
  for (let i = 0; i < 20; i++) fn(i);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) fn(n++);
  return n / ((performance.now() - start) / 1000);
}

const input = scaledDepartment(STAFF, DAYS);
const gridStart = performance.now();
const grid = buildTimeGrid(input);
const gridMs = performance.now() - gridStart;
const v1 = syntheticSchedule(input, grid);
// Version 2 moves every tenth shift to another template of the same role family that day and drops every 25th.
const sameDayOther = (x: Assignment): string => {
  const current = grid.shifts.find((s) => s.key === `${x.template}@${x.date}`)!;
  return grid.shifts.find((s) => s.date === x.date && s.roleFamily === current.roleFamily && s.template !== x.template)?.template ?? x.template;
};
const v2 = v1.filter((_, i) => i % 25 !== 24).map((x, i) => (i % 10 === 0 ? { ...x, template: sameDayOther(x) } : x));
const versions: PublishedVersion[] = [
  { version: 1, publishedAt: "2026-10-15T14:00:00Z", schedule: { assignments: v1 } },
  { version: 2, publishedAt: "2026-10-20T14:00:00Z", schedule: { assignments: v2 } },
];
const staffIds = input.staff.map((s) => s.id);
const one = (i: number, withGrid: boolean) => {
  const feed = buildFeed(input, versions, { kind: "staff", staffId: staffIds[i % staffIds.length]! }, withGrid ? { grid } : {});
  if (!feed.ok) throw new Error(JSON.stringify(feed.problems));
  return feed.value;
};
const sample = one(0, true);
const department = buildFeed(input, versions, { kind: "department" }, { grid });
if (!department.ok) throw new Error("no department feed");

const staffRate = rate((i) => one(i, true));
const staffNoGridRate = rate((i) => one(i, false), 3000);
const departmentRate = rate(() => buildFeed(input, versions, { kind: "department" }, { grid }));
const pollRate = rate((i) => {
  const feed = one(i, true);
  if (!ifNoneMatchHits(feed.etag, feed.etag)) throw new Error("no match");
});
const hashRate = rate(() => ifNoneMatchHits(sample.etag, strongEtag(sample.ics)));
const compareRate = rate(() => ifNoneMatchHits(`"stale", ${sample.etag}`, sample.etag));

const row = (what: string, perSecond: number): string => `| ${what} | ${perSecond.toFixed(0)} | ${(1e6 / perSecond).toFixed(1)} |`;
console.log(`${input.site.name}: ${v1.length} + ${v2.length} assignments in 2 versions; node ${process.version}`);
console.log(`time grid built once in ${gridMs.toFixed(1)} ms; a staff feed is ${sample.ics.length} chars (${one(0, true).skipped.length} skipped), the department feed ${department.value.ics.length} chars`);
console.log("| operation | per second | µs each |");
console.log("|---|---|---|");
console.log(row("staff feed (events + ics + ETag), grid cached", staffRate));
console.log(row("staff feed, time grid rebuilt each time", staffNoGridRate));
console.log(row(`department feed (${STAFF} staff), grid cached`, departmentRate));
console.log(row("poll answered 304: build staff feed + ETag + If-None-Match", pollRate));
console.log(row("ETag of a cached staff feed's bytes + compare", hashRate));
console.log(row("If-None-Match compare against a stored ETag", compareRate));
