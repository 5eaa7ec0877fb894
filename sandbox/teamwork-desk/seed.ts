/**
 * Seed data of one Teamwork Desk site. Field names and values follow the vendor README §5/§9.4 and the seed document
 * "Update user" (PATCH /desk/api/v2/users/{id}.json): role admin|agent, editMethod html|markdown, ticketReplyRedirect
 * Stay|Next|Inbox, state active|deleted. Ids, names and emails are invented.
 */
export const ROLES = ["admin", "agent"] as const;
export type Role = (typeof ROLES)[number];
export const EDIT_METHODS = ["html", "markdown"] as const;
export type EditMethod = (typeof EDIT_METHODS)[number];
export const REPLY_REDIRECTS = ["Stay", "Next", "Inbox"] as const;
export type ReplyRedirect = (typeof REPLY_REDIRECTS)[number];
export const STATES = ["active", "deleted"] as const;
export type State = (typeof STATES)[number];

/** The API key of the site owner (profile settings → API key); Basic auth takes it as the user name, any password. */
export const SEED_API_KEY = "twdesk_sandbox_owner_8f3a1c5e9b7d2046";
/** The key of an agent: authenticated, but not allowed to manage users (403). */
export const SEED_AGENT_API_KEY = "twdesk_sandbox_agent_41d0b7e2c9a35f68";
/** The site name, as in https://{site}.teamwork.com. */
export const SITE = "acme-sandbox";

export interface SeedUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  isPartTime: boolean;
  reviewer: boolean;
  autoFollowOnCC: boolean;
  editMethod: EditMethod;
  ticketReplyRedirect: ReplyRedirect;
  sendPushNotifications: boolean;
  sendWebNotifications: boolean;
  timezoneId: number;
  timeFormatId: number;
  isAppOwner: boolean;
  state: State;
  inboxIds: number[];
  apiKey?: string;
}

export interface Inbox {
  id: number;
  name: string;
  email: string;
}

export const SEED_INBOXES: Inbox[] = [
  { id: 3101, name: "Support", email: "support@acme-sandbox.teamwork.com" },
  { id: 3102, name: "Billing", email: "billing@acme-sandbox.teamwork.com" },
  { id: 3103, name: "Escalations", email: "escalations@acme-sandbox.teamwork.com" },
];

const defaults = {
  isPartTime: false, reviewer: false, autoFollowOnCC: true, editMethod: "html" as EditMethod, ticketReplyRedirect: "Stay" as ReplyRedirect,
  sendPushNotifications: true, sendWebNotifications: true, timezoneId: 1, timeFormatId: 1, isAppOwner: false, state: "active" as State,
};

export const SEED_USERS: SeedUser[] = [
  { ...defaults, id: 52001, email: "owner@acme-sandbox.test", firstName: "Olive", lastName: "Owner", role: "admin", isAppOwner: true,
    inboxIds: [3101, 3102, 3103], apiKey: SEED_API_KEY },
  { ...defaults, id: 52002, email: "alex.agent@acme-sandbox.test", firstName: "Alex", lastName: "Agent", role: "agent", reviewer: true,
    inboxIds: [3101], apiKey: SEED_AGENT_API_KEY },
  { ...defaults, id: 52003, email: "pat.parttime@acme-sandbox.test", firstName: "Pat", lastName: "Parttime", role: "agent", isPartTime: true,
    editMethod: "markdown", ticketReplyRedirect: "Next", sendPushNotifications: false, timezoneId: 27, inboxIds: [3102] },
  { ...defaults, id: 52004, email: "robin.reviewer@acme-sandbox.test", firstName: "Robin", lastName: "Reviewer", role: "admin", reviewer: true,
    autoFollowOnCC: false, ticketReplyRedirect: "Inbox", timeFormatId: 2, inboxIds: [3101, 3103] },
  { ...defaults, id: 52005, email: "gone.agent@acme-sandbox.test", firstName: "Gone", lastName: "Agent", role: "agent", state: "deleted",
    inboxIds: [] },
];
