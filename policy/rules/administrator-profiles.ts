import { permissionMatrix } from "../../provider/zohoDesk/permission-matrix";
import { AdministratorProfilesConfig } from "../config";
import { label, grantedPaths, inWords, listed, PolicyResource } from "../resource";

export const RULE = "only an administrator profile may delete tickets or export data";

/** Zoho Desk: deleting tickets, and every export switch of the matrix (module exports, portal users, users). */
const deskGuarded = new Set([
  "tickets.delete",
  ...Object.entries(permissionMatrix).flatMap(([module, { keys }]) =>
    (keys as readonly string[]).filter((key) => key.startsWith("export")).map((key) => `${module}.${key}`),
  ),
]);

/** Zoho CRM: tickets are Cases (delete, mass delete), and every Export permission. */
const crmGuarded = (name: string) => name === "Crm_Implied_Delete_Cases" || name === "Crm_Implied_Mass_Delete_Cases" || name.startsWith("Crm_Implied_Export_");

/** Per kind: which argument names the profile, and which granted switches only an administrator profile may hold. */
const KINDS: Record<string, { profileArgument: "name" | "profile"; guarded: (path: string) => boolean }> = {
  "zohoDesk:Profile": { profileArgument: "name", guarded: (path) => deskGuarded.has(path) },
  "zohoDesk:ProfilePermissionSet": { profileArgument: "profile", guarded: (path) => deskGuarded.has(path) },
  "zohoCrm:Profile": { profileArgument: "name", guarded: crmGuarded },
  "zohoCrm:ProfilePermissionSet": { profileArgument: "profile", guarded: crmGuarded },
};

export const appliesTo = Object.keys(KINDS);

export function administratorProfileViolations(resource: PolicyResource, config: AdministratorProfilesConfig): string[] {
  const kind = resource.kind === undefined ? undefined : KINDS[resource.kind];
  if (!kind) return [];
  const granted = grantedPaths(resource.props.permissions).filter(kind.guarded);
  const profile = resource.props[kind.profileArgument];
  if (granted.length === 0 || listed(profile, config.administratorProfiles)) return [];
  const administrators = config.administratorProfiles.length === 0 ? "none is configured" : `they are ${inWords(config.administratorProfiles)}`;
  return [
    `${label(resource)} grants ${inWords(granted)} to profile ${JSON.stringify(profile)}: ${RULE}. ` +
      `Remove the switches, or add the profile to administratorProfiles in the policy config (${administrators}).`,
  ];
}
