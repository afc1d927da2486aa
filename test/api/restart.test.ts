/**
 * Kill the built server (`node bin/rxroster.js serve`) with SIGKILL in the middle of a solve of the demo
 * department, then start it again on the same data directory: the job is failed as interrupted, the
 * published schedule is intact, and no schedule of the interrupted job exists. Stop it gracefully (SIGTERM)
 * instead: a running solve keeps its best schedule as its draft, as `POST /jobs/{id}/stop` keeps it. Needs
 * `npm run build`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { connect } from "node:net";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, expect, it } from "vitest";
import { CheckedClient } from "./openapi-client.js";
import { testSite, waitForJob } from "./harness.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "bin", "rxroster.js");
const dataDir = mkdtempSync(join(tmpdir(), "rxroster-restart-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Start the server and resolve with a checked client once it prints its port. */
async function serve(): Promise<{ child: ChildProcess; api: CheckedClient; stderr: () => string; port: number }> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--data-dir", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const doc = await (await fetch(`${baseUrl}/openapi.json`)).json();
  return { child, api: new CheckedClient(baseUrl, doc), stderr: () => stderr, port };
}

it("survives kill -9 during a solve: the job fails, published schedules stay, no partial schedule appears", async () => {
  expect(existsSync(join(ROOT, "dist", "api", "server.js")), "run npm run build first").toBe(true);
  const created = spawnSync(process.execPath, [BIN, "token", "create", "--role", "admin", "--data-dir", dataDir], { encoding: "utf8" });
  expect(created.status).toBe(0);
  const token = created.stdout.trim();

  const first = await serve();
  expect((await first.api.post("/sites", testSite(), token)).status).toBe(201);
  const draft = await first.api.post("/sites/test/schedules/drafts", { assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }, { staff: "C", date: "2026-03-02", template: "T12" }] }, token);
  const published = await first.api.post(`/sites/test/schedules/${draft.body.schedule.id}/publish`, undefined, token, { "if-match": draft.headers.get("etag")! });
  expect(published.status).toBe(201);

  const demo = parse(readFileSync(join(ROOT, "data", "demo", "department.yaml"), "utf8"));
  const site = await first.api.post("/sites", demo, token);
  expect(site.status).toBe(201);
  const job = await first.api.post(`/sites/${site.body.id}/schedules`, { timeLimitSeconds: 600, relativeGap: 0 }, token);
  expect(job.status).toBe(202);
  for (let i = 0; i < 200 && (await first.api.get(`/jobs/${job.body.id}`, token)).body.status !== "running"; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1500));
  expect((await first.api.get(`/jobs/${job.body.id}`, token)).body.status).toBe("running");
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));
  // After a reboot the dead server's pid may be another live process's (here the test runner's): the
  // claim is a lock the kernel dropped with the process, not that pid.
  writeFileSync(join(dataDir, "server.pid"), String(process.pid));

  const second = await serve();
  const after = await waitForJob(second.api, job.body.id, token, 5000);
  expect(after).toMatchObject({ status: "failed", error: expect.stringMatching(/interrupted/) });
  expect(after.scheduleId).toBeUndefined();
  expect(second.stderr()).toMatch("rxroster: 1 solve job interrupted by the last stop is marked failed");
  const kept = await second.api.get(`/sites/test/schedules/${published.body.schedule.id}`, token);
  expect(kept.body.schedule).toEqual(published.body.schedule);
  expect((await second.api.get(`/sites/${site.body.id}/schedules`, token)).body).toEqual([]);
  expect((await second.api.get("/sites/test/schedules", token)).body.map((s: { status: string }) => s.status)).toEqual(["published", "draft"]);

  second.child.kill("SIGTERM");
  const code = await new Promise((r) => second.child.once("exit", r));
  expect(code).toBe(0);
}, 60_000);

