import { z } from "zod";
import { isTree, leafPaths } from "../core/leaves";
import { zohoConnectionArgument } from "../zoho/connection";
import { allowedProfileKeys, DeskPermissions, NAME_MAX, permissionsSchema } from "./schema";

/**
 * What a program may declare for a zohoDesk.ProfilePermissionSet: an existing profile and a few of its switches,
 * in the same strict matrix as zohoDesk.Profile (a typo is an error, not a silent no-op).
 */
export const profilePermissionSetArgsSchema = z
  .strictObject({
    profile: z
      .string()
      .trim()
      .min(1, "profile must name an existing Zoho Desk profile (its name or id)")
      .max(NAME_MAX, `profile names a profile, at most ${NAME_MAX} characters`)
      .describe("The existing profile (name or id) whose switches this resource sets, e.g. a custom default profile such as Supervisor, or one made by hand. Built-in profiles (Support Administrator, Agent, Light Agent) and the portal profile cannot be edited in Zoho Desk, so they are refused. Changing it to another profile restores the old one and sets the new one."),
    permissions: (permissionsSchema as z.ZodType<DeskPermissions>).describe(
      "The permission switches this resource manages (at least one). Keys left out are not touched. The values found at creation are kept in originalPermissions and put back on destroy, or when a key is dropped from this list.",
    ),
    connection: zohoConnectionArgument,
  })
  .superRefine((args, ctx) => {
    if (isTree(args.permissions) && leafPaths(args.permissions).length === 0) {
      ctx.addIssue({ code: "custom", path: ["permissions"], message: "permissions must list at least one permission key (e.g. { tickets: { delete: false } }); a set that manages nothing has no purpose" });
    }
  });

export type ProfilePermissionSetArgs = z.infer<typeof profilePermissionSetArgsSchema>;

/** Allowed keys per object path, for "did you mean" hints on typos; the matrix part is Profile's own. */
export function allowedPermissionSetKeys(path: string[]): readonly string[] | undefined {
  if (path.length === 0) return Object.keys(profilePermissionSetArgsSchema.shape);
  return path[0] === "permissions" ? allowedProfileKeys(path) : undefined;
}
