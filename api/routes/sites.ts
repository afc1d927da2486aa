/**
 * Sites and their planning data: create a site from a full PlanningInput, read or replace it whole, and
 * read or replace one part of it (staff, levels, templates, rules, …). Every write re-validates the whole
 * document and is audited. Reads carry the site's revision as ETag; every write needs If-Match (428
 * without) and is made only on that revision (412 otherwise) or on any with `*`, so a manager's edit
 * cannot silently undo one made since it was read.
 */
import { z } from "zod";
import { PlanningInputSchema, type PlanningInput } from "../../models/index.js";
import { AuditEntrySchema, SiteDocumentSchema, SiteSummarySchema } from "../schemas.js";
import { operation, type Operation } from "../operation.js";
import { ifMatch, siteDocument, siteEtag, siteOr404, siteSummary, written } from "./common.js";

/** Parts of the planning input with their own route: URL segment → input key. */
const PARTS = {
  settings: "site",
  horizon: "horizon",
  areas: "areas",
  skills: "skills",
  levels: "levels",
  staff: "staff",
  "shift-templates": "shiftTemplates",
  "workload-types": "workloadTypes",
  "productivity-standards": "productivityStandards",
  forecasts: "forecasts",
  floors: "floors",
  "slot-demand": "slotDemand",
  rules: "rules",
  budget: "budget",
  weights: "weights",
} as const satisfies Record<string, keyof PlanningInput>;

function partOperations(segment: string, key: keyof PlanningInput): Operation[] {
  const schema = PlanningInputSchema.shape[key];
  const path = `/sites/{siteId}/${segment}`;
  return [
    operation({
      method: "get", path, tag: "planning data", summary: `Read the site's ${key}`, permission: "site:read",
      responses: { 200: { description: `The site's ${key}`, schema } },
      handle: ({ deps, params }) => {
        const site = siteOr404(deps.store, params.siteId!);
        return { status: 200, body: site.input[key], headers: { etag: siteEtag(site) } };
      },
    }),
    operation({
      method: "put", path, tag: "planning data", summary: `Replace the site's ${key} (the whole document is re-validated)`, permission: "site:write",
      body: schema, bodyAt: key, ifMatch: "site",
      responses: { 200: { description: `The stored ${key}`, schema } },
      handle: ({ deps, params, rawBody, principal, req }) => {
        const expects = ifMatch(req);
        const site = written(deps.store.sites.update(params.siteId!, principal, `site.update.${segment}`, (input) => ({ ...input, [key]: rawBody }), undefined, expects), expects);
        return { status: 200, body: site.input[key], headers: { etag: siteEtag(site) } };
      },
    }),
  ];
}

export const siteOperations: Operation[] = [
  operation({
    method: "get", path: "/sites", tag: "sites", summary: "List the sites this token may see", permission: "site:list",
    responses: { 200: { description: "Sites", schema: z.array(SiteSummarySchema) } },
    handle: ({ deps, principal }) => ({ status: 200, body: deps.store.sites.list(principal.siteId).map(siteSummary) }),
  }),
  operation({
    method: "post", path: "/sites", tag: "sites", summary: "Create a site from a full planning input (admin)", permission: "site:create",
    body: PlanningInputSchema,
    responses: { 201: { description: "The site created", schema: SiteDocumentSchema } },
    handle: ({ deps, rawBody, principal }) => {
      const site = written(deps.store.sites.create(rawBody, principal));
      return { status: 201, body: siteDocument(site), headers: { Location: `/sites/${encodeURIComponent(site.id)}` } };
    },
  }),
  operation({
    method: "get", path: "/sites/{siteId}", tag: "sites", summary: "Read a site's whole planning input", permission: "site:read",
    responses: { 200: { description: "The site", schema: SiteDocumentSchema } },
    handle: ({ deps, params }) => {
      const site = siteOr404(deps.store, params.siteId!);
      return { status: 200, body: siteDocument(site), headers: { etag: siteEtag(site) } };
    },
  }),
  operation({
    method: "put", path: "/sites/{siteId}", tag: "sites", summary: "Replace a site's whole planning input (its site.id must not change)", permission: "site:write",
    body: PlanningInputSchema, ifMatch: "site",
    responses: { 200: { description: "The site", schema: SiteDocumentSchema } },
    handle: ({ deps, params, rawBody, principal, req }) => {
      const expects = ifMatch(req);
      const site = written(deps.store.sites.update(params.siteId!, principal, "site.replace", () => rawBody, undefined, expects), expects);
      return { status: 200, body: siteDocument(site), headers: { etag: siteEtag(site) } };
    },
  }),
  operation({
    method: "get", path: "/sites/{siteId}/audit", tag: "sites", summary: "The site's audit trail, newest first", permission: "audit:read",
    responses: { 200: { description: "Audit entries", schema: z.array(AuditEntrySchema) } },
    handle: ({ deps, params }) => {
      siteOr404(deps.store, params.siteId!);
      return { status: 200, body: deps.store.audit.list(params.siteId!) };
    },
  }),
  ...Object.entries(PARTS).flatMap(([segment, key]) => partOperations(segment, key)),
];
