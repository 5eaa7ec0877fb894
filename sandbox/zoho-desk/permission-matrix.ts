/**
 * The Zoho Desk profile permission matrix, owned by the sandbox.
 * Source: seed-docs/000 ("Update profile" sample response): 16 modules, every key a boolean.
 * Module and key order follow that sample. Newer Zoho samples (api-evangelist/zoho profile OAS)
 * show more modules/keys (mobileapp, events, calls, *CustomViews, ...); the sandbox sticks to
 * the seed document.
 */
export const PERMISSION_MATRIX = {
  crmInteg: [
    "crmContactsActivityEvents", "crmAccountsActivityEvents", "crmAccountsActivityTasks", "crmAccountsInfo",
    "crmContactsActivityCalls", "crmAccountsNotes", "crmAccountsActivityCalls", "crmContactsInfo",
    "crmContactsNotes", "crmContactsActivityTasks", "crmAccountsPotentials", "crmContactsPotentials",
  ],
  reports: ["view", "edit", "create", "delete", "export"],
  tickets: [
    "mergeTickets", "changeOwner", "import", "handleUnassigned", "edit", "closeTicket", "mailReview", "delete",
    "view", "create", "addFollowers", "export", "mailSend", "unassignedChangeOwner", "shareTickets",
  ],
  comments: ["edit", "delete"],
  social: ["view"],
  contracts: ["view", "import", "edit", "create", "delete", "export"],
  community: ["view", "edit", "create", "delete", "moderate"],
  products: ["view", "import", "edit", "create", "delete", "export"],
  agents: ["overview", "import", "edit", "create", "delete", "viewAllFields"],
  kbCategory: ["view", "editAllArticles", "import", "edit", "create", "delete", "export"],
  setup: [
    "timeTracking", "fetchAcrossDepartment", "globalReports", "exportPortalUsers", "layouts", "automation",
    "featureConfig", "customerHappiness", "department", "portal", "webForm", "rebranding", "email",
    "tabsAndFields", "exportUsers", "teams", "social", "templates", "moveRecords", "permission",
    "signUpApproval", "community", "importHistory", "manageAgents", "portalUsers", "managerDashboard",
    "googleAnalytics", "chat", "telephony",
  ],
  financeInteg: ["sendInvoice", "createEstimate", "createContact", "viewInvoice", "createInvoice", "sendEstimate", "viewEstimate"],
  accounts: ["view", "import", "edit", "create", "delete", "export"],
  timeEntry: ["view", "edit", "create", "delete"],
  contacts: ["view", "import", "edit", "create", "delete", "export"],
  tasks: ["view", "import", "edit", "create", "delete", "export"],
} as const satisfies Record<string, readonly string[]>;

export type ModuleName = keyof typeof PERMISSION_MATRIX;
export type Permissions = Record<string, Record<string, boolean>>;

export const MODULES = Object.keys(PERMISSION_MATRIX) as ModuleName[];

export function isModule(name: string): name is ModuleName {
  return Object.prototype.hasOwnProperty.call(PERMISSION_MATRIX, name);
}

export function isKey(module: ModuleName, key: string): boolean {
  return (PERMISSION_MATRIX[module] as readonly string[]).includes(key);
}

/**
 * Build a full matrix: every key false, except the keys listed in `granted`
 * ("*" grants a whole module).
 */
export function buildMatrix(granted: Partial<Record<ModuleName, readonly string[] | "*">> = {}): Permissions {
  const out: Permissions = {};
  for (const module of MODULES) {
    const grant = granted[module];
    out[module] = {};
    for (const key of PERMISSION_MATRIX[module]) {
      out[module][key] = grant === "*" || (Array.isArray(grant) && grant.includes(key));
    }
  }
  return out;
}

export function copyMatrix(p: Permissions): Permissions {
  const out: Permissions = {};
  for (const module of Object.keys(p)) out[module] = { ...p[module] };
  return out;
}
