// The demo program (`npm run demo` runs it against the local sandbox; `pulumi up` runs it against whatever the
// ZOHO_* settings point at). Three profiles a support team typically keeps in code.
import { zohoDesk } from "pulumi-helpdesk";

const viewOnly = { view: true, create: false, edit: false, delete: false, import: false, export: false };

/** First line: answer, route and close tickets; never delete, merge, export or touch setup. */
const tier1 = new zohoDesk.Profile("tier1-agents", {
  name: "Tier 1 Agents",
  description: "First-line agents: answer, route and close tickets. No deleting, merging or exporting.",
  cloneFrom: "Agent",
  transferToProfile: "Agent",
  permissions: {
    tickets: { view: true, create: true, edit: true, closeTicket: true, mailSend: true, delete: false, mergeTickets: false, export: false, import: false },
    contacts: { view: true, create: true, edit: true, delete: false, export: false },
    setup: { manageAgents: false, permission: false, automation: false },
  },
});

/** The CRM advisors' profile already exists (made by hand in the admin UI): adopt it rather than copy it. */
const advisors = new zohoDesk.Profile("crm-advisors", {
  name: "Agent Advisors",
  adopt: "Agent Advisors",
  transferToProfile: "Agent",
  permissions: {
    crmInteg: { crmAccountsInfo: true, crmContactsInfo: true, crmAccountsNotes: true, crmContactsNotes: true },
    tickets: { delete: false, export: false },
  },
});

/** Auditors read everything and change nothing. */
const auditors = new zohoDesk.Profile("auditors", {
  name: "Read-only Auditors",
  description: "Compliance reviewers: read access to tickets, customers and reports; no changes.",
  cloneFrom: "Agent",
  transferToProfile: "Agent",
  permissions: {
    tickets: { ...viewOnly, mergeTickets: false, changeOwner: false, closeTicket: false, mailSend: false, addFollowers: false },
    contacts: viewOnly,
    accounts: viewOnly,
    reports: { view: true, create: false, edit: false, delete: false, export: false },
    comments: { edit: false, delete: false },
  },
});

export const profileIds = { tier1: tier1.profileId, advisors: advisors.profileId, auditors: auditors.profileId };
