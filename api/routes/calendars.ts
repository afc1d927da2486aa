/**
 * Calendar feeds over HTTP (issue 6). `GET /calendars/{token}.ics` needs no bearer token — the URL is the
 * secret — and answers every token that opens nothing (malformed, unknown, rotated, revoked) with the same
 * 404. It sends published shifts only, with a strong ETag, 304 on a matching If-None-Match and a
 * Cache-Control for polling clients. The other operations manage feed tokens: a person's own feeds
 * (`self:feed`: the person, their site's manager, admin) and the department's or one area's feeds
 * (`schedule:write`: managers, admin). Creating or rotating answers the token once, with its https and
 * webcal links. Tokens never reach a log: nothing here logs a request's URL, and the feed log names ids.
 */
import type { Request } from "express";
import { z } from "zod";
import { IdSchema } from "../../models/index.js";
import { ifNoneMatchHits } from "../../src/calendar/etag.js";
import { FeedService } from "../../src/calendar/feed-service.js";
import type { FeedScope } from "../../src/calendar/identity.js";
import type { FeedRecord, IssuedFeed } from "../../src/store/feeds.js";
import type { Store } from "../../src/store/store.js";
import { HttpProblem, invalid, notFound } from "../problem.js";
import { operation, type AppDeps, type Context, type Operation } from "../operation.js";
import { inChecker, siteOr404 } from "./common.js";

/** Polling clients may reuse a feed for 15 minutes, then must ask again (usually a cheap 304). */
export const FEED_CACHE_CONTROL = "private, max-age=900, must-revalidate";
export const FEED_CONTENT_TYPE = "text/calendar; charset=utf-8";
/** One answer for every token that opens nothing, so a guess learns nothing about which case it hit. */
const NO_FEED = "no calendar feed at this address";

const services = new WeakMap<Store, FeedService>();

/** The app's feed service (one per store, so tests with their own store get their own cache). */
export function feedService(deps: AppDeps): FeedService {
  let service = services.get(deps.store);
  if (!service) {
    const log = deps.log ?? ((line: string) => process.stderr.write(line + "\n"));
    service = new FeedService(deps.store, {
      // Built in the checker's worker threads: a department's month took about a second on the event loop.
      build: ({ input, versions, scope, uidSalt }) => inChecker(deps, { op: "feed", input, versions, scope, uidSalt }),
      onSkipped: (feed, skipped) =>
        log(`calendar feed ${feed.id} of site ${feed.siteId}: ${skipped.length} published assignment(s) left out, e.g. ${skipped[0]!.path}: ${skipped[0]!.message}`),
    });
    services.set(deps.store, service);
  }
  return service;
}

const FeedSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    scope: z.enum(["staff", "department", "area"]),
    staffId: z.string().optional(),
    areaId: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string().optional().meta({ description: "The id of the API token that created the feed; revoking that token revokes the department and area feeds it created" }),
    rotatedAt: z.string().optional(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: "CalendarFeed", description: "A feed token's scope and history; never the token itself" });

const IssuedFeedSchema = FeedSchema.extend({
  token: z.string().meta({ description: "Shown this once; only its SHA-256 is stored" }),
  url: z.string().meta({ description: "The feed: <base>/calendars/<token>.ics" }),
  webcalUrl: z.string().meta({ description: "The same feed as a webcal:// link, which calendar apps subscribe to" }),
}).meta({ id: "IssuedCalendarFeed" });

const SiteFeedRequestSchema = z
  .discriminatedUnion("scope", [z.strictObject({ scope: z.literal("department") }), z.strictObject({ scope: z.literal("area"), areaId: IdSchema })])
  .meta({ id: "SiteFeedRequest", description: "A feed of all the site's published shifts, or of one area's" });

function feedView(feed: FeedRecord) {
  const { scope, ...rest } = feed;
  return { ...rest, scope: scope.kind, ...(scope.kind === "staff" ? { staffId: scope.staffId } : {}), ...(scope.kind === "area" ? { areaId: scope.areaId } : {}) };
}

