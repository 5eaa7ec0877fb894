import { z } from "zod";
import { zohoConnectionArgument } from "../zoho/connection";
import { NAME_MAX, permissionsSchema } from "./schema";

/** What a program may declare for a zohoCrm.ProfilePermissionSet: an existing profile and a few of its switches. */
export const profilePermissionSetArgsSchema = z.strictObject({
  profile: z
    .string()
    .trim()
    .min(1, "profile must name an existing Zoho CRM profile (its name or id)")
    .max(NAME_MAX, `profile names a profile, at most ${NAME_MAX} characters`)
    .describe("The existing custom profile (name or id) whose switches this resource sets. Administrator, Standard and lite profiles cannot be edited in Zoho CRM, so they are refused. Changing it to another profile restores the old one and sets the new one."),
  permissions: permissionsSchema
    .refine((permissions) => Object.keys(permissions).length > 0, "permissions must list at least one permission (e.g. { Crm_Implied_Delete_Leads: false }); a set that manages nothing has no purpose")
    .describe("The switches this resource manages, by permission name (at least one). Others are not touched. The values found at creation are kept in originalPermissions and put back on destroy, or when a permission is dropped from this list."),
  connection: zohoConnectionArgument,
});

export type ProfilePermissionSetArgs = z.infer<typeof profilePermissionSetArgsSchema>;

export function allowedPermissionSetKeys(path: string[]): readonly string[] | undefined {
  return path.length === 0 ? Object.keys(profilePermissionSetArgsSchema.shape) : undefined;
}
