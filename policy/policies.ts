import { ResourceValidation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { administratorProfilesConfig, configSchemaOf, listedAdministratorsConfig, noSettings, settingsOf, setupPermissionsConfig } from "./config";
import { PolicyResource, policyResource } from "./resource";
import * as administratorProfiles from "./rules/administrator-profiles";
import * as administrators from "./rules/administrators";
import * as descriptions from "./rules/descriptions";
import * as setupPermissions from "./rules/setup-permissions";

/** A resource policy with one validation function (the SDK also takes a list). */
type HelpdeskPolicy = ResourceValidationPolicy & { validateResource: ResourceValidation };

/** A policy of the pack: its rule in words, the kinds it reads, and its settings (config) schema. */
function policy<C extends z.ZodObject>(
  name: string,
  rule: { RULE: string; appliesTo: string[] },
  config: C,
  violations: (resource: PolicyResource, settings: z.infer<C>) => string[],
): HelpdeskPolicy {
  return {
    name,
    description: `${rule.RULE[0].toUpperCase()}${rule.RULE.slice(1)} (${rule.appliesTo.map((kind) => kind.replace(":", ".")).join(", ")}).`,
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(config),
    validateResource: (args: ResourceValidationArgs, reportViolation) => {
      const settings = settingsOf(name, config, args.getConfig());
      for (const message of violations(policyResource(args.type, args.name, args.props), settings)) reportViolation(message);
    },
  };
}

export const policies: HelpdeskPolicy[] = [
  policy("only-administrator-profiles-delete-tickets-or-export", administratorProfiles, administratorProfilesConfig, administratorProfiles.administratorProfileViolations),
  policy("no-setup-permissions-in-permission-sets", setupPermissions, setupPermissionsConfig, setupPermissions.setupPermissionViolations),
  policy("profiles-have-descriptions", descriptions, noSettings, descriptions.descriptionViolations),
  policy("administrators-are-listed", administrators, listedAdministratorsConfig, administrators.administratorViolations),
];
