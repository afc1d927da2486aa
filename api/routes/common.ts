/**
 * Helpers shared by route modules: turning a store refusal or validation result into a reply or a
 * problem, loading a site that must exist, and a site's ETag and If-Match.
 */
import type { Request } from "express";
import type { Parsed } from "../../models/index.js";
import type { SiteRecord, WriteRefusal } from "../../src/store/sites.js";
import type { Store } from "../../src/store/store.js";
import { HttpProblem, ifMatchRequired, invalid, notFound, type EtagResource } from "../problem.js";

/** The value of a store write, or the problem it stands for (400 validation, 404, 409, 412). */
export function written<T>(result: Parsed<T> | WriteRefusal | { ok: true; value: T }): T {
  if (result.ok) return result.value;
  if ("status" in result) throw new HttpProblem(result.status, result.detail, result.problems ?? []);
  throw invalid("the planning data is invalid", result.problems);
}

export function siteOr404(store: Store, siteId: string): SiteRecord {
  const site = store.sites.get(siteId);
  if (!site) throw notFound(`no site ${siteId}`);
  return site;
}

/** `{ id, name, … }` of a site for lists. */
export function siteSummary(site: SiteRecord) {
  return {
    id: site.id,
    name: site.input.site.name,
    timeZone: site.input.site.timeZone,
    horizon: site.input.horizon,
    staffCount: site.input.staff.length,
    revision: site.revision,
    updatedAt: site.updatedAt,
  };
}

export function siteDocument(site: SiteRecord) {
  return { id: site.id, revision: site.revision, createdAt: site.createdAt, updatedAt: site.updatedAt, input: site.input };
}

/** The ETag of every read of a site or a part of it at one revision: any write gives a new one. */
export const siteEtag = (site: { revision: number }): string => `"site-${site.revision}"`;

/** The ETag of a schedule at one revision: every edit of a draft gives a new one. */
export const scheduleEtag = (schedule: { revision: number }): string => `"schedule-${schedule.revision}"`;

/**
 * The request's If-Match as a test of the stored revision of a site (or of a schedule): a write is made
 * only on the revision its client read (RFC 9110 §13.1.1, strong comparison; `*` matches any). Without one
 * it is a 428 (the operation declares `ifMatch: "site"` or `"schedule"`, which refuses it even before the handler runs).
 */
export function ifMatch(req: Request, resource: EtagResource = "site"): (revision: number) => boolean {
  const header = req.get("if-match");
  if (header === undefined) throw ifMatchRequired(resource);
  const tags = header.split(",").map((tag) => tag.trim());
  // A tag that is not one (unquoted `site-3`) would read as "changed since": name it instead.
  const malformed = tags.find((tag) => tag !== "*" && !/^(W\/)?"[^"]*"$/.test(tag));
  if (malformed !== undefined) throw invalid("the If-Match header is malformed", [{ path: "If-Match", message: `must be an ETag as the ${resource} was read with, such as "${resource}-3", or *`, value: malformed }]);
  const etag = resource === "site" ? siteEtag : scheduleEtag;
  return (revision) => tags.includes("*") || tags.includes(etag({ revision }));
}
