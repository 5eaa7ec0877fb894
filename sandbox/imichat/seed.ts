/**
 * Seed of one IMIchat (Webex Engage) tenant. Field names and enums come from docs.imi.chat (create-user, update-user,
 * get-individual-user, users-search) and the seed document "update user": status active|inactive, role_type
 * Customer Care|Administrative, privilege roles Team Manager|Team Agent|Team Analyst. The custom attributes
 * `business` and `location` are the two the seed document's error codes name (3107, 3110). Ids and names are invented.
 */
export const TEAM_ROLES = ["Team Manager", "Team Agent", "Team Analyst"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const USER_STATUSES = ["active", "inactive"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export type RoleType = "Customer Care" | "Administrative";

/** The tenant's API key and domain: /authorize takes base64("<APIKey>@<DomainName>"). */
export const SEED_API_KEY = "imi-sandbox-5c2e7a91f04b4d3e8a6b";
export const SEED_DOMAIN = "acme-sandbox";

export interface Team { id: number; name: string }
export const SEED_TEAMS: Team[] = [
  { id: 7001, name: "Customer Support" },
  { id: 7002, name: "Sales" },
  { id: 7003, name: "Billing" },
];

/**
 * A custom attribute definition. `dropdown`: the value must be one of `options` (a wrong value → 3107, the code the
 * seed document gives for 'business'); `text`/`number`/`email`: the value must have that form (→ 3110, given for
 * 'location'). The mapping of codes to kinds is our reading of the two examples (README choice 9).
 */
export interface CustomAttributeDefinition {
  name: string;
  type: "dropdown" | "text" | "number" | "email";
  options?: string[];
  maxLength?: number;
}
export const SEED_CUSTOM_ATTRIBUTES: CustomAttributeDefinition[] = [
  { name: "business", type: "dropdown", options: ["Retail", "Banking", "Telecom"] },
  { name: "location", type: "text", maxLength: 50 },
  { name: "employee_number", type: "number" },
];

export interface Privilege { teamid: number; role: TeamRole }
export interface SeedUser {
  id: number;
  first_name: string;
  last_name: string;
  login_id: string;
  email_id: string;
  status: UserStatus;
  job_description: string;
  login_using_email: boolean;
  role_type: RoleType;
  privileges: Privilege[];
  skill_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  active_chats: number;
}

const base = { status: "active" as UserStatus, login_using_email: true, role_type: "Customer Care" as RoleType, active_chats: 0 };
export const SEED_USERS: SeedUser[] = [
  { ...base, id: 880001, first_name: "Ada", last_name: "Admin", login_id: "ada.admin", email_id: "ada.admin@acme-sandbox.test",
    job_description: "Tenant administrator", role_type: "Administrative", privileges: [], skill_attributes: {}, custom_attributes: {} },
  { ...base, id: 880002, first_name: "Mia", last_name: "Manager", login_id: "mia.manager", email_id: "mia.manager@acme-sandbox.test",
    job_description: "Support team lead", privileges: [{ teamid: 7001, role: "Team Manager" }, { teamid: 7002, role: "Team Analyst" }],
    skill_attributes: { language: ["English", "Spanish"] }, custom_attributes: { business: "Retail", location: "Austin" } },
  { ...base, id: 880003, first_name: "Sam", last_name: "Agent", login_id: "sam.agent", email_id: "sam.agent@acme-sandbox.test",
    job_description: "Chat agent", login_using_email: false, privileges: [{ teamid: 7001, role: "Team Agent" }],
    skill_attributes: { language: ["English"] }, custom_attributes: { business: "Banking" }, active_chats: 2 },
  { ...base, id: 880004, first_name: "Ina", last_name: "Inactive", login_id: "ina.inactive", email_id: "ina.inactive@acme-sandbox.test",
    status: "inactive", job_description: "", privileges: [{ teamid: 7001, role: "Team Agent" }], skill_attributes: {}, custom_attributes: {} },
  { ...base, id: 880005, first_name: "Bea", last_name: "Billing", login_id: "bea.billing", email_id: "bea.billing@acme-sandbox.test",
    job_description: "Billing specialist", privileges: [{ teamid: 7003, role: "Team Agent" }], skill_attributes: {}, custom_attributes: {} },
];
