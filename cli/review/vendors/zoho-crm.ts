import { Settings } from "../../../provider/core/settings";
import { crmAccount } from "../../../provider/zohoCrm/account";
import { readEach } from "../../export/progress";
import { AccessModel } from "../model";
import { ProgramResource } from "../program-state";
import { flatSwitches } from "./lookup";
import { intendProfiles, profileHolder } from "./profiles";

/** Zoho CRM: every profile with its enabled permissions (one read each) and the org's active users. */
export async function liveZohoCrm(settings: Settings, connection: string | undefined): Promise<AccessModel> {
  const account = crmAccount(settings, connection);
  const [profiles, users] = await Promise.all([account.client.listProfiles(), account.client.listUsers()]);
  const detailed = await readEach(profiles, "profiles", (p) => account.client.getProfile(p.id));
  const holders = new Map(profiles.map((p, i) => [p.id, profileHolder(p.id, p.name, (detailed[i]?.permissions_details ?? []).filter((d) => d.enabled).map((d) => d.name))]));
  const people = users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email, holders: [u.profile.id] }));
  return { holders, people };
}

export function intendZohoCrm(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void {
  intendProfiles(model, resources, { profile: "zohoCrm:Profile", permissionSet: "zohoCrm:ProfilePermissionSet", defaultCloneSource: "Standard", switches: flatSwitches }, connection);
}
