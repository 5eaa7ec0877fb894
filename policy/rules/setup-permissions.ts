import { SetupPermissionsConfig } from "../config";
import { label, grantedPaths, inWords, PolicyResource } from "../resource";

export const RULE = "no permission set grants setup permissions";

/** "Crm_Implied_Customize_*" as a whole-name pattern; every other character stands for itself. */
const pattern = (glob: string) => new RegExp(`^${glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);

const setupGrants: Record<string, (permissions: unknown, config: SetupPermissionsConfig) => string[]> = {
  "zohoDesk:ProfilePermissionSet": (permissions) => grantedPaths(permissions).filter((path) => path.startsWith("setup.")),
  "zohoCrm:ProfilePermissionSet": (permissions, config) => {
    const patterns = config.crmSetupPermissions.map(pattern);
    return grantedPaths(permissions).filter((name) => patterns.some((p) => p.test(name)));
  },
};

export const appliesTo = Object.keys(setupGrants);

export function setupPermissionViolations(resource: PolicyResource, config: SetupPermissionsConfig): string[] {
  const grants = resource.kind === undefined ? undefined : setupGrants[resource.kind];
  const granted = grants ? grants(resource.props.permissions, config) : [];
  if (granted.length === 0) return [];
  return [
    `${label(resource)} grants ${inWords(granted)} to profile ${JSON.stringify(resource.props.profile)}: ${RULE}. ` +
      "Set them to false or leave them out; setup belongs to an administrator profile, declared whole as a Profile.",
  ];
}
