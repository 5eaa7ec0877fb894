import { Settings } from "../../../provider/core/settings";
import { deskAccount } from "../../../provider/zohoDesk/account";
import { readEach } from "../../export/progress";
import { deskSwitches } from "../../export/zoho-desk";
import { AccessModel, Person } from "../model";
import { ProgramResource } from "../program-state";
import { flatSwitches } from "./lookup";
import { intendProfiles, profileHolder } from "./profiles";

const on = (switches: Record<string, Record<string, boolean>>) =>
  Object.entries(switches).flatMap(([module, keys]) => Object.entries(keys).filter(([, value]) => value).map(([key]) => `${module}.${key}`));

/** Zoho Desk: every profile with its switches ("tickets.delete"), and its agents (one read per profile). */
export async function liveZohoDesk(settings: Settings, connection: string | undefined): Promise<AccessModel> {
  const account = deskAccount(settings, connection);
  const profiles = await account.client.listProfiles();
  const agents = await readEach(profiles, "profiles' agents", (p) => account.client.agentsOfProfile(p.id));
  const people = new Map<string, Person>();
  profiles.forEach((profile, index) => {
    for (const agent of agents[index] ?? []) {
      const name = [agent.firstName, agent.lastName].filter((part) => typeof part === "string" && part !== "").join(" ");
      const person = people.get(agent.id) ?? { id: agent.id, name: name || (agent.emailId ?? agent.id), email: agent.emailId ?? "", holders: [] };
      person.holders.push(profile.id);
      people.set(agent.id, person);
    }
  });
  return { holders: new Map(profiles.map((p) => [p.id, profileHolder(p.id, p.name, on(deskSwitches(p)))])), people: [...people.values()] };
}

export function intendZohoDesk(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void {
  intendProfiles(model, resources, { profile: "zohoDesk:Profile", permissionSet: "zohoDesk:ProfilePermissionSet", defaultCloneSource: "Agent", switches: flatSwitches }, connection);
}
