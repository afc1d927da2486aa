/**
 * API benchmark (`npm run bench:api`): latency of a read route (GET /sites/{id}/staff) idle and while a
 * 60-staff, 28-day solve runs in the same server, event-loop delay meanwhile, and requests per second on
 * the same route with autocannon, idle and during the solve; then calendar feeds per second, with and
 * without If-None-Match (bench/calendar-api.ts). Prints figures; never fails on time.
 * Exit codes: 0 done; 2 an argument was given (it takes none).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import autocannon from "autocannon";
import { createApp } from "../api/app.js";
import { SolveQueue } from "../src/jobs/queue.js";
import { CheckerPool } from "../src/jobs/checker-worker.js";
import { openStore } from "../src/store/store.js";
import { SYSTEM } from "../src/store/audit.js";
import { benchFeeds } from "./calendar-api.js";
import { scaledDepartment } from "./departments.js";

// It takes no arguments: one given (a shorter time, say) would be ignored while the full run went on.
if (process.argv.length > 2) {
  console.error(`bench:api: takes no arguments (got "${process.argv.slice(2).join(" ")}"); usage: npm run bench:api`);
  process.exit(2);
}

const SAMPLE_SECONDS = 15;
const CANNON_SECONDS = 10;
const CONNECTIONS = 10;

const dir = mkdtempSync(join(tmpdir(), "rxroster-bench-"));
const store = openStore(dir);
const queue = new SolveQueue(store);
queue.start();
const checker = new CheckerPool(2);
const server = createApp({ store, queue, checker }).listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const token = store.tokens.create("admin").secret;
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const department = scaledDepartment(60, 28);
store.sites.create(department, SYSTEM);
const site = department.site.id;
const route = `${base}/sites/${site}/staff`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sequential GETs for `seconds`, one every 20 ms: latency percentiles in ms. */
async function sample(seconds: number): Promise<{ n: number; p50: number; p99: number; max: number }> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    const res = await fetch(route, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET staff answered ${res.status}`);
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1]! };
}

async function cannon(): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url: route, connections: CONNECTIONS, duration: CANNON_SECONDS, headers: { authorization: headers.authorization } });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function jobStatus(id: string): Promise<{ status: string; error?: string; progress?: { elapsedSeconds: number; gap?: number } }> {
  return (await fetch(`${base}/jobs/${id}`, { headers })).json() as Promise<{ status: string }>;
}

const fmt = (n: number): string => n.toFixed(1);
console.log(`API benchmark: ${department.staff.length} staff × 28 days, read route GET /sites/{id}/staff (${CONNECTIONS} connections for autocannon)`);
const idle = await sample(5);
console.log(`idle           : ${idle.n} sequential requests, p50 ${fmt(idle.p50)} ms, p99 ${fmt(idle.p99)} ms, max ${fmt(idle.max)} ms`);
const idleCannon = await cannon();
console.log(`idle autocannon: ${fmt(idleCannon.rps)} requests/s, p99 ${fmt(idleCannon.p99)} ms, ${idleCannon.errors} errors`);

const submitted = (await (await fetch(`${base}/sites/${site}/schedules`, { method: "POST", headers, body: JSON.stringify({ timeLimitSeconds: 60 }) })).json()) as { id: string };
while ((await jobStatus(submitted.id)).status === "queued") await new Promise((r) => setTimeout(r, 50));
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const during = await sample(SAMPLE_SECONDS);
delay.disable();
const progress = (await jobStatus(submitted.id)).progress;
console.log(`during solve   : ${during.n} sequential requests, p50 ${fmt(during.p50)} ms, p99 ${fmt(during.p99)} ms, max ${fmt(during.max)} ms; event-loop delay p99 ${fmt(delay.percentile(99) / 1e6)} ms, max ${fmt(delay.max / 1e6)} ms`);
console.log(`               (job ${(await jobStatus(submitted.id)).status}, solver progress: ${progress ? `${fmt(progress.elapsedSeconds)} s, gap ${progress.gap === undefined ? "-" : fmt(100 * progress.gap) + " %"}` : "none yet (building the model)"})`);
const busyCannon = await cannon();
console.log(`solve autocann.: ${fmt(busyCannon.rps)} requests/s, p99 ${fmt(busyCannon.p99)} ms, ${busyCannon.errors} errors (job ${(await jobStatus(submitted.id)).status})`);

const final = await jobStatus(submitted.id);
if (final.error) console.log(`job ${final.status}: ${final.error}`);
await fetch(`${base}/jobs/${submitted.id}/cancel`, { method: "POST", headers });
await queue.drain();
await benchFeeds(base, store, department);
server.close();
await queue.close();
await checker.close();
store.close();
rmSync(dir, { recursive: true, force: true });
