/**
 * The Zoho Desk profile permission matrix: every module and every key, as in Zoho's "Update profile" document
 * (shared/vendors/seed-docs). Each key is a boolean switch in Setup > Users and Control > Profiles.
 */
export const permissionMatrix = {
  tickets: {
    doc: "Tickets module.",
    keys: ["view", "create", "edit", "delete", "import", "export", "mergeTickets", "changeOwner", "handleUnassigned", "unassignedChangeOwner", "closeTicket", "mailReview", "mailSend", "addFollowers", "shareTickets"],
  },
  comments: { doc: "Comments on tickets and other records.", keys: ["edit", "delete"] },
  contacts: { doc: "Contacts module.", keys: ["view", "create", "edit", "delete", "import", "export"] },
  accounts: { doc: "Accounts module.", keys: ["view", "create", "edit", "delete", "import", "export"] },
  contracts: { doc: "Contracts module.", keys: ["view", "create", "edit", "delete", "import", "export"] },
  products: { doc: "Products module.", keys: ["view", "create", "edit", "delete", "import", "export"] },
  tasks: { doc: "Tasks module.", keys: ["view", "create", "edit", "delete", "import", "export"] },
  timeEntry: { doc: "Time entries on tickets and tasks.", keys: ["view", "create", "edit", "delete"] },
  reports: { doc: "Reports and dashboards.", keys: ["view", "create", "edit", "delete", "export"] },
  kbCategory: { doc: "Knowledge base categories and articles.", keys: ["view", "create", "edit", "delete", "import", "export", "editAllArticles"] },
  community: { doc: "User community (forums).", keys: ["view", "create", "edit", "delete", "moderate"] },
  social: { doc: "Social channels.", keys: ["view"] },
  agents: { doc: "Agent records.", keys: ["overview", "viewAllFields", "create", "edit", "delete", "import"] },
  crmInteg: {
    doc: "Zoho CRM integration panels.",
    keys: ["crmAccountsInfo", "crmAccountsNotes", "crmAccountsPotentials", "crmAccountsActivityTasks", "crmAccountsActivityEvents", "crmAccountsActivityCalls", "crmContactsInfo", "crmContactsNotes", "crmContactsPotentials", "crmContactsActivityTasks", "crmContactsActivityEvents", "crmContactsActivityCalls"],
  },
  financeInteg: {
    doc: "Zoho Finance (Books/Invoice) integration.",
    keys: ["viewInvoice", "createInvoice", "sendInvoice", "viewEstimate", "createEstimate", "sendEstimate", "createContact"],
  },
  setup: {
    doc: "Setup (administration) areas.",
    keys: ["manageAgents", "permission", "department", "teams", "portal", "portalUsers", "exportPortalUsers", "exportUsers", "signUpApproval", "community", "email", "social", "chat", "telephony", "templates", "layouts", "tabsAndFields", "automation", "timeTracking", "customerHappiness", "featureConfig", "rebranding", "webForm", "moveRecords", "importHistory", "globalReports", "managerDashboard", "fetchAcrossDepartment", "googleAnalytics"],
  },
} as const;

export type PermissionModule = keyof typeof permissionMatrix;
export const permissionModules = Object.keys(permissionMatrix) as PermissionModule[];
