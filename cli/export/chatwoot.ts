import { chatwootAccount, notAdministratorReason } from "../../provider/chatwoot/account";
import { LiveAgent, LiveCustomRole, LiveProfile } from "../../provider/chatwoot/live";
import { Settings } from "../../provider/core/settings";
import { ResourceNames } from "./names";
import { connectionArgs, ExportedResource, ExportOptions, ExportPlan } from "./plan";
import { adoptionHeading } from "./zoho-desk";

const brandOf = (connection?: string) => (connection === "omnivibe" ? "Omnivibe" : "Chatwoot");

/**
 * A Chatwoot (or Omnivibe) account: its custom roles (chatwoot.CustomRole), its members (chatwoot.Agent, the custom
 * role by name) and the token's own user (chatwoot.Profile), all adopted. The token's user is written as the
 * Profile only: as an Agent, a destroy would remove the very membership the token needs.
 */
export async function exportChatwoot(settings: Settings, options: ExportOptions): Promise<ExportPlan> {
  const account = chatwootAccount(settings, options.connection);
  const self = await account.self();
  const names = new ResourceNames(options.connection);
  const resources: ExportedResource[] = [profileResource(self, account.accountId, names, options)];
  const leftOut: string[] = [];
  const refused = await notAdministratorReason(account, "managing agents and custom roles");
  if (refused) {
    leftOut.push(`agents and custom roles: ${refused}`);
  } else {
    const [roles, agents] = await Promise.all([account.customRoles.all(), account.agents.all()]);
    process.stderr.write(`read ${roles.length} custom roles and ${agents.length} agents of ${account.label}\n`);
    resources.push(...roles.map((role) => customRoleResource(role, names, options)));
    for (const agent of agents) {
      if (agent.id === self.id) leftOut.push(`the agent ${agent.email}: the access token's own user, managed as the chatwoot.Profile below`);
      else resources.push(agentResource(agent, roles, names, options));
    }
  }
  return {
    namespaces: ["chatwoot"],
    heading: [`${brandOf(options.connection)} account ${account.label}${options.connection ? ` (connection ${options.connection})` : ""}, exported by pulumi-helpdesk export.`, ...adoptionHeading],
    resources,
    leftOut,
  };
}

function profileResource(self: LiveProfile, accountId: number, names: ResourceNames, options: ExportOptions): ExportedResource {
  const availability = self.accounts.find((a) => a.id === accountId)?.availability;
  return {
    kind: "chatwoot.Profile",
    name: names.allocate(self.name, `user-${self.id}`),
    args: {
      name: self.name,
      ...(self.displayName ? { displayName: self.displayName } : {}),
      ...(self.messageSignature ? { messageSignature: self.messageSignature } : {}),
      ...(self.phoneNumber ? { phoneNumber: self.phoneNumber } : {}),
      ...(availability ? { availability } : {}),
      ...connectionArgs(options),
    },
    notes: [`the access token's own user (${self.email}); a Profile adopts it by nature and leaves it on destroy`],
  };
}

function customRoleResource(role: LiveCustomRole, names: ResourceNames, options: ExportOptions): ExportedResource {
  return {
    kind: "chatwoot.CustomRole",
    name: names.allocate(role.name, `custom-role-${role.id}`),
    args: { name: role.name, ...(role.description ? { description: role.description } : {}), permissions: role.permissions, adopt: true, ...connectionArgs(options) },
  };
}

function agentResource(agent: LiveAgent, roles: LiveCustomRole[], names: ResourceNames, options: ExportOptions): ExportedResource {
  const customRole = agent.role === "agent" && agent.customRoleId !== null ? roles.find((r) => r.id === agent.customRoleId) : undefined;
  return {
    kind: "chatwoot.Agent",
    name: names.allocate(agent.name, `agent-${agent.id}`),
    args: {
      name: agent.name,
      email: agent.email,
      role: agent.role,
      // With auto offline on, Chatwoot shows presence instead of the stored availability, so it is not declared.
      ...(agent.autoOffline ? {} : { availability: agent.availabilityStatus }),
      autoOffline: agent.autoOffline,
      ...(customRole ? { customRole: customRole.name } : {}),
      adopt: true,
      ...connectionArgs(options),
    },
  };
}
