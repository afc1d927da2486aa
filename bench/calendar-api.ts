/**
 * Calendar feeds over HTTP, a section of `npm run bench:api`: a 60-staff department's synthetic month
 * (bench/departments.ts) published as two versions, then requests per second with autocannon on a personal
 * and the department feed, each without and with a matching If-None-Match (200 with the cached text vs
 * 304), and what the first, uncached request of each costs. Prints figures; never fails on time.
 */
import autocannon from "autocannon";
import type { PlanningInput } from "../models/index.js";
import { SYSTEM } from "../src/store/audit.js";
import type { Store } from "../src/store/store.js";
import { buildTimeGrid } from "../src/time/grid.js";
import { syntheticSchedule } from "./departments.js";

export interface FeedBenchOptions {
  /** Seconds per autocannon run (default 10). */
  seconds?: number;
  /** Concurrent connections (default 10). */
  connections?: number;
}

/** Publish version 1, then version 2 with every tenth shift dropped, so identities span two versions. */
function publishTwoVersions(store: Store, input: PlanningInput): void {
  const v1 = syntheticSchedule(input, buildTimeGrid(input));
  for (const assignments of [v1, v1.filter((_, i) => i % 10 !== 9)]) {
    const draft = store.schedules.createDraft(input.site.id, assignments, "manual", undefined, SYSTEM);
    store.schedules.publish(input.site.id, draft.id, SYSTEM);
  }
}

export async function benchFeeds(base: string, store: Store, input: PlanningInput, options: FeedBenchOptions = {}): Promise<void> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 10;
  publishTwoVersions(store, input);
  const personal = store.feeds.create(input.site.id, { kind: "staff", staffId: input.staff[0]!.id }, SYSTEM)!;
  const department = store.feeds.create(input.site.id, { kind: "department" }, SYSTEM)!;
  console.log(`\nCalendar feeds: ${input.staff.length} staff, 2 published versions; autocannon ${connections} connections, ${seconds} s per row`);
  console.log("| feed | first request (builds and caches) | requests/s, 200 (cached text) | p99 | requests/s, 304 (If-None-Match) | p99 |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, feed] of [["personal", personal], ["department", department]] as const) {
    const url = `${base}/calendars/${feed.token}.ics`;
    const t = performance.now();
    const first = await fetch(url);
    const bytes = (await first.text()).length;
    const coldMs = performance.now() - t;
    const etag = first.headers.get("etag")!;
    const full = await autocannon({ url, connections, duration: seconds });
    const matched = await autocannon({ url, connections, duration: seconds, headers: { "if-none-match": etag } });
    const wrong = full.non2xx + full.errors + matched["2xx"] + matched["4xx"] + matched["5xx"] + matched.errors;
    console.log(
      `| ${name} (${bytes} chars) | ${coldMs.toFixed(0)} ms | ${full.requests.average.toFixed(0)} | ${full.latency.p99} ms | ${matched.requests.average.toFixed(0)} | ${matched.latency.p99} ms |` +
        (wrong > 0 ? ` (${wrong} unexpected answers)` : ""),
    );
  }
}