it("refuses a second server on the same data directory or port with exit 2, and leaves the first one's running solve alone", async () => {
  const created = spawnSync(process.execPath, [BIN, "token", "create", "--role", "admin", "--data-dir", dataDir], { encoding: "utf8" });
  const token = created.stdout.trim();
  const first = await serve();
  const demo = parse(readFileSync(join(ROOT, "data", "demo", "department.yaml"), "utf8"));
  const site = await first.api.post("/sites", { ...demo, site: { ...demo.site, id: "second-try" } }, token);
  expect(site.status).toBe(201);
  const job = await first.api.post(`/sites/second-try/schedules`, { timeLimitSeconds: 600, relativeGap: 0 }, token);
  for (let i = 0; i < 200 && (await first.api.get(`/jobs/${job.body.id}`, token)).body.status !== "running"; i++) await new Promise((r) => setTimeout(r, 50));

  // Its data directory, on another port: it would start a queue of its own and mark the first one's
  // running job as interrupted.
  const sameDir = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--data-dir", dataDir], { encoding: "utf8", timeout: 30_000 });
  expect(sameDir.status).toBe(2);
  expect(sameDir.stderr).toBe(`rxroster serve: --data-dir: ${dataDir} is in use by another RxRoster server (pid ${first.child.pid})\n`);
  // Its port, with a data directory of its own.
  const otherDir = mkdtempSync(join(tmpdir(), "rxroster-second-"));
  const samePort = spawnSync(process.execPath, [BIN, "serve", "--port", String(first.port), "--data-dir", otherDir], { encoding: "utf8", timeout: 30_000 });
  rmSync(otherDir, { recursive: true, force: true });
  expect(samePort.status).toBe(2);
  expect(samePort.stderr).toMatch(/^rxroster serve: cannot listen on 127\.0\.0\.1:\d+ \(another program uses the port\)$/m);
  expect((await first.api.get(`/jobs/${job.body.id}`, token)).body.status).toBe("running");
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));
}, 60_000);

it("shuts down as on SIGTERM when its terminal closes (SIGHUP), removing server.pid", async () => {
  const server = await serve();
  expect(existsSync(join(dataDir, "server.pid"))).toBe(true);
  server.child.kill("SIGHUP");
  const code = await new Promise((r) => server.child.once("exit", r));
  expect(code).toBe(0);
  expect(server.stderr()).toContain("rxroster: shutting down…");
  expect(existsSync(join(dataDir, "server.pid"))).toBe(false);
}, 60_000);

