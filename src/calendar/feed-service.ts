/**
 * From a presented feed token to the feed's text and ETag. Input: the token from a subscription URL and the
 * store. Output: the built feed (published versions only, the site's UID salt), or undefined for anything
 * that must answer "not found" — a malformed, unknown, rotated or revoked token, a site gone, a person or
 * area no longer in the site's data — without saying which. Built feeds are cached (feed-cache.ts) by
 * site, scope, input revision and latest published version. A feed is built by the `build` option (the
 * API's: in the checker's worker threads) or here, where the site's input and time grid are cached too, and
 * the time grids of the inputs its versions were published with.
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
  /** Sites whose input and time grid are kept (default 16). */
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

interface SiteData {
  input: PlanningInput;
  grid: TimeGrid;
  salt: string;
}

const scopeKey = (scope: FeedScope): string => (scope.kind === "staff" ? `staff:${scope.staffId}` : scope.kind === "area" ? `area:${scope.areaId}` : "department");

export class FeedService {
  private readonly feeds: StateCache<Pick<Feed, "ics" | "etag">>;
  private readonly sites: StateCache<SiteData>;
  private readonly grids: StateCache<TimeGrid>;
  private readonly onSkipped: NonNullable<FeedServiceOptions["onSkipped"]>;
  private readonly build: FeedServiceOptions["build"];

  constructor(
    private readonly store: Store,
    options: FeedServiceOptions = {},
  ) {
    this.feeds = new StateCache((f) => f.ics.length, options.cache);
    this.sites = new StateCache(() => 1, { maxEntries: options.maxSites ?? 16 });
    this.grids = new StateCache(() => 1, { maxEntries: 4 * (options.maxSites ?? 16) });
    this.onSkipped = options.onSkipped ?? (() => {});
    this.build = options.build;
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
    // Each version is read with the input it was published with, and so with that input's time grid.
    let built: Parsed<Feed>;
    if (this.build) {
      const record = this.store.sites.get(feed.siteId);
      if (!record || record.revision !== state.revision) return undefined;
      const task = { input: record.input, versions: this.store.schedules.publishedVersions(feed.siteId), scope: feed.scope, uidSalt: this.store.feeds.uidSalt(feed.siteId) };
      built = await this.build(task);
    } else {
      const site = this.siteData(feed.siteId, String(state.revision));
      if (!site) return undefined;
      const versions = this.store.schedules.publishedVersions(feed.siteId).map((v) => (v.input ? { ...v, grid: this.gridOf(v.input) } : v));
      built = buildFeed(site.input, versions, feed.scope, { grid: site.grid, uidSalt: site.salt });
    }
    if (!built.ok) return undefined;
    if (built.value.skipped.length > 0) this.onSkipped(feed, built.value.skipped);
    const value = { ics: built.value.ics, etag: built.value.etag };
    this.feeds.set(key, stateTag, value);
    return { feed, ...value };
  }

  /**
   * A published version's time grid, shared by every version whose input gives the same grid (a month's
   * re-publishes, mostly): building one for a month takes about 0.2 s.
   */
  private gridOf(input: PlanningInput): TimeGrid {
    const key = createHash("sha256").update(timeGridKey(input)).digest("base64url");
    let grid = this.grids.get(key, "");
    if (!grid) this.grids.set(key, "", (grid = buildTimeGrid(input)));
    return grid;
  }

  private siteData(siteId: string, revision: string): SiteData | undefined {
    const cached = this.sites.get(siteId, revision);
    if (cached) return cached;
    const record = this.store.sites.get(siteId);
    if (!record || String(record.revision) !== revision) return undefined;
    const data = { input: record.input, grid: buildTimeGrid(record.input), salt: this.store.feeds.uidSalt(siteId) };
    this.sites.set(siteId, revision, data);
    return data;
  }
}
