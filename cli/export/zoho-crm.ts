import { describeOwner, markedOwner, withoutMarker } from "../../provider/core/ownership";
import { Settings } from "../../provider/core/settings";
import { ZohoConnection } from "../../provider/zoho/connection";
import { crmAccount } from "../../provider/zohoCrm/account";
import { CrmPermissions, DetailedProfile, isSystemProfile } from "../../provider/zohoCrm/schema";
import { ResourceNames } from "./names";
import { connectionArgs, ExportedResource, ExportOptions, ExportPlan } from "./plan";
import { readEach } from "./progress";
import { adoptionHeading } from "./zoho-desk";

/** Zoho CRM's default clone source, the profile a `--permissions diff` export writes the difference from. */
const BASE_PROFILE = "Standard";

/** Switches by name, the customizable ones only: the resource refuses a permission Zoho lets nobody change. */
export function crmSwitches(profile: DetailedProfile): CrmPermissions {
  return Object.fromEntries(profile.permissions_details.filter((p) => p.customizable !== false).map((p) => [p.name, p.enabled]));
}

/**
 * Zoho CRM profiles: custom ones adopted as zohoCrm.Profile, one read each for the permissions (the list carries
 * none). Administrator, Standard and the lite profile are left out whatever --system says: Zoho lets nobody edit
 * them, so neither a profile nor a permission set can manage them.
 */
export async function exportZohoCrm(settings: Settings, options: ExportOptions): Promise<ExportPlan> {
  const account = crmAccount(settings, options.connection);
  const listed = await account.client.listProfiles();
  const custom = listed.filter((p) => !isSystemProfile(p) && !markedOwner(p.description));
  const base = listed.find((p) => p.name === BASE_PROFILE);
  const toRead = options.permissions === "diff" && base ? [base, ...custom] : custom;
  const detailed = await readEach(toRead, "profiles", async (p) => (await account.getProfile(p.id))!);
  const baseSwitches = options.permissions === "diff" && base ? crmSwitches(detailed.shift()!) : undefined;
  const names = new ResourceNames(options.connection);
  const leftOut = listed.filter((p) => !custom.includes(p)).map((p) => {
    const owner = markedOwner(p.description);
    return owner ? `"${p.name}": already managed by ${describeOwner(owner)}` : `"${p.name}": a system profile; Zoho CRM lets nobody edit it, so no resource can manage it`;
  });
  const resources: ExportedResource[] = detailed.map((profile) => {
    const full = crmSwitches(profile);
    const permissions = baseSwitches ? Object.fromEntries(Object.entries(full).filter(([name, on]) => baseSwitches[name] !== on)) : full;
    const description = withoutMarker(profile.description ?? "");
    return {
      kind: "zohoCrm.Profile",
      name: names.allocate(profile.name, `profile-${profile.id}`),
      args: {
        name: profile.name, adopt: profile.name, ...(description ? { description } : {}),
        ...(Object.keys(permissions).length > 0 ? { permissions } : {}), ...connectionArgs(options),
      },
      notes: baseSwitches ? [`permissions: only the switches that differ from ${BASE_PROFILE}; the others keep their live values`] : [],
    };
  });
  return {
    namespaces: ["zohoCrm"],
    heading: [`Zoho CRM org at ${new ZohoConnection(settings, options.connection).crmApiBaseUrl()}${options.connection ? ` (connection ${options.connection})` : ""}, exported by pulumi-helpdesk export.`, ...adoptionHeading],
    resources,
    leftOut,
  };
}
