/**
 * What a fresh Chatwoot install of the sandbox holds. Ids are small integers, as Chatwoot's Postgres sequences hand
 * out. Tokens are 24 base58 characters, the shape of Rails' `has_secure_token` (AccessToken#token, User#pubsub_token);
 * the seeded ones are fixed so the environment is stable, and each brand (chatwoot, omnivibe) gets its own, so a
 * token of one install is unknown to the other.
 */

export type Role = "agent" | "administrator";
export type Availability = "online" | "offline" | "busy";
export const ROLES: readonly Role[] = ["agent", "administrator"];
export const AVAILABILITIES: readonly Availability[] = ["online", "offline", "busy"];

/** enterprise/app/models/custom_role.rb PERMISSIONS (upstream develop; vendor README §9.3). */
export const CUSTOM_ROLE_PERMISSIONS = [
  "conversation_manage",
  "conversation_unassigned_manage",
  "conversation_participating_manage",
  "contact_manage",
  "report_manage",
  "knowledge_base_manage",
] as const;

export interface SeedAccount { id: number; name: string; status: "active" | "suspended"; agentLimit?: number }
export interface SeedUser { id: number; name: string; email: string; password: string; tokenTag: string; displayName?: string }
export interface SeedMembership {
  accountId: number; userId: number; role: Role; availability: Availability; autoOffline: boolean;
  customRoleId?: number; inviterId?: number;
}
export interface SeedCustomRole { id: number; accountId: number; name: string; description: string | null; permissions: string[] }

/** The first account: the one CHATWOOT_ACCOUNT_ID names. */
export const ACCOUNT_IDS = { main: 1, other: 2, suspended: 3 } as const;
export const USER_IDS = { admin: 1, agent: 2, customRoleAgent: 3, otherAdmin: 4, shared: 5 } as const;

/** Default agent licence of an account when none is set: Chatwoot self-hosted has no practical limit. */
export const UNLIMITED_AGENTS = 100_000;

export const SEED_ACCOUNTS: SeedAccount[] = [
  { id: ACCOUNT_IDS.main, name: "Acme Support", status: "active" },
  { id: ACCOUNT_IDS.other, name: "Globex Helpdesk", status: "active" },
  { id: ACCOUNT_IDS.suspended, name: "Initech Care", status: "suspended" },
];

/** Every seeded password meets the devise-secure_password rules (upper, lower, digit, special; 6..128). */
export const SEED_PASSWORD = "Sandbox#2026pass";

export const SEED_USERS: SeedUser[] = [
  { id: USER_IDS.admin, name: "Ada Administrator", email: "ada@acme.test", password: SEED_PASSWORD, tokenTag: "Admin" },
  { id: USER_IDS.agent, name: "Ben Agent", email: "ben@acme.test", password: SEED_PASSWORD, tokenTag: "Agent" },
  { id: USER_IDS.customRoleAgent, name: "cara Billing", email: "cara@acme.test", password: SEED_PASSWORD, tokenTag: "Cara", displayName: "Cara B." },
  { id: USER_IDS.otherAdmin, name: "Dan Globex", email: "dan@globex.test", password: SEED_PASSWORD, tokenTag: "Dan" },
  { id: USER_IDS.shared, name: "Eve Shared", email: "eve@shared.test", password: SEED_PASSWORD, tokenTag: "Eve" },
];

export const SEED_CUSTOM_ROLES: SeedCustomRole[] = [
  { id: 1, accountId: ACCOUNT_IDS.main, name: "Billing Desk", description: "Billing conversations and contacts", permissions: ["conversation_manage", "contact_manage"] },
  { id: 2, accountId: ACCOUNT_IDS.main, name: "Knowledge Curator", description: null, permissions: ["knowledge_base_manage"] },
  { id: 3, accountId: ACCOUNT_IDS.main, name: "Reports Only", description: "Reads reports", permissions: ["report_manage"] },
  { id: 4, accountId: ACCOUNT_IDS.other, name: "Globex Triage", description: null, permissions: ["conversation_unassigned_manage"] },
];

export const SEED_MEMBERSHIPS: SeedMembership[] = [
  { accountId: ACCOUNT_IDS.main, userId: USER_IDS.admin, role: "administrator", availability: "online", autoOffline: false },
  { accountId: ACCOUNT_IDS.main, userId: USER_IDS.agent, role: "agent", availability: "busy", autoOffline: false, inviterId: USER_IDS.admin },
  { accountId: ACCOUNT_IDS.main, userId: USER_IDS.customRoleAgent, role: "agent", availability: "online", autoOffline: true, customRoleId: 1, inviterId: USER_IDS.admin },
  { accountId: ACCOUNT_IDS.main, userId: USER_IDS.shared, role: "agent", availability: "offline", autoOffline: false, inviterId: USER_IDS.admin },
  { accountId: ACCOUNT_IDS.other, userId: USER_IDS.otherAdmin, role: "administrator", availability: "online", autoOffline: false },
  { accountId: ACCOUNT_IDS.other, userId: USER_IDS.shared, role: "agent", availability: "online", autoOffline: false, inviterId: USER_IDS.otherAdmin },
  // The administrator also belongs to the suspended account, so "Account is suspended" can be seen with a valid member.
  { accountId: ACCOUNT_IDS.suspended, userId: USER_IDS.admin, role: "administrator", availability: "online", autoOffline: false },
];

/** Accounts the seeded platform app may manage (platform_app_permissibles); users of those accounts too. */
export const PLATFORM_PERMISSIBLE_ACCOUNTS: number[] = [ACCOUNT_IDS.main];

export type Brand = "chatwoot" | "omnivibe";

/** A fixed 24-character base58 token for a seeded owner, distinct per brand. */
export function seedToken(brand: Brand, tag: string, kind: "Token" | "Pubsub" | "Platform"): string {
  const prefix = brand === "chatwoot" ? "Cw" : "Ov";
  const raw = (prefix + tag + kind + "Sandbox").replace(/[0OIl]/g, "x");
  return (raw + "zzzzzzzzzzzzzzzzzzzzzzzz").slice(0, 24);
}
