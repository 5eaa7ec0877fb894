import { describeOwner, markedOwner, withoutMarker } from "../../provider/core/ownership";
import { Settings } from "../../provider/core/settings";
import { deskAccount } from "../../provider/zohoDesk/account";
import { permissionMatrix, permissionModules } from "../../provider/zohoDesk/permission-matrix";
import { LiveProfile } from "../../provider/zohoDesk/schema";
import { ResourceNames } from "./names";
import { connectionArgs, ExportedResource, ExportOptions, ExportPlan } from "./plan";

/** Zoho's default clone source, the profile a `--permissions diff` export writes the difference from. */
const BASE_PROFILE = "Agent";

type Switches = Record<string, Record<string, boolean>>;

/** The profile's switches in the matrix the resource accepts (a key Zoho adds tomorrow would be refused, so it is left out). */
export function deskSwitches(profile: LiveProfile): Switches {
  const switches: Switches = {};
  for (const module of permissionModules) {
    const live = profile.permissions?.[module] ?? {};
    const keys = (permissionMatrix[module].keys as readonly string[]).filter((key) => typeof live[key] === "boolean");
    if (keys.length > 0) switches[module] = Object.fromEntries(keys.map((key) => [key, live[key] as boolean]));
  }
  return switches;
}

function difference(switches: Switches, base: Switches): Switches {
  const out: Switches = {};
  for (const [module, keys] of Object.entries(switches)) {
    const differing = Object.entries(keys).filter(([key, value]) => base[module]?.[key] !== value);
    if (differing.length > 0) out[module] = Object.fromEntries(differing);
  }
  return out;
}

const isBuiltIn = (p: LiveProfile) => p.type !== undefined && p.type !== "Custom";

/**
 * Zoho Desk profiles: custom ones adopted as zohoDesk.Profile; Zoho's custom default profiles (Supervisor and the
 * like: editable, never deletable) left out or wrapped as zohoDesk.ProfilePermissionSet; built-in and portal
 * profiles, which nobody may edit, always left out.
 */
export async function exportZohoDesk(settings: Settings, options: ExportOptions): Promise<ExportPlan> {
  const account = deskAccount(settings, options.connection);
  const profiles = await account.client.listProfiles();
  process.stderr.write(`read ${profiles.length} profiles of Zoho Desk org ${account.orgId}\n`);
  const base = profiles.find((p) => p.name === BASE_PROFILE && p.type === "Agent") ?? profiles.find((p) => p.name === BASE_PROFILE);
  const diffing = options.permissions === "diff" && base !== undefined;
  const names = new ResourceNames(options.connection);
  const resources: ExportedResource[] = [];
  const leftOut: string[] = [];

  for (const profile of profiles) {
    const owner = markedOwner(profile.description);
    const full = deskSwitches(profile);
    const permissions = diffing ? difference(full, deskSwitches(base!)) : full;
    const declared = Object.keys(permissions).length > 0 ? { permissions } : {};
    const notes = diffing ? [`permissions: only the switches that differ from ${BASE_PROFILE}; the others keep their live values`] : [];
    if (isBuiltIn(profile)) {
      leftOut.push(`"${profile.name}" (${profile.type}): a built-in Zoho Desk profile; Zoho lets nobody edit it`);
    } else if (owner) {
      leftOut.push(`"${profile.name}": already managed by ${describeOwner(owner)}`);
    } else if (profile.default === true) {
      if (options.system === "skip" || Object.keys(permissions).length === 0) {
        leftOut.push(`"${profile.name}": a default profile of the org (it cannot be deleted)${options.system === "skip" ? "; --system permission-sets manages its switches" : `; it has the same switches as ${BASE_PROFILE}`}`);
        continue;
      }
      resources.push({
        kind: "zohoDesk.ProfilePermissionSet",
        name: names.allocate(profile.name, `profile-${profile.id}`),
        args: { profile: profile.name, permissions, ...connectionArgs(options) },
        notes: [`"${profile.name}" is a default profile of the org: this set manages its switches and never deletes it`, ...notes],
      });
    } else {
      const description = withoutMarker(profile.description ?? "");
      resources.push({
        kind: "zohoDesk.Profile",
        name: names.allocate(profile.name, `profile-${profile.id}`),
        args: { name: profile.name, adopt: profile.name, ...(description ? { description } : {}), ...declared, ...connectionArgs(options) },
        notes,
      });
    }
  }
  return {
    namespaces: ["zohoDesk"],
    heading: [`Zoho Desk org ${account.orgId}${options.connection ? ` (connection ${options.connection})` : ""}, exported by pulumi-helpdesk export.`, ...adoptionHeading],
    resources,
    leftOut,
  };
}

/** Said at the top of every exported program. */
export const adoptionHeading = [
  "Every resource adopts an existing object: the first `pulumi up` changes nothing (`preview` says so), and from then",
  "on `pulumi destroy` deletes what the program manages (add the retainOnDelete option to keep an object).",
  "Credentials stay in the environment or the stack's config, as the README's \"Settings and credentials\" says.",
];
