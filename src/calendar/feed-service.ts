/**
 * From a presented feed token to the feed's text and ETag. Input: the token from a subscription URL and the
 * store. Output: the built feed (published versions only, the site's UID salt), or undefined for anything
 * that must answer "not found" — a malformed, unknown, rotated or revoked token, a site gone, a person or
 * area no longer in the site's data — without saying which. Built feeds are cached (feed-cache.ts) by
 * site, scope, input revision and latest published version; so are the site's input and time grid, and
 * the time grids of the inputs its versions were published with.
 */
import { createHash } from "node:crypto";
import type { PlanningInput, Problem, TimeGrid } from "../../models/index.js";
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

  constructor(
    private readonly store: Store,
    options: FeedServiceOptions = {},
  ) {
    this.feeds = new StateCache((f) => f.ics.length, options.cache);
    this.sites = new StateCache(() => 1, { maxEntries: options.maxSites ?? 16 });
    this.grids = new StateCache(() => 1, { maxEntries: 4 * (options.maxSites ?? 16) });
    this.onSkipped = options.onSkipped ?? (() => {});
  }

  /** The feed a token opens, or undefined (answer 404 without saying why). */
  serve(token: string): ServedFeed | undefined {
    if (!isFeedTokenShaped(token)) return undefined;
    const feed = this.store.feeds.findLive(token);
    if (!feed) return undefined;
    const state = this.store.feeds.sourceState(feed.siteId);
    if (!state) return undefined;
    const stateTag = `${state.revision}:${state.latestVersion ?? 0}`;
    const key = `${feed.siteId}\u0000${scopeKey(feed.scope)}`;
    const cached = this.feeds.get(key, stateTag);
    if (cached) return { feed, ...cached };
    const site = this.siteData(feed.siteId, String(state.revision));
    if (!site) return undefined;
    // Each version is read with the input it was published with, and so with that input's time grid.
    const versions = this.store.schedules.publishedVersions(feed.siteId).map((v) => (v.input ? { ...v, grid: this.gridOf(v.input) } : v));
    const built = buildFeed(site.input, versions, feed.scope, { grid: site.grid, uidSalt: site.salt });
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