/** Where the API is reached from outside: the configured base URL, else the request's own origin. */
function baseUrl(req: Request, deps: AppDeps): string {
  return (deps.publicBaseUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`).replace(/\/+$/, "");
}

/** The answer to create and rotate: the feed, its token once, and both links; never stored by a cache. */
function issued(ctx: Context<unknown>, result: IssuedFeed, status: number) {
  const url = `${baseUrl(ctx.req, ctx.deps)}/calendars/${result.token}.ics`;
  return {
    status,
    body: { ...feedView(result.feed), token: result.token, url, webcalUrl: url.replace(/^https?:/, "webcal:") },
    headers: { "Cache-Control": "no-store" },
  };
}

/** A feed of the site that the route may act on (a person's own, on the person's routes), or 404. */
function feedOr404(store: Store, siteId: string, feedId: string, staffId?: string): FeedRecord {
  const feed = store.feeds.get(siteId, feedId);
  const mine = feed && (staffId === undefined || (feed.scope.kind === "staff" && feed.scope.staffId === staffId));
  if (!feed || !mine) throw notFound(`no calendar feed ${feedId} ${staffId === undefined ? `at site ${siteId}` : `of staff member ${staffId}`}`);
  return feed;
}

function created(ctx: Context<unknown>, scope: FeedScope) {
  const result = ctx.deps.store.feeds.create(ctx.params.siteId!, scope, ctx.principal);
  if (!result) throw new HttpProblem(409, "this feed scope already has the most live feeds allowed; revoke one first", [], {}, "feeds-full");
  return issued(ctx, result, 201);
}

function rotated(ctx: Context<unknown>) {
  const feed = feedOr404(ctx.deps.store, ctx.params.siteId!, ctx.params.feedId!, ctx.params.staffId);
  const result = ctx.deps.store.feeds.rotate(feed.siteId, feed.id, ctx.principal);
  if (!result) throw new HttpProblem(409, `calendar feed ${feed.id} is revoked; create a new one`, [], {}, "feed-revoked");
  return issued(ctx, result, 200);
}

function revoked(ctx: Context<unknown>) {
  const feed = feedOr404(ctx.deps.store, ctx.params.siteId!, ctx.params.feedId!, ctx.params.staffId);
  return { status: 200, body: feedView(ctx.deps.store.feeds.revoke(feed.siteId, feed.id, ctx.principal)!) };
}

const listed = { 200: { description: "Feeds, oldest first (tokens are never shown again)", schema: z.array(FeedSchema) } };
const issuedResponse = (status: number, description: string) => ({ [status]: { description, schema: IssuedFeedSchema } });
const revokedResponse = { 200: { description: "The revoked feed (revoking again changes nothing)", schema: FeedSchema } };

const personal = "/sites/{siteId}/staff/{staffId}/feeds";
const department = "/sites/{siteId}/feeds";

export const calendarOperations: Operation[] = [
  operation({
    method: "get", path: "/calendars/{token}.ics", tag: "calendars", summary: "A calendar feed of published shifts (the token in the URL is the credential)",
    responses: {
      200: { description: "The iCalendar feed; with a strong ETag and Cache-Control for polling", schema: z.string(), contentType: "text/calendar" },
      304: { description: "Not modified: If-None-Match holds the feed's current ETag" },
    },
    handle: async ({ req, deps, params }) => {
      const served = await feedService(deps).serve(params.token!);
      if (!served) throw new HttpProblem(404, NO_FEED, [], { "Cache-Control": "no-store" });
      const headers = { ETag: served.etag, "Cache-Control": FEED_CACHE_CONTROL };
      if (ifNoneMatchHits(req.get("if-none-match"), served.etag)) return { status: 304, headers };
      return { status: 200, text: served.ics, headers: { ...headers, "Content-Type": FEED_CONTENT_TYPE } };
    },
  }),
  operation({
    method: "get", path: personal, tag: "calendars", summary: "A staff member's calendar feeds", permission: "self:feed",
    responses: listed,
    handle: ({ deps, params }) => {
      siteOr404(deps.store, params.siteId!);
      return { status: 200, body: deps.store.feeds.list(params.siteId!, { kind: "staff", staffId: params.staffId! }).map(feedView) };
    },
  }),
  operation({
    method: "post", path: personal, tag: "calendars", summary: "Create a personal feed of the staff member's published shifts", permission: "self:feed",
    responses: issuedResponse(201, "The feed with its token and links, shown this once"),
    handle: (ctx) => {
      const site = siteOr404(ctx.deps.store, ctx.params.siteId!);
      if (!site.input.staff.some((s) => s.id === ctx.params.staffId)) throw notFound(`no staff member ${ctx.params.staffId} at site ${site.id}`);
      return created(ctx, { kind: "staff", staffId: ctx.params.staffId! });
    },
  }),
  operation({
    method: "post", path: `${personal}/{feedId}/rotate`, tag: "calendars", summary: "Replace a personal feed's token (the old URL stops working)", permission: "self:feed",
    responses: issuedResponse(200, "The feed with its new token and links, shown this once"),
    handle: rotated,
  }),
  operation({
    method: "delete", path: `${personal}/{feedId}`, tag: "calendars", summary: "Revoke a personal feed", permission: "self:feed",
    responses: revokedResponse,
    handle: revoked,
  }),
  operation({
    method: "get", path: department, tag: "calendars", summary: "Every calendar feed of the site, personal ones included", permission: "schedule:write",
    responses: listed,
    handle: ({ deps, params }) => {
      siteOr404(deps.store, params.siteId!);
      return { status: 200, body: deps.store.feeds.list(params.siteId!).map(feedView) };
    },
  }),
  operation({
    method: "post", path: department, tag: "calendars", summary: "Create a feed of the department's or one area's published shifts", permission: "schedule:write",
    body: SiteFeedRequestSchema,
    responses: issuedResponse(201, "The feed with its token and links, shown this once"),
    handle: (ctx) => {
      const site = siteOr404(ctx.deps.store, ctx.params.siteId!);
      const body = ctx.body;
      if (body.scope === "area" && !site.input.areas.some((a) => a.id === body.areaId)) {
        throw invalid("the area does not exist", [{ path: "areaId", message: `no area at site ${site.id}`, value: body.areaId }]);
      }
      return created(ctx, body.scope === "area" ? { kind: "area", areaId: body.areaId } : { kind: "department" });
    },
  }),
  operation({
    method: "post", path: `${department}/{feedId}/rotate`, tag: "calendars", summary: "Replace any feed's token at the site (the old URL stops working)", permission: "schedule:write",
    responses: issuedResponse(200, "The feed with its new token and links, shown this once"),
    handle: rotated,
  }),
  operation({
    method: "delete", path: `${department}/{feedId}`, tag: "calendars", summary: "Revoke any feed at the site", permission: "schedule:write",
    responses: revokedResponse,
    handle: revoked,
  }),
];
