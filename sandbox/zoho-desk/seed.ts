import { buildMatrix, type Permissions } from "./permission-matrix";

/** Wire shape of a profile; key order follows the seed-doc sample. */
export interface Profile {
  default: boolean;
  permissions: Permissions;
  name: string;
  description: string | null;
  id: string;
  isVisible: boolean;
  type: string;
}

/** Sandbox-side record: the wire profile plus what the UI lets an admin do with it. */
export interface StoredProfile {
  profile: Profile;
  editable: boolean;
  deletable: boolean;
}

export interface Agent {
  id: string;
  firstName: string;
  lastName: string;
  emailId: string;
  profileId: string;
  roleId: string;
  zuid: string;
  photoURL: string | null;
  /** Internal, for the ?active= / ?confirmed= filters. */
  status: "ACTIVE" | "DISABLED";
  isConfirmed: boolean;
}

// Source silent: the org id format; we use an 11-digit id like those in Zoho Desk org URLs.
export const ORG_ID = "60012345678";
export const OWNER_AGENT_ID = "4000000011001";

export const IDS = {
  supportAdministrator: "4000000008464",
  agent: "4000000008467",
  lightAgent: "4000000008470",
  newbieAgent: "4000000008473",
  supervisor: "4000000008476",
  supportManager: "4000000008479",
  helpCenter: "4000000008482",
  agentAdvisors: "4000000018001",
  billingSpecialists: "4000000018011",
  tier2Escalations: "4000000018021",
} as const;

const TICKET_BASICS = ["view", "create", "edit", "closeTicket", "mailSend", "addFollowers", "export", "changeOwner"];
const CRUD = ["view", "edit", "create"];

/** The seed doc's "Agent Advisors" sample, verbatim (including "default": true on a Custom profile). */
const AGENT_ADVISORS: Permissions = {
  crmInteg: { crmContactsActivityEvents: false, crmAccountsActivityEvents: false, crmAccountsActivityTasks: false, crmAccountsInfo: false, crmContactsActivityCalls: false, crmAccountsNotes: false, crmAccountsActivityCalls: false, crmContactsInfo: false, crmContactsNotes: false, crmContactsActivityTasks: false, crmAccountsPotentials: false, crmContactsPotentials: false },
  reports: { view: true, edit: true, create: false, delete: false, export: false },
  tickets: { mergeTickets: true, changeOwner: true, import: true, handleUnassigned: true, edit: true, closeTicket: true, mailReview: true, delete: true, view: true, create: true, addFollowers: true, export: true, mailSend: true, unassignedChangeOwner: false, shareTickets: false },
  comments: { edit: true, delete: true },
  social: { view: true },
  contracts: { view: true, import: true, edit: true, create: true, delete: true, export: true },
  community: { view: true, edit: true, create: true, delete: true, moderate: false },
  products: { view: true, import: true, edit: true, create: true, delete: true, export: true },
  agents: { overview: true, import: true, edit: false, create: false, delete: false, viewAllFields: true },
  kbCategory: { view: true, editAllArticles: true, import: true, edit: true, create: true, delete: true, export: true },
  setup: { timeTracking: false, fetchAcrossDepartment: true, globalReports: false, exportPortalUsers: true, layouts: false, automation: false, featureConfig: false, customerHappiness: false, department: false, portal: false, webForm: false, rebranding: false, email: false, tabsAndFields: false, exportUsers: true, teams: true, social: false, templates: false, moveRecords: true, permission: false, signUpApproval: false, community: false, importHistory: true, manageAgents: false, portalUsers: false, managerDashboard: false, googleAnalytics: false, chat: false, telephony: false },
  financeInteg: { sendInvoice: false, createEstimate: false, createContact: false, viewInvoice: false, createInvoice: false, sendEstimate: false, viewEstimate: false },
  accounts: { view: true, import: true, edit: true, create: true, delete: true, export: true },
  timeEntry: { view: true, edit: true, create: true, delete: true },
  contacts: { view: true, import: true, edit: true, create: true, delete: true, export: true },
  tasks: { view: true, import: true, edit: true, create: true, delete: true, export: true },
};

function p(id: string, name: string, description: string, type: string, isDefault: boolean, permissions: Permissions,
  rights: { editable: boolean; deletable: boolean }, isVisible = true): StoredProfile {
  return { profile: { default: isDefault, permissions, name, description, id, isVisible, type }, ...rights };
}

const SYSTEM = { editable: false, deletable: false };
// Source silent: whether "custom default" profiles can be deleted; we refuse (only edits are documented).
const CUSTOM_DEFAULT = { editable: true, deletable: false };
const CUSTOM = { editable: true, deletable: true };