/** Poll a job over the API until `ready` holds of it (within 120 s); returns it. */
async function until(api: CheckedClient, jobId: string, token: string, ready: (job: any) => boolean): Promise<any> {
  for (let i = 0; i < 1200; i++) {
    const job = (await api.get(`/jobs/${jobId}`, token)).body;
    if (ready(job)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not get ready within 120 s`);
}

it("on SIGTERM stops a running solve as POST /jobs/{id}/stop does, keeping its best schedule as its draft; interrupts an FTE report; keeps queued jobs; logs each", async () => {
  const token = spawnSync(process.execPath, [BIN, "token", "create", "--role", "admin", "--data-dir", dataDir], { encoding: "utf8" }).stdout.trim();
  const first = await serve();
  const demo = parse(readFileSync(join(ROOT, "data", "demo", "department.yaml"), "utf8"));
  expect((await first.api.post("/sites", { ...demo, site: { ...demo.site, id: "graceful" } }, token)).status).toBe(201);
  // The report on a site of its own: the store holds other sites, so the last slot is kept for a site
  // with no job running, and a second job of "graceful" would wait.
  expect((await first.api.post("/sites", { ...demo, site: { ...demo.site, id: "graceful-hr" } }, token)).status).toBe(201);
  const long = { timeLimitSeconds: 600, relativeGap: 0 };
  const solve = (await first.api.post("/sites/graceful/schedules", long, token)).body;
  const report = (await first.api.post("/sites/graceful-hr/reports/fte", { maxHires: 1, timeLimitSeconds: 600 }, token)).body;
  // As many more as it takes for one to wait (the server runs one job per core), each its own time limit:
  // an identical solve is answered with the job already there.
  const more: any[] = [];
  while (more.length < 10 && more.at(-1)?.status !== "queued") more.push((await first.api.post("/sites/graceful/schedules", { ...long, timeLimitSeconds: 601 + more.length }, token)).body);
  const queued = more.at(-1);
  expect(queued.status).toBe("queued");
  // The solve has a schedule in hand better than its first (which, for this department, assigns nobody).
  const firstFound = (await until(first.api, solve.id, token, (job) => job.progress?.incumbent !== undefined)).progress.incumbent;
  await until(first.api, solve.id, token, (job) => job.progress.incumbent < firstFound);
  expect((await first.api.get(`/jobs/${report.id}`, token)).body.status).toBe("running");

  first.child.kill("SIGTERM");
  expect(await new Promise((r) => first.child.once("exit", r))).toBe(0);
  const second = await serve();
  const stopped = second.api;
  const job = await waitForJob(stopped, solve.id, token, 5000);
  expect(job, JSON.stringify(job)).toMatchObject({ status: "succeeded", result: { solveStatus: expect.stringMatching(/^(feasible|optimal)$/) } });
  if (job.result.solveStatus === "feasible") expect(job.result.warnings[0]).toMatch(/^stopped early by the server's shutdown after \d+\.\d s: this draft is the best schedule the solve had found by then/);
  const draft = await stopped.get(`/sites/graceful/schedules/${job.scheduleId}`, token);
  expect(draft.body.schedule.assignments.length).toBeGreaterThan(0);
  const audit = (await stopped.get("/sites/graceful/audit", token)).body;
  expect(audit).toContainEqual(expect.objectContaining({ action: "job.stop", target: solve.id, actor: "system" }));
  expect((await stopped.get(`/jobs/${report.id}`, token)).body).toMatchObject({ status: "failed", error: "interrupted: the server stopped during the FTE report" });
  // Nothing was left running for this start to mark interrupted; the queued job was not failed.
  expect((await stopped.get(`/jobs/${queued.id}`, token)).body.status).toMatch(/^(queued|running)$/);
  const log = first.stderr();
  expect(log).not.toMatch(/interrupted by the last stop/);
  expect(log).toContain(`rxroster: solve job ${solve.id} of site graceful succeeded: its best schedule so far is stored as draft ${job.scheduleId} (${job.result.solveStatus}`);
  expect(log).toContain(`rxroster: FTE report job ${report.id} of site graceful-hr failed: interrupted: the server stopped during the FTE report`);
  expect(log).not.toContain(queued.id);
  // What the restart started is cancelled: what it solves is not what this test is about.
  for (const { id } of more) await stopped.post(`/jobs/${id}/cancel`, undefined, token);
  second.child.kill("SIGTERM");
  expect(await new Promise((r) => second.child.once("exit", r))).toBe(0);
}, 240_000);

it("quits at once on a second signal, another than the first, while the graceful shutdown waits", async () => {
  const server = await serve();
  // A request whose body never comes keeps the shutdown waiting: the server has taken it (100 Continue).
  const socket = connect(server.port, "127.0.0.1");
  await new Promise<void>((resolve) => {
    socket.once("data", () => resolve());
    socket.write("POST /sites HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n");
  });
  server.child.kill("SIGINT");
  for (let i = 0; i < 200 && !server.stderr().includes("shutting down"); i++) await new Promise((r) => setTimeout(r, 50));
  server.child.kill("SIGTERM");
  const code = await new Promise((r) => server.child.once("exit", r));
  socket.destroy();
  expect(server.stderr()).toContain("rxroster: SIGTERM again: quitting at once; jobs still running are marked interrupted at the next start");
  expect(code).toBe(143);
}, 60_000);
