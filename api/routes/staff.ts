/**
 * One staff member's own things: their requests (the person and their managers read and replace them),
 * their approved leave (managers replace it; the person reads it) and their published assignments.
 */
import { z } from "zod";
import { LeaveSchema, RequestsSchema, type PlanningInput, type Problem, type StaffMember } from "../../models/index.js";
import type { WriteRefusal } from "../../src/store/sites.js";
import { publishedAssignmentsOfVersions } from "../../src/calendar/layers.js";
import { notFound } from "../problem.js";
import { operation, type Operation } from "../operation.js";
import { OwnAssignmentsSchema } from "../schemas.js";
import { ifMatch, siteEtag, siteOr404, written } from "./common.js";

function memberOr404(input: PlanningInput, staffId: string): StaffMember {
  const member = input.staff.find((s) => s.id === staffId);
  if (!member) throw notFound(`no staff member ${staffId} at site ${input.site.id}`);
  return member;
}

/**
 * A refused write's problems as the writer is told them: those in the body named from the body. A staff
 * token (which may read only its own person's data) is not shown another part of the site's input: a site
 * stored before a check was added is refused at its next write for what the check finds (README, HTTP API),
 * and a colleague's stored request or leave dates would be quoted to whoever wrote next. It is told that
 * the site's data needs its manager, and nothing of it.
 */
function ownProblems(problems: readonly Problem[], index: number, field: string, ownOnly: boolean, staffId: string): WriteRefusal | { ok: false; problems: Problem[] } {
  const own = `staff[${index}].${field}`;
  const person = `staff[${index}]`;
  const named = problems.map((p) => (p.path.startsWith(own) ? { ...p, path: p.path.slice(own.length) } : p));
  if (!ownOnly) return { ok: false, problems: named };
  const mine = named.filter((_, i) => problems[i]!.path === person || problems[i]!.path.startsWith(`${person}.`));
  const others = problems.length - mine.length;
  if (others === 0) return { ok: false, problems: mine };
  const elsewhere = `the site's planning data has ${others} problem${others === 1 ? "" : "s"} outside ${staffId}'s own data, which only the site's manager can fix: nothing was stored; ask the manager`;
  return { ok: false, status: 409, code: "site-data-invalid", detail: elsewhere, problems: mine };
}

const Requests = RequestsSchema;
const Leave = z.array(LeaveSchema);

/** Read and replace one field of one staff member. */
function memberField(field: "requests" | "leave", schema: typeof Requests | typeof Leave, write: "self:requests" | "site:write"): Operation[] {
  const path = `/sites/{siteId}/staff/{staffId}/${field}`;
  return [
    operation({
      method: "get", path, tag: "staff", summary: `A staff member's ${field}`, permission: field === "requests" ? "self:requests" : "self:leave",
      responses: { 200: { description: `The ${field}`, schema } },
      handle: ({ deps, params }) => {
        const site = siteOr404(deps.store, params.siteId!);
        return { status: 200, body: memberOr404(site.input, params.staffId!)[field], headers: { etag: siteEtag(site) } };
      },
    }),
    operation({
      method: "put", path, tag: "staff", summary: `Replace a staff member's ${field}`, permission: write,
      body: schema, ifMatch: "site",
      responses: { 200: { description: `The stored ${field}`, schema } },
      handle: ({ deps, params, rawBody, principal, req }) => {
        const staffId = params.staffId!;
        const stored = siteOr404(deps.store, params.siteId!).input;
        const index = stored.staff.indexOf(memberOr404(stored, staffId));
        const expects = ifMatch(req);
        const result = deps.store.sites.update(params.siteId!, principal, `staff.${field}.replace`, (input) => ({
          ...input,
          staff: input.staff.map((s) => (s.id === staffId ? { ...s, [field]: rawBody } : s)),
        }), staffId, expects);
        // The whole document is validated; a problem in this body is named from the body, as its shape's are.
        const site = written(result.ok || "status" in result ? result : ownProblems(result.problems, index, field, principal.role === "staff", staffId), expects);
        return { status: 200, body: memberOr404(site.input, staffId)[field], headers: { etag: siteEtag(site) } };
      },
    }),
  ];
}

export const staffOperations: Operation[] = [
  ...memberField("requests", Requests, "self:requests"),
  ...memberField("leave", Leave, "site:write"),
  operation({
    method: "get", path: "/sites/{siteId}/staff/{staffId}/assignments", tag: "staff", permission: "self:schedule",
    summary:
      "A staff member's published assignments, each date's from the latest version that plans it (as their calendar feed shows them), each with that version and when it was published; " +
      "the top-level scheduleId, version and publishedAt are the latest version's",
    responses: { 200: { description: "Own published assignments", schema: OwnAssignmentsSchema } },
    handle: ({ deps, params }) => {
      // A mistyped id is "no such person", not "no shifts".
      memberOr404(siteOr404(deps.store, params.siteId!).input, params.staffId!);
      const published = deps.store.schedules.latestPublished(params.siteId!);
      if (!published) throw notFound(`site ${params.siteId} has no published schedule yet`);
      const staff = params.staffId!;
      // Publishing next month's schedule does not take this month's shifts away.
      const assignments = publishedAssignmentsOfVersions(deps.store.schedules.publishedVersions(params.siteId!)).filter((a) => a.staff === staff);
      return { status: 200, body: { scheduleId: published.id, version: published.version!, publishedAt: published.createdAt, staff, assignments } };
    },
  }),
];
