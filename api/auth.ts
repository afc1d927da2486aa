/**
 * Authentication (`Authorization: Bearer <token>`, looked up by hash) and the role policy: what each role
 * may do, and on which site and person. Missing or unknown token → 401 with WWW-Authenticate; a valid token
 * asking for what is not its → 403.
 */
import type { PersonalDetails } from "../src/export/withhold.js";
import type { Principal, TokenRepository } from "../src/store/tokens.js";
import { HttpProblem } from "./problem.js";

/**
 * What an operation needs. `self:*` permissions concern one staff member: a staff token holds them only
 * for its own person; managers and admins for anyone at their sites.
 */
export type Permission =
  | "site:create" // create a site
  | "site:list" // list the sites one can see (filtered by scope)
  | "site:read" // read a site's planning data
  | "site:write" // change a site's planning data
  | "schedule:read" // read schedules, their explanations and jobs (people's leave and requests in them: personalDetailsFor)
  | "schedule:write" // solve, post drafts, edit, publish, cancel jobs
  | "schedule:analyze" // explain a posted schedule without storing it; rank candidates for an open shift
  | "audit:read" // read the audit trail
  | "report:read" // FTE and staffing reports (issue 7)
  | "self:schedule" // one person's published assignments
  | "self:requests" // one person's requests (read and replace)
  | "self:leave" // one person's approved leave (read)
  | "self:feed"; // one person's calendar feed (issue 6)

/** What each permission lets a token do, as the 403 of a token without it says: "… may not read a site's planning data". */
const DOING: Record<Permission, string> = {
  "site:create": "create sites",
  "site:list": "list sites",
  "site:read": "read a site's planning data",
  "site:write": "change a site's planning data",
  "schedule:read": "read schedules or jobs",
  "schedule:write": "change schedules (solve, draft, edit, publish) or see and manage the site's calendar feeds",
  "schedule:analyze": "analyze schedules or rank candidates for an open shift",
  "audit:read": "read the audit trail",
  "report:read": "read or run FTE reports",
  "self:schedule": "read a person's published shifts",
  "self:requests": "read or change a person's requests",
  "self:leave": "read a person's leave",
  "self:feed": "manage a person's calendar feeds",
};

/** "a staff token", "an hr token". */
const A_TOKEN: Record<Principal["role"], string> = { admin: "an admin token", manager: "a manager token", hr: "an hr token", staff: "a staff token" };

/** The 403 detail of a token whose role lacks `permission`. */
export function notPermitted(role: Principal["role"], permission: Permission): string {
  return `${A_TOKEN[role]} may not ${DOING[permission]}`;
}

const MANAGER: readonly Permission[] = [
  "site:list", "site:read", "site:write", "schedule:read", "schedule:write", "schedule:analyze", "audit:read", "report:read",
  "self:schedule", "self:requests", "self:leave", "self:feed",
];

/**
 * Role → permissions. Admin may do everything everywhere; the others only at their own site. HR reads FTE
 * reports, schedules with their totals, and anyone's published shifts, but not a person's leave (whose
 * reason may be medical: FMLA, an appointment) or requests: it reads explanations with those withheld
 * (`personalDetailsFor`). It may not analyze a schedule of its own making or rank candidates
 * (`schedule:analyze`), as the caller picks the shifts there and the answer tells, for any shift, whether
 * it falls on someone's leave or meets a request, whatever the messages leave out; nor read a solve job,
 * whose failure quotes the site's planning data (routes/jobs.ts).
 */
export const GRANTS: Record<Principal["role"], readonly Permission[]> = {
  admin: ["site:create", ...MANAGER],
  manager: MANAGER,
  hr: ["site:list", "schedule:read", "report:read", "self:schedule"],
  staff: ["site:list", "self:schedule", "self:requests", "self:leave", "self:feed"],
};

/** What an operation acts on, when known. */
export interface Target {
  siteId?: string;
  staffId?: string;
}

/** Throw 403 unless the principal may do `permission` on `target`. */
export function authorize(principal: Principal, permission: Permission, target: Target = {}): void {
  const deny = (why: string): never => {
    throw new HttpProblem(403, why);
  };
  if (!GRANTS[principal.role].includes(permission)) deny(notPermitted(principal.role, permission));
  if (principal.role === "admin") return;
  if (target.siteId !== undefined && target.siteId !== principal.siteId) deny(`this token is not for site ${target.siteId}`);
  if (principal.role === "staff" && permission.startsWith("self:") && target.staffId !== principal.staffId) {
    deny("a staff token may only act for its own person");
  }
}

/**
 * How much of people's leave and requests the principal is shown in a whole schedule's explanation and
 * page: everything when it may read everyone's at the site (manager, admin), else nothing (hr; staff read
 * no schedule). A `self:` permission of a staff token is for its own person only, not everyone's.
 */
export function personalDetailsFor(principal: Principal): PersonalDetails {
  const grants = GRANTS[principal.role];
  return principal.role !== "staff" && grants.includes("self:leave") && grants.includes("self:requests") ? "shown" : "withheld";
}

const CHALLENGE = 'Bearer realm="rxroster"';

/** The principal of a request's bearer token, or a 401 problem. */
export function authenticate(tokens: TokenRepository, header: string | undefined): Principal {
  if (header === undefined || header === "") {
    throw new HttpProblem(401, "an API token is required: Authorization: Bearer <token>", [], { "WWW-Authenticate": CHALLENGE });
  }
  const match = /^Bearer +([A-Za-z0-9_-]{1,200})\s*$/i.exec(header);
  // Another scheme (Basic, a bare token) is named, never its credentials.
  const scheme = /^[A-Za-z][A-Za-z0-9._~+-]* /.exec(header)?.[0].trim();
  if (!/^Bearer +/i.test(header)) {
    throw new HttpProblem(401, `the API token goes as Authorization: Bearer <token>${scheme ? ` (got the ${scheme} scheme)` : ""}`, [], { "WWW-Authenticate": `${CHALLENGE}, error="invalid_request"` });
  }
  const principal = match ? tokens.authenticate(match[1]!) : undefined;
  if (!principal) {
    throw new HttpProblem(401, "the API token is unknown or revoked", [], { "WWW-Authenticate": `${CHALLENGE}, error="invalid_token"` });
  }
  return principal;
}
