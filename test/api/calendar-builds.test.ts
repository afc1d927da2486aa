/**
 * Calendar feeds over real HTTP (issue 6), every response checked against the OpenAPI document, that
 * clients ask for at once before they are built: one build for all of them, its failure theirs too and
 * not kept, so the next request builds again.
 */
import { describe, expect, it, vi } from "vitest";
import type { CheckerPool, CheckerTask } from "../../src/jobs/checker-worker.js";
import { WorkerExitedError } from "../../src/jobs/worker-errors.js";
import { SYSTEM } from "../../src/store/audit.js";
import { createFeed, eventInstants, events, fetchFeed, h, instants, t, useFeedHarness, V1 } from "./calendar-fixture.js";
import { testSite } from "./harness.js";

useFeedHarness();

describe("clients asking at once for a feed not built yet", () => {
  /**
   * Feed builds the checker is asked for, counted and each held until `release` (with an error: each fails
   * with it, as a build whose worker died), the rest of its work untouched.
   */
  function holdFeedBuilds(): { builds: () => number; release: (error?: Error) => void; restore: () => void } {
    const run = h.checker.run.bind(h.checker);
    let release!: (error?: Error) => void;
    const released = new Promise<Error | undefined>((resolve) => (release = resolve));
    let builds = 0;
    const spy = vi.spyOn(h.checker, "run").mockImplementation((async (task: CheckerTask) => {
      if (task.op !== "feed") return run(task);
      builds++;
      const error = await released;
      if (error) throw error;
      return run(task);
    }) as CheckerPool["run"]);
    // A test that fails before releasing them must not leave its requests waiting for ever.
    return { builds: () => builds, release, restore: () => (release(), spy.mockRestore()) };
  }

  /**
   * Resolves once the feed route has read a site's state `count` times more (each request's first step
   * after its token; what follows up to a build, or to waiting for one, runs before this resolves).
   */
  function untilStateReads(count: number): Promise<void> {
    const read = h.store.feeds.sourceState.bind(h.store.feeds);
    let reads = 0;
    return new Promise((resolve) => {
      const spy = vi.spyOn(h.store.feeds, "sourceState").mockImplementation((siteId) => {
        const state = read(siteId);
        if (++reads === count) {
          spy.mockRestore();
          resolve();
        }
        return state;
      });
    });
  }

  /** A site of its own with V1 published, and a department feed of it. */
  async function publishedFeed(id: string): Promise<{ token: string }> {
    h.store.sites.create(testSite(id, 3), SYSTEM);
    const draft = h.store.schedules.createDraft(id, V1, "manual", undefined, SYSTEM);
    expect(h.store.schedules.publish(id, draft.id, SYSTEM).ok).toBe(true);
    return createFeed(`/sites/${id}/feeds`, t.admin, { scope: "department" });
  }

  it("builds it once, and both get that build", async () => {
    const feed = await publishedFeed("together");
    const held = holdFeedBuilds();
    try {
      const both = untilStateReads(2);
      const answers = [fetchFeed(feed.token), fetchFeed(feed.token)];
      await both;
      expect(held.builds()).toBe(1);
      held.release();
      const [first, second] = await Promise.all(answers);
      expect([first!.status, second!.status]).toEqual([200, 200]);
      expect(second!.body).toBe(first!.body);
      expect(second!.headers.get("etag")).toBe(first!.headers.get("etag"));
      expect(eventInstants(events(first!.body))).toEqual(instants(V1));
      expect(held.builds()).toBe(1);
    } finally {
      held.restore();
    }
  });

  it("gives both the one build's failure, and keeps none of it: the next request builds again", async () => {
    const feed = await publishedFeed("apart");
    const logged = h.logged.length;
    const failing = holdFeedBuilds();
    try {
      const both = untilStateReads(2);
      const answers = [fetchFeed(feed.token), fetchFeed(feed.token)];
      await both;
      failing.release(new WorkerExitedError(70));
      const [first, second] = await Promise.all(answers);
      expect([first!.status, second!.status]).toEqual([503, 503]);
      expect(first!.body.detail).toBe("the checker's worker thread stopped (exit code 70) while working on this request; a new one takes its place: try again");
      expect(second!.body).toEqual(first!.body);
      expect(failing.builds()).toBe(1);
      expect(h.logged.slice(logged)).toEqual(["checker worker died: the worker thread exited with code 70 before answering"]);
    } finally {
      failing.restore();
    }
    const again = holdFeedBuilds();
    try {
      again.release();
      const res = await fetchFeed(feed.token);
      expect(res.status).toBe(200);
      expect(eventInstants(events(res.body))).toEqual(instants(V1));
      expect(again.builds()).toBe(1);
    } finally {
      again.restore();
    }
  });
});
