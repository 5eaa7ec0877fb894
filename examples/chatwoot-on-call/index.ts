import * as pulumi from "@pulumi/pulumi";
import { chatwoot } from "pulumi-helpdesk";

const config = new pulumi.Config();
// A stack setting: who carries the pager this week is online, everyone else busy.
const onCall = config.get("onCall") ?? "lea@acme.test";

/** Team leads work conversations and read reports; they do not manage contacts or the knowledge base. */
const teamLeads = new chatwoot.CustomRole("team-leads", {
  name: "Team Leads",
  description: "On-call leads: every conversation, and the reports",
  permissions: ["conversation_manage", "conversation_unassigned_manage", "report_manage"],
});

const administrators = [{ key: "ops-admin", name: "Olu Ops", email: "olu@acme.test" }];
const leads = [
  { key: "lea", name: "Lea Lead", email: "lea@acme.test" },
  { key: "max", name: "Max Night", email: "max@acme.test" },
];
const agents = [{ key: "sam", name: "Sam Support", email: "sam@acme.test" }];

const availability = (email: string) => (email === onCall ? "online" : "busy");

for (const person of administrators) {
  new chatwoot.Agent(person.key, { name: person.name, email: person.email, role: "administrator", availability: availability(person.email) });
}
// The role this program creates is referred to by its id output, which also orders the creates.
const leadAgents = leads.map((person) =>
  new chatwoot.Agent(person.key, { name: person.name, email: person.email, role: "agent", customRole: teamLeads.customRoleId, availability: availability(person.email) }));
for (const person of agents) {
  new chatwoot.Agent(person.key, { name: person.name, email: person.email, role: "agent", availability: availability(person.email), autoOffline: false });
}

/** The token's own user (the administrator running this program) signs replies as the on-call desk. */
new chatwoot.Profile("me", { messageSignature: "Acme Support, on call", restoreOnDestroy: true });

export const teamLeadsRoleId = teamLeads.customRoleId;
export const leadIds = leadAgents.map((agent) => agent.agentId);
