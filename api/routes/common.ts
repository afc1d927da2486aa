/**
 * Helpers shared by route modules: turning a store refusal or validation result into a reply or a
 * problem, and loading a site that must exist.
 */
import type { Parsed } from "../../models/index.js";
import type { SiteRecord, WriteRefusal } from "../../src/store/sites.js";
import type { Store } from "../../src/store/store.js";
import { HttpProblem, invalid, notFound } from "../problem.js";

/** The value of a store write, or the problem it stands for (400 validation, 404, 409). */
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
