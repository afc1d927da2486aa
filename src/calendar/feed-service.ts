/**
 * From a presented feed token to the feed's text and ETag. Input: the token from a subscription URL and the
 * store. Output: the built feed (published versions only, the site's UID salt), or undefined for anything
 * that must answer "not found" — a malformed, unknown, rotated or revoked token, a site gone, a person or
 * area no longer in the site's data — without saying which. Built feeds are cached (feed-cache.ts) by
 * site, scope, input revision and latest published version, and a feed asked for again while it is being
 * built shares that build. A feed is built by the `build` option (the API's: in the checker's worker
 * threads) or here, the time grids of the inputs it reads kept (`cachedGrids`).
 */
import { createHash } from "node:crypto";
import type { Parsed, PlanningInput, Problem, TimeGrid } from "../../models/index.js";
import type { PublishedVersion } from "./events.js";
import type { FeedRecord } from "../store/feeds.js";
import type { Store } from "../store/store.js";
import { buildTimeGrid, timeGridKey } from "../time/grid.js";
import { StateCache, type StateCacheOptions } from "./feed-cache.js";
import { buildFeed, type Feed } from "./feed.js";
import type { FeedScope } from "./identity.js";
import { isFeedTokenShaped } from "./tokens.js";

export interface FeedServiceOptions {
  /** Bounds of the built-feed cache (see StateCacheOptions). */
  cache?: StateCacheOptions;
  /** Sites whose time grids a feed built here keeps, four per site (default 16). */
  maxSites?: number;
  /** Told once per build about assignments the site's input cannot place; gets the feed id, never the token. */
  onSkipped?: (feed: FeedRecord, skipped: Problem[]) => void;
  /**
   * Builds a feed elsewhere (the API: in the checker's worker threads, as a department's month takes about
   * a second); default: here, with the site's input and time grids cached.
   */
  build?: (task: FeedTask) => Promise<Parsed<Feed>>;
}

/** What a feed is built from: the site's input now, its published versions (each with its own input), the scope and the site's UID salt. */
export interface FeedTask {
  input: PlanningInput;
  versions: PublishedVersion[];
  scope: FeedScope;
  uidSalt: string;
}

/**
 * An input's time grid, the last `maxEntries` built kept by what a grid is built from (`timeGridKey`): a
 * feed reads each published version with its own input's grid (a month's: about 0.2 s to build), and a
 * month's re-publishes mostly share one.
 */
export function cachedGrids(maxEntries: number): (input: PlanningInput) => TimeGrid {
  const grids = new StateCache<TimeGrid>(() => 1, { maxEntries });
  return (input) => {
    const key = createHash("sha256").update(timeGridKey(input)).digest("base64url");
    let grid = grids.get(key, "");
    if (!grid) grids.set(key, "", (grid = buildTimeGrid(input)));
    return grid;
  };
}

/** A feed built from `task` here, on the calling thread; `gridOf` gives an input's time grid (default: built anew). */
export function buildFeedTask(task: FeedTask, gridOf: (input: PlanningInput) => TimeGrid = buildTimeGrid): Parsed<Feed> {
  const versions = task.versions.map((v) => (v.input ? { ...v, grid: gridOf(v.input) } : v));
  return buildFeed(task.input, versions, task.scope, { grid: gridOf(task.input), uidSalt: task.uidSalt });
}

export interface ServedFeed {
  feed: FeedRecord;
  ics: string;
  etag: string;
}

const scopeKey = (scope: FeedScope): string => (scope.kind === "staff" ? `staff:${scope.staffId}` : scope.kind === "area" ? `area:${scope.areaId}` : "department");

type BuiltFeed = Pick<Feed, "ics" | "etag">;

export class FeedService {
  private readonly feeds: StateCache<BuiltFeed>;
  /**
   * Builds under way, by cache key and state: a feed's subscribers poll at once after a publish (a
   * department's month takes about a second), and each would build it again. Removed when it settles, so
   * a failed build is not kept.
   */
  private readonly building = new Map<string, Promise<BuiltFeed | undefined>>();
  private readonly onSkipped: NonNullable<FeedServiceOptions["onSkipped"]>;
  private readonly build: NonNullable<FeedServiceOptions["build"]>;

  constructor(
    private readonly store: Store,
    options: FeedServiceOptions = {},
  ) {
    this.feeds = new StateCache((f) => f.ics.length, options.cache);
    this.onSkipped = options.onSkipped ?? (() => {});
    const gridOf = cachedGrids(4 * (options.maxSites ?? 16));
    this.build = options.build ?? ((task) => Promise.resolve(buildFeedTask(task, gridOf)));
  }

  /** The feed a token opens, or undefined (answer 404 without saying why). */
  async serve(token: string): Promise<ServedFeed | undefined> {
    if (!isFeedTokenShaped(token)) return undefined;
    const feed = this.store.feeds.findLive(token);
    if (!feed) return undefined;
    const state = this.store.feeds.sourceState(feed.siteId);
    if (!state) return undefined;
    const stateTag = `${state.revision}:${state.latestVersion ?? 0}`;
    const key = `${feed.siteId}\u0000${scopeKey(feed.scope)}`;
    const cached = this.feeds.get(key, stateTag);
    if (cached) return { feed, ...cached };
    const record = this.store.sites.get(feed.siteId);
    if (!record || record.revision !== state.revision) return undefined;
    const underWay = `${key}\u0000${stateTag}`;
    let built = this.building.get(underWay);
    if (!built) {
      built = this.buildAndKeep(feed, record.input, key, stateTag).finally(() => this.building.delete(underWay));
      this.building.set(underWay, built);
    }
    const value = await built;
    return value && { feed, ...value };
  }

  /** The feed of `feed`'s site (its `input` now) and scope built and cached under `key` at `stateTag`; undefined when the build refused it. */
  private async buildAndKeep(feed: FeedRecord, input: PlanningInput, key: string, stateTag: string): Promise<BuiltFeed | undefined> {
    // Each version is read with the input it was published with, and so with that input's time grid.
    const built = await this.build({ input, versions: this.store.schedules.publishedVersions(feed.siteId), scope: feed.scope, uidSalt: this.store.feeds.uidSalt(feed.siteId) });
    if (!built.ok) return undefined;
    if (built.value.skipped.length > 0) this.onSkipped(feed, built.value.skipped);
    const value = { ics: built.value.ics, etag: built.value.etag };
    this.feeds.set(key, stateTag, value);
    return value;
  }
}
