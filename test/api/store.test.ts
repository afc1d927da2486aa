/**
 * The embedded store and the job queue without HTTP: pragmas and migrations, immutability of published
 * schedules, atomic validated writes, hashed tokens, job recovery after a stop, retention expiry, and the
 * concurrency bound of the queue.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashFeedToken } from "../../src/calendar/tokens.js";
import { SolveQueue } from "../../src/jobs/queue.js";
import { SYSTEM } from "../../src/store/audit.js";
import { MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { openStore, type Store } from "../../src/store/store.js";
import { testSite } from "./harness.js";

const dirs: string[] = [];
function freshStore(): { store: Store; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "rxroster-store-"));
  dirs.push(dir);
  return { store: openStore(dir), dir };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the store", () => {
  it("opens with WAL, foreign keys and a busy timeout, and migrates once", () => {
    const { store, dir } = freshStore();
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.db.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(store.db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(migrate(store.db)).toEqual([]);
    store.close();
    const again = openStore(dir);
    expect(again.db.prepare("SELECT version FROM schema_migrations").all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    again.close();
  });

  it("makes its directory and database its owner's alone (people's leave is in it), and leaves an existing directory's mode", () => {
    const parent = mkdtempSync(join(tmpdir(), "rxroster-store-"));
    dirs.push(parent);
    const dir = join(parent, "data");
    const store = openStore(dir);
    const mode = (path: string): number => statSync(path).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    // Open, in WAL mode: the database, its -wal and its -shm.
    expect(readdirSync(dir).map((file) => [file, mode(join(dir, file))])).toEqual(["rxroster.db", "rxroster.db-shm", "rxroster.db-wal"].map((file) => [file, 0o600]));
    store.close();
    chmodSync(dir, 0o750);
    openStore(dir).close();
    expect(mode(dir)).toBe(0o750);
  });

  it("refuses migrations listed out of order", () => {
    const { store } = freshStore();
    expect(() => migrate(store.db, [...MIGRATIONS, { version: 1, name: "again", sql: "" }])).toThrow(/out of order/);
    store.close();
  });

  it("keeps the stored document and writes no audit row when a change does not validate", () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const result = store.sites.update("test", SYSTEM, "site.update.staff", (input) => ({ ...input, staff: [{ ...input.staff[0], fte: 7 }] }));
    expect(result.ok).toBe(false);
    expect(store.sites.get("test")!.revision).toBe(1);
    expect(store.audit.list("test").map((e) => e.action)).toEqual(["site.create"]);
    store.close();
  });

  it("refuses by trigger any change to a published schedule, and a schedule of no site by foreign key", () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const draft = store.schedules.createDraft("test", [], "manual", undefined, SYSTEM);
    const published = store.schedules.publish("test", draft.id, SYSTEM);
    if (!published.ok) throw new Error("publish failed");
    expect(() => store.db.prepare("DELETE FROM schedules WHERE id = ?").run(published.value.id)).toThrow(/immutable/);
    expect(store.schedules.updateDraft("test", published.value.id, [], SYSTEM, "schedule.edit")).toMatchObject({ ok: false, status: 409 });
    expect(() => store.schedules.createDraft("nowhere", [], "manual", undefined, SYSTEM)).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it("gives the horizon a schedule was planned for: a draft's drafted against, a version's published with, none where no input was kept", () => {
    const { store } = freshStore();
    store.sites.create(testSite("test", 3), SYSTEM);
    const draft = store.schedules.createDraft("test", [], "manual", undefined, SYSTEM);
    const published = store.schedules.publish("test", draft.id, SYSTEM);
    if (!published.ok) throw new Error("publish failed");
    // The site's horizon moves on afterwards: each schedule keeps the one it was made for.
    expect(store.sites.update("test", SYSTEM, "site.update.horizon", (input) => ({ ...input, horizon: { start: "2026-03-03", end: "2026-03-06" } }))).toMatchObject({ ok: true });
    expect(store.schedules.plannedHorizon("test", draft.id)).toEqual({ start: "2026-03-02", end: "2026-03-04" });
    expect(store.schedules.plannedHorizon("test", published.value.id)).toEqual({ start: "2026-03-02", end: "2026-03-04" });
    // A draft stored before drafts kept their input (migration 6).
    store.db.prepare("UPDATE schedules SET input = NULL WHERE id = ?").run(draft.id);
    expect(store.schedules.plannedHorizon("test", draft.id)).toBeUndefined();
    store.close();
  });

  it("cancels a job and writes its audit row together, or neither", () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const job = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    store.db.exec("CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END");
    expect(() => store.jobs.cancel(job, SYSTEM)).toThrow(/audit unavailable/);
    expect(store.jobs.get(job.id)!.status).toBe("queued");
    store.db.exec("DROP TRIGGER no_audit");
    expect(store.jobs.cancel(job, SYSTEM)).toBe(true);
    expect(store.jobs.get(job.id)!.status).toBe("cancelled");
    expect(store.audit.list("test").map((e) => e.action)).toContain("job.cancel");
    expect(store.jobs.cancel(job, SYSTEM)).toBe(false);
    store.close();
  });

  it("stores only a token's hash, and a revoked token no longer authenticates", () => {
    const { store, dir } = freshStore();
    const { secret, info } = store.tokens.create("manager", "test");
    expect(store.tokens.authenticate(secret)).toEqual({ tokenId: info.tokenId, role: "manager", siteId: "test" });
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(readFileSync(join(dir, "rxroster.db")).includes(Buffer.from(secret))).toBe(false);
    expect(store.tokens.revoke(info.tokenId)).toBe(true);
    expect(store.tokens.revoke(info.tokenId)).toBe(false);
    expect(store.tokens.authenticate(secret)).toBeUndefined();
    expect(() => store.tokens.create("staff", "test")).toThrow(/needs --staff/);
    // Issuing and revoking are audited by the token's id, never its secret.
    const rows = store.audit.list("test").filter((a) => a.action.startsWith("token."));
    expect(rows.map((a) => [a.action, a.target]).sort()).toEqual([["token.create", info.tokenId], ["token.revoke", info.tokenId]]);
    expect(JSON.stringify(store.db.prepare("SELECT * FROM audit").all())).not.toContain(secret);
    store.close();
  });

  it("stores only a feed token's hash, as an API token's: neither a feed's first token nor its rotated one is in the database file", () => {
    const { store, dir } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const issued = store.feeds.create("test", { kind: "staff", staffId: "A" }, SYSTEM)!;
    const rotated = store.feeds.rotate("test", issued.feed.id, SYSTEM)!;
    expect(store.feeds.findLive(rotated.token)?.id).toBe(issued.feed.id);
    expect(store.feeds.findLive(issued.token)).toBeUndefined();
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const file = readFileSync(join(dir, "rxroster.db"));
    // The file read is the store's: the live token's hash is in it.
    expect(file.includes(Buffer.from(hashFeedToken(rotated.token)))).toBe(true);
    for (const token of [issued.token, rotated.token]) expect(file.includes(Buffer.from(token))).toBe(false);
    store.close();
  });
});

describe("the job queue", () => {
  it("fails jobs a stopped process left running, each in the words of its kind, keeps queued ones and runs them", async () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const left = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    const repair = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false, repair: { changeFrom: "2026-03-03" } }, SYSTEM);
    const report = store.jobs.createReport("test", { maxHires: 1, timeLimitSeconds: 5, format: "json" }, SYSTEM);
    for (const job of [left, repair, report]) store.jobs.claim(job.id);
    const waiting = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    const queue = new SolveQueue(store, { concurrency: 1 });
    expect(queue.start()).toEqual({ interrupted: 3, notice: "rxroster: 1 solve job, 1 repair job, 1 FTE report job interrupted by the last stop are marked failed" });
    expect(store.jobs.get(left.id)).toMatchObject({ status: "failed", error: "interrupted: the server stopped during the solve" });
    expect(store.jobs.get(repair.id)).toMatchObject({ status: "failed", error: "interrupted: the server stopped during the repair" });
    expect(store.jobs.get(report.id)).toMatchObject({ status: "failed", error: "interrupted: the server stopped during the FTE report" });
    expect(store.jobs.get(waiting.id)!.status).toBe("running");
    await queue.drain();
    expect(store.jobs.get(waiting.id)!.status).toBe("succeeded");
    await queue.close();
    store.close();
  });

  it("ends a job running when it stops in the words of the job's kind", async () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const queue = new SolveQueue(store, { concurrency: 1 });
    queue.start();
    const report = queue.submitReport("test", { maxHires: 1, timeLimitSeconds: 30, format: "json" }, SYSTEM);
    expect(report.status).toBe("running");
    await queue.close();
    expect(store.jobs.get(report.id)).toMatchObject({ status: "failed", error: "interrupted: the server stopped during the FTE report" });
    store.close();
  });

  it("runs at most `concurrency` solves; the rest wait queued", async () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const queue = new SolveQueue(store, { concurrency: 1 });
    queue.start();
    const jobs = [0, 1].map(() => queue.submit("test", { timeLimitSeconds: 5, warmStart: true }, SYSTEM));
    expect(jobs.map((j) => j.status)).toEqual(["running", "queued"]);
    await queue.drain();
    expect(jobs.map((j) => store.jobs.get(j.id)!.status)).toEqual(["succeeded", "succeeded"]);
    await queue.close();
    store.close();
  });

  it("expires finished jobs after the retention period and keeps unfinished ones", () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const done = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    store.jobs.end(done.id, "cancelled");
    const waiting = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    const queue = new SolveQueue(store, { retentionMs: 60_000 });
    expect(queue.sweep(Date.now())).toBe(0);
    expect(queue.sweep(Date.now() + 61_000)).toBe(1);
    expect(store.jobs.get(done.id)).toBeUndefined();
    expect(store.jobs.get(waiting.id)!.status).toBe("queued");
    store.close();
  });

  it("keeps a finished solve job as long as the schedule it made is stored", () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const job = store.jobs.create("test", { timeLimitSeconds: 5, warmStart: false }, SYSTEM);
    store.jobs.claim(job.id);
    store.jobs.succeed(job.id, [{ staff: "A", date: "2026-03-02", template: "D8", locked: false }], { solveStatus: "optimal", seconds: 1 } as never);
    const draft = store.schedules.list("test").find((s) => s.sourceId === job.id);
    expect(draft).toBeDefined();
    expect(new SolveQueue(store, { retentionMs: 60_000 }).sweep(Date.now() + 61_000)).toBe(0);
    expect(store.jobs.get(job.id)!.status).toBe("succeeded");
    store.close();
  });

  it("fails a job whose outcome cannot be stored (a full disk), and the process goes on", async () => {
    const { store } = freshStore();
    store.sites.create(testSite(), SYSTEM);
    const logged: string[] = [];
    const queue = new SolveQueue(store, { concurrency: 1, log: (line) => logged.push(line) });
    queue.start();
    const job = queue.submit("test", { timeLimitSeconds: 1, warmStart: false }, SYSTEM);
    // The file may not grow, and its pages are filled: the draft's insert fails; the job row's update fits.
    store.db.pragma(`max_page_count = ${store.db.pragma("page_count", { simple: true }) as number}`);
    const filler = store.db.prepare("INSERT INTO audit (site_id, actor, role, action, at) VALUES ('test', 'filler', 'admin', ?, '')");
    expect(() => {
      for (;;) filler.run("f".repeat(200));
    }).toThrow(/database or disk is full/);
    await queue.drain();
    expect(store.jobs.get(job.id)).toMatchObject({ status: "failed", error: "its result could not be stored: the disk is full" });
    expect(logged).toEqual([expect.stringMatching(/storing job .* outcome failed: database or disk is full/)]);
    expect(store.schedules.list("test")).toEqual([]);
    await queue.close();
    store.close();
  });
});