export function seedProfiles(): StoredProfile[] {
  const all = { crmInteg: [], financeInteg: [], reports: "*", tickets: "*", comments: "*", social: "*", contracts: "*", community: "*", products: "*", agents: "*", kbCategory: "*", setup: "*", accounts: "*", timeEntry: "*", contacts: "*", tasks: "*" } as const;
  const agent = { tickets: TICKET_BASICS, comments: ["edit"], social: ["view"], contracts: ["view"], community: ["view", "create"], products: ["view"], agents: ["overview"], kbCategory: ["view"], accounts: CRUD, timeEntry: CRUD, contacts: CRUD, tasks: CRUD, reports: ["view"] };
  return [
    // Types "Administrator", "Light", "Portal", "Custom" come from the profile OAS samples; "Agent" is our guess.
    p(IDS.supportAdministrator, "Support Administrator", "Set the privileges for support administrators.", "Administrator", true, buildMatrix(all), SYSTEM),
    p(IDS.agent, "Agent", "Set the privileges for agents.", "Agent", true, buildMatrix(agent), SYSTEM),
    p(IDS.lightAgent, "Light Agent", "Set the privilege for light agents", "Light", true,
      buildMatrix({ tickets: ["view", "export"], reports: ["view", "export"], social: ["view"], kbCategory: ["view", "export"], agents: ["overview"], accounts: ["view", "export"], contacts: ["view", "export"], tasks: ["view", "export"], timeEntry: ["view"], contracts: ["view", "export"], products: ["view", "export"] }), SYSTEM),
    p(IDS.newbieAgent, "Newbie Agent", "Set the privileges for new agents.", "Custom", true,
      buildMatrix({ tickets: ["view", "create", "edit", "mailSend"], social: ["view"], kbCategory: ["view"], agents: ["overview"], contacts: ["view"], accounts: ["view"], tasks: ["view", "create"], timeEntry: ["view", "create"] }), CUSTOM_DEFAULT),
    p(IDS.supervisor, "Supervisor", "Set the privileges for supervisory users.", "Custom", true,
      buildMatrix({ ...agent, tickets: [...TICKET_BASICS, "mergeTickets", "handleUnassigned", "mailReview", "delete"], reports: "*", setup: ["teams", "managerDashboard", "exportUsers"], agents: ["overview", "viewAllFields"] }), CUSTOM_DEFAULT),
    p(IDS.supportManager, "Support Manager", "Set the privileges for managerial users.", "Custom", true,
      buildMatrix({ ...agent, tickets: "*", reports: "*", comments: "*", kbCategory: "*", agents: ["overview", "viewAllFields", "import"], setup: ["teams", "managerDashboard", "exportUsers", "moveRecords", "importHistory", "fetchAcrossDepartment"] }), CUSTOM_DEFAULT),
    // Source: profile OAS list sample shows this hidden portal profile. Source silent on editing it: we refuse.
    p(IDS.helpCenter, "Help Center", "This profile will have the permissions of End Users", "Portal", true,
      buildMatrix({ tickets: ["view", "create", "export"], kbCategory: ["view", "export"] }), SYSTEM, false),
    p(IDS.agentAdvisors, "Agent Advisors", "Advisors from CRM to assist the Support Agents.", "Custom", true, AGENT_ADVISORS, CUSTOM),
    p(IDS.billingSpecialists, "Billing Specialists", "Agents who handle invoices, refunds and contract questions.", "Custom", false,
      buildMatrix({ ...agent, financeInteg: "*", contracts: "*", accounts: ["view", "edit", "export"] }), CUSTOM),
    p(IDS.tier2Escalations, "Tier 2 Escalations", "Senior agents who take over escalated tickets.", "Custom", false,
      buildMatrix({ ...agent, tickets: [...TICKET_BASICS, "handleUnassigned", "mergeTickets", "shareTickets"], reports: ["view", "create", "export"] }), CUSTOM),
  ];
}

// Source silent: the token owner; we make it an agent on Support Administrator (rolePermissionType "Admin").
const ROLE_CEO = "4000000008524";
const ROLE_MANAGER = "4000000008527";
const ROLE_AGENT = "4000000008530";

function a(id: string, firstName: string, lastName: string, profileId: string, roleId: string, zuid: string,
  status: Agent["status"] = "ACTIVE", isConfirmed = true): Agent {
  const emailId = `${firstName}.${lastName}@example.com`.toLowerCase();
  // Source silent: photoURL for agents without a photo; we send null.
  return { id, firstName, lastName, emailId, profileId, roleId, zuid, photoURL: null, status, isConfirmed };
}

export function seedAgents(): Agent[] {
  return [
    a(OWNER_AGENT_ID, "Priya", "Raman", IDS.supportAdministrator, ROLE_CEO, "70001001"),
    a("4000000011013", "Marcus", "Lindqvist", IDS.agent, ROLE_AGENT, "70001002"),
    a("4000000011025", "Aiko", "Tanaka", IDS.agent, ROLE_AGENT, "70001003"),
    a("4000000011037", "Diego", "Fernandez", IDS.lightAgent, ROLE_AGENT, "70001004"),
    a("4000000011049", "Fatima", "Okafor", IDS.agentAdvisors, ROLE_AGENT, "70001005"),
    a("4000000011061", "Tom", "Becker", IDS.agentAdvisors, ROLE_AGENT, "70001006", "DISABLED"),
    a("4000000011073", "Sofia", "Rossi", IDS.supervisor, ROLE_MANAGER, "70001007"),
    a("4000000011085", "Liam", "OConnor", IDS.tier2Escalations, ROLE_AGENT, "70001008", "ACTIVE", false),
  ];
}

export const ROLES: Record<string, string> = { [ROLE_CEO]: "CEO", [ROLE_MANAGER]: "Manager", [ROLE_AGENT]: "Agent" };
