import { CheckFailure } from "../core/resource-kind";
import { PermissionCatalogue } from "./permission-catalogue";
import { CrmPermissions } from "./schema";

/** The profile whose current switches decide whether an undeclared parent is on: the clone source, or the profile itself. */
export interface BaseProfile {
  label: string;
  switches: CrmPermissions;
}

/**
 * What Zoho would refuse in these switches, found at preview: a name this org does not have (with the closest
 * ones), a permission Zoho marks not customizable, and a child granted while one of its parents is off, in the
 * program or in the base profile. The base is read only when a child's parent is left undeclared, and not for a
 * grant `previously` declared the same way on the same profile: Zoho accepted it then, and no write will send it.
 */
export async function permissionFailures(
  declared: CrmPermissions,
  catalogue: PermissionCatalogue,
  base: () => Promise<BaseProfile | undefined>,
  previously?: CrmPermissions,
): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  let baseProfile: Promise<BaseProfile | undefined> | undefined;
  for (const [name, enabled] of Object.entries(declared)) {
    const property = `permissions.${name}`;
    if (!catalogue.has(name)) {
      const near = catalogue.closest(name);
      const hint = near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(", ")}?)` : "";
      failures.push({ property, reason: `unknown permission '${name}': this Zoho CRM org has no permission of that name${hint}; names look like Crm_Implied_View_Leads` });
      continue;
    }
    if (!catalogue.isCustomizable(name)) {
      failures.push({ property, reason: `'${name}' is not customizable: Zoho CRM lets nobody change it on any profile (it answers "Permission is not customizable"); remove it from permissions` });
      continue;
    }
    if (!enabled) continue;
    for (const parent of catalogue.parentsOf(name)) {
      if (declared[parent] === false) {
        failures.push({ property, reason: `'${name}' is granted but its parent permission '${parent}' is declared false; Zoho CRM refuses a child whose parent is off: set ${parent}: true, or ${name}: false` });
      } else if (declared[parent] === undefined && !(previously?.[name] === true && previously[parent] === undefined)) {
        baseProfile ??= base();
        const found = await baseProfile;
        if (found && found.switches[parent] === false) {
          failures.push({ property, reason: `'${name}' needs its parent permission '${parent}', which is off in ${found.label} and not declared; Zoho CRM refuses a child whose parent is off: add ${parent}: true` });
        }
      }
    }
  }
  return failures;
}
