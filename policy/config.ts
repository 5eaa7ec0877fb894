import { z } from "zod";
import { TEAM_ROLES } from "../provider/imichat/schema";

/**
 * Each policy's settings, as zod schemas: the JSON Schema the engine checks a policy config file against is made
 * from these (configSchemaOf), and the policies read their settings through them, so defaults live in one place.
 */
const names = (what: string) => z.array(z.string().trim().min(1, `an entry of ${what} is empty`));

export const administratorProfilesConfig = z.strictObject({
  administratorProfiles: names("administratorProfiles")
    .default([])
    .describe(
      "The Zoho Desk and Zoho CRM profiles that may delete tickets and export data: profile names (compared case-insensitively, " +
        "as the vendors compare them), or the profile id a permission set names its profile by. Default: none.",
    ),
});

export const setupPermissionsConfig = z.strictObject({
  crmSetupPermissions: names("crmSetupPermissions")
    .default(["Crm_Implied_Customize_*", "Crm_Implied_*_Admin"])
    .describe(
      "Zoho CRM permission names a permission set must not grant, * matching any characters. Zoho's API does not mark " +
        "setup permissions, so name your org's; the default covers module customisation and the admin permissions. " +
        "Zoho Desk's are its setup module (permissions.setup.*).",
    ),
});

export const listedAdministratorsConfig = z.strictObject({
  administrators: names("administrators")
    .default([])
    .describe("Who may be an administrator: emails (compared case-insensitively), or IMIchat login ids. Default: nobody."),
  imichatAdministratorRoles: z
    .array(z.enum(TEAM_ROLES))
    .default(["Team Manager"])
    .describe(`IMIchat team roles that count as administrator (any of ${TEAM_ROLES.join(", ")}). Default: Team Manager.`),
});

export type AdministratorProfilesConfig = z.infer<typeof administratorProfilesConfig>;
export type SetupPermissionsConfig = z.infer<typeof setupPermissionsConfig>;
export type ListedAdministratorsConfig = z.infer<typeof listedAdministratorsConfig>;

export const noSettings = z.strictObject({});

/**
 * A policy's settings from the engine, defaults filled in. The engine checks types against the JSON Schema but lets
 * unknown keys through, so a misspelt setting is refused here, naming it and the policy's settings.
 */
export function settingsOf<C extends z.ZodObject>(policyName: string, schema: C, config: unknown): z.infer<C> {
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const known = Object.keys(schema.shape);
  throw new Error(
    `policy config of ${policyName}: ${parsed.error.issues.map((issue) => issue.message).join("; ")} ` +
      `(its settings: ${known.length > 0 ? known.join(", ") : "none"}, and enforcementLevel)`,
  );
}

/** The JSON Schema of a policy's settings, in the shape @pulumi/policy takes (properties, required). */
export function configSchemaOf(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input" }) as { properties: Record<string, object> };
  return { properties: json.properties };
}
