// The fewest requests each phase could make, from what each vendor's API offers (upper bounds: "≤ 1 PATCH" is 1).
// Per resource, plus per command the listings every check needs (one page per page size, per org or account).
import type { Spec } from "./generate";

export const PHASES = ["create", "no-change up", "refresh preview", "switch on every resource", "switch on one resource", "destroy"] as const;
export type Phase = (typeof PHASES)[number];

/** [reads, writes] per resource of a kind, by phase; "switch on one resource" counts for the switched one only. */
type PerPhase = Record<Phase, [number, number]>;
const all = (create: [number, number], refresh: [number, number], update: [number, number], destroy: [number, number]): PerPhase => ({
  create, "no-change up": [0, 0], "refresh preview": refresh, "switch on every resource": update, "switch on one resource": update, destroy,
});

const PER_RESOURCE: Record<string, PerPhase> = {
  // Clone + ≤ 1 PATCH; the profile listing carries the permissions (refresh reads nothing more); delete with transfer.
  "zohoDesk:Profile": all([0, 2], [0, 0], [0, 1], [0, 1]),
  // The listing carries the profile's switches: one PATCH; destroy restores (after the flip, nothing differs).
  "zohoDesk:ProfilePermissionSet": all([0, 1], [0, 0], [0, 1], [0, 0]),
  // Clone, one GET (Zoho's clone answer holds only the new id, and the PATCH depends on what the clone inherited),
  // PATCH; CRM list entries carry no permissions: one GET per profile to refresh; DELETE.
  "zohoCrm:Profile": all([1, 2], [1, 0], [0, 1], [0, 1]),
  // One GET to learn the originals, one PATCH; refresh one GET; destroy restores (nothing differs after the flip).
  "zohoCrm:ProfilePermissionSet": all([1, 1], [1, 0], [0, 1], [0, 0]),
  // POST / PATCH / DELETE; the roles listing carries every field.
  "chatwoot:CustomRole": all([0, 1], [0, 0], [0, 1], [0, 1]),
  // POST / PATCH / DELETE; the agents listing carries every field.
  "chatwoot:Agent": all([0, 1], [0, 0], [0, 1], [0, 1]),
  // POST / PATCH / PATCH state deleted (no delete route); the users listing carries every field.
  "teamworkDesk:User": all([0, 1], [0, 0], [0, 1], [0, 1]),
  // POST / PUT / PUT status inactive (no delete route); search pages hold 10 users: one GET each to refresh.
  "imichat:User": all([0, 1], [1, 0], [0, 1], [0, 1]),
  // The profile GET is the listing; one PUT to set, one to restore.
  "chatwoot:Profile": all([0, 1], [0, 0], [0, 1], [0, 1]),
};

export interface Ideal { reads: number; writes: number; tokens: number }

/** Seeded profiles the Desk listing pages through besides ours (sandbox/zoho-desk seed). */
const DESK_SEEDED = 10;
/** Seeded users of the IMIchat team (sandbox/imichat seed). */
const IMICHAT_SEEDED = 5;

/** `before`: the program the stack had before this phase (none before create). */
export function idealFor(phase: Phase, list: Spec[], before: Spec[] = []): Ideal {
  const touched = phase === "switch on one resource" ? list.slice(0, 1) : list;
  let reads = 0;
  let writes = 0;
  for (const s of touched) {
    const [r, w] = PER_RESOURCE[s.token]?.[phase] ?? [0, 0];
    reads += r;
    writes += w;
  }
  // Per command: the listings (not in destroy, which runs no check). Desk: 50 a page; CRM: one page and the
  // catalogue's single GET per org; Chatwoot: one page each of agents, roles, the profile; Teamwork Desk:
  // one page of users (500 a page).
  const kinds = new Set(list.map((s) => s.token));
  const crmOrgs = new Set(list.filter((s) => s.token.startsWith("zohoCrm:")).map((s) => (s.args.connection === "eu" ? "eu" : "com")));
  const deskPages = Math.ceil((DESK_SEEDED + list.filter((s) => s.token === "zohoDesk:Profile").length) / 50);
  if (phase !== "destroy") {
    if ([...kinds].some((k) => k.startsWith("zohoDesk:"))) reads += deskPages;
    reads += 2 * crmOrgs.size;
    reads += [...kinds].filter((k) => k.startsWith("chatwoot:") || k.startsWith("teamworkDesk:")).length;
    // A switch newly granted whose parent the program leaves undeclared: the check reads the profile once to refuse
    // at preview what Zoho would refuse (a child whose parent is off); a grant already applied is not read again, and
    // at create the set's own read of the profile (counted above) serves its check.
    const granted = new Set(before.filter((s) => s.grantRead).map((s) => s.name));
    if (phase !== "create") reads += new Set(list.filter((s) => s.grantRead && !granted.has(s.name)).map((s) => s.grantRead)).size;
    // IMIchat: a new user's check pages through the team's users (ten a page) to refuse a taken login id or email at
    // preview; the same listing finds a user an interrupted create left behind.
    if (phase === "create" && kinds.has("imichat:User")) reads += Math.ceil(IMICHAT_SEEDED / 10);
  } else {
    // A profile's delete names its transfer target by id: one listing resolves the names (Desk; CRM per org).
    if (kinds.has("zohoDesk:Profile")) reads += deskPages;
    reads += new Set(list.filter((s) => s.token === "zohoCrm:Profile").map((s) => s.args.connection ?? "com")).size;
    // Chatwoot answers a DELETE of a role it lacks with 500, not 404: one roles listing tells gone from broken.
    if (kinds.has("chatwoot:CustomRole")) reads += 1;
  }
  // One token exchange per refresh token per command: .com serves Desk and CRM's .com org; .eu its own.
  const zoho = [...kinds].some((k) => k.startsWith("zohoDesk:")) || crmOrgs.has("com");
  // IMIchat's /authorize counts as one too.
  const tokens = (zoho ? 1 : 0) + (crmOrgs.has("eu") ? 1 : 0) + (kinds.has("imichat:User") ? 1 : 0);
  return { reads, writes, tokens };
}

/** The rate-limited phase: P Desk profiles created, clone + PATCH each, the listing pages, no per-resource read. */
export function idealRateLimited(profiles: number): number {
  return 2 * profiles + Math.ceil((DESK_SEEDED + profiles) / 50);
}
