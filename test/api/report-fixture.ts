/**
 * A finished FTE report job stored for a site, as the queue would leave it (productivity view and a
 * one-second solve of today's staff), for tests that need a report id without waiting on the queue.
 */
import { buildFteReport } from "../../src/reports/fte/report.js";
import { SYSTEM } from "../../src/store/audit.js";
import type { Store } from "../../src/store/store.js";

export async function storedFteReport(store: Store, siteId: string): Promise<{ jobId: string; reportId: string }> {
  const built = await buildFteReport(store.sites.get(siteId)!.input, { source: `site ${siteId}`, maxHires: 0, timeLimitSeconds: 1 });
  if (!built.ok) throw new Error(`test site ${siteId} has no FTE report: ${JSON.stringify(built.problems)}`);
  const job = store.jobs.createReport(siteId, { maxHires: 0, timeLimitSeconds: 1, format: "json" }, SYSTEM);
  store.jobs.claim(job.id);
  return { jobId: job.id, reportId: store.jobs.succeedReport(job.id, built.value)!.reportId! };
}
