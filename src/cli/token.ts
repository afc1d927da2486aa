/**
 * `rxroster token create|list|revoke`: API tokens in the store of a data directory. `create` prints the
 * token once (only its hash is kept); `list` and `revoke` never show a secret.
 */
import { ROLES, scopeProblem, type Role } from "../store/tokens.js";
import { inOrderGiven, readArgs } from "./flags.js";
import { absentStore, DEFAULT_DATA_DIR, openStore, type Store } from "../store/store.js";
import type { Io } from "./command-io.js";

export const TOKEN_USAGE = `  token create --role admin|manager|hr|staff [--site ID] [--staff ID] [--data-dir DIR]
                                  create an API token and print it (shown this once only)
  token list [--data-dir DIR]     list tokens (id, role, scope, created, revoked), never secrets
  token revoke <token-id> [--data-dir DIR]
                                  revoke a token`;

/** Bad use of the command: each problem, then the usage. */
function fail(io: Io, ...problems: string[]): number {
  for (const message of problems) io.err(`rxroster token: ${message}`);
  io.err(`usage:\n${TOKEN_USAGE}`);
  return 2;
}

/** A well-formed command the store cannot serve (an unknown token id, site or person; no store there): one line, no usage. */
function refuse(io: Io, message: string): number {
  io.err(`rxroster token: ${message}`);
  return 2;
}

const TOKEN_FLAGS = { role: { type: "string" }, site: { type: "string" }, staff: { type: "string" }, "data-dir": { type: "string" }, help: { type: "boolean", short: "h" } } as const;

export function runToken(argv: string[], io: Io): number {
  // Every unknown, repeated or valueless option at once, not only the first.
  const { values, positionals, problems } = readArgs(argv, TOKEN_FLAGS, true);
  if (problems.length > 0) return fail(io, ...inOrderGiven(problems));
  // Asked for, as by every other command: on standard output, exit 0.
  if (values.help) {
    io.out(`usage:\n${TOKEN_USAGE}`);
    return 0;
  }
  const [action, ...rest] = positionals;
  // An unset shell variable, most likely: taken, it meant a store in the working directory.
  if (values["data-dir"] === "") return fail(io, `--data-dir must name a directory (got "")`);
  const dataDir = values["data-dir"] ?? DEFAULT_DATA_DIR;
  if (action === "create") {
    if (rest.length > 0) return fail(io, `create takes no arguments (got "${rest.join(" ")}")`);
    if (!ROLES.includes(values.role as Role)) return fail(io, `--role must be one of ${ROLES.join(", ")} (got ${values.role === undefined ? "nothing" : `"${values.role}"`})`);
    const role = values.role as Role;
    const problem = scopeProblem(role, values.site, values.staff);
    if (problem) return fail(io, problem);
    const store = openStore(dataDir);
    try {
      const unknown = unknownScope(store, dataDir, values.site, values.staff);
      if (unknown) return refuse(io, unknown);
      const { secret, info } = store.tokens.create(role, values.site, values.staff);
      io.err(`created ${info.tokenId} (${describe(info)}); the token is shown this once only:`);
      io.out(secret);
      return 0;
    } finally {
      store.close();
    }
  }
  if (action === "list" || action === "revoke") {
    if (action === "list" && rest.length > 0) return fail(io, "list takes no arguments");
    if (action === "revoke" && rest.length !== 1) return fail(io, "revoke takes one token id (see token list)");
    // Only `create` makes a store (an admin's token comes before the first serve): a mistyped --data-dir
    // listed nothing, or "revoked" nothing, in a new empty store.
    const absent = absentStore(dataDir);
    if (absent) return refuse(io, absent);
    // list reads only: a read-only store (a backup's mount) lists its tokens.
    const store = openStore(dataDir, { readOnly: action === "list" });
    try {
      if (action === "revoke") {
        const before = store.feeds.liveCreatedBy(rest[0]!).length;
        if (!store.tokens.revoke(rest[0]!)) return refuse(io, `no live token with id "${rest[0]}"`);
        io.out(`revoked ${rest[0]}`);
        // A person's own feeds stay theirs (the token made them for its own person): said, so whoever
        // revokes a leaked token knows which links still open.
        const kept = store.feeds.liveCreatedBy(rest[0]!);
        const revoked = before - kept.length;
        if (revoked > 0) io.out(`  and the ${revoked} feed${revoked === 1 ? "" : "s"} it created for others`);
        for (const feed of kept) {
          const who = feed.scope.kind === "staff" ? feed.scope.staffId : feed.scope.kind;
          io.out(`  kept: feed ${feed.id}, ${who}'s own at site ${feed.siteId} (DELETE /sites/${feed.siteId}/staff/${who}/feeds/${feed.id} revokes it)`);
        }
        return 0;
      }
      for (const t of store.tokens.list()) io.out(`${t.tokenId}  ${describe(t)}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ""}`);
      return 0;
    } finally {
      store.close();
    }
  }
  return fail(io, action === undefined ? "say create, list or revoke" : `unknown action "${action}"`);
}

/**
 * Why a token's scope names nothing in the store, or undefined: a site no one created, a staff id the
 * site does not have. Such a token used to be made all the same, and read the data of whoever was later
 * given that id.
 */
function unknownScope(store: Store, dataDir: string, siteId: string | undefined, staffId: string | undefined): string | undefined {
  if (siteId === undefined) return undefined;
  const site = store.sites.get(siteId);
  if (!site) return `--site: no site "${siteId}" in ${dataDir}: an admin creates it first (POST /sites), then its tokens`;
  if (staffId !== undefined && !site.input.staff.some((s) => s.id === staffId)) return `--staff: site ${siteId} has no staff member "${staffId}" (staff ids are the site's staff[].id)`;
  return undefined;
}

function describe(t: { role: Role; siteId?: string; staffId?: string }): string {
  return [t.role, t.siteId ? `site ${t.siteId}` : "", t.staffId ? `staff ${t.staffId}` : ""].filter(Boolean).join(", ");
}
