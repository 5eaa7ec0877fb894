import { z } from "zod";
import { displayName, freeText } from "../core/text-rules";
import { zohoConnectionArgument } from "../zoho/connection";
import { permissionMatrix, PermissionModule } from "./permission-matrix";

type ModuleSwitches<M extends PermissionModule> = { [K in (typeof permissionMatrix)[M]["keys"][number]]?: boolean };
export type DeskPermissions = { [M in PermissionModule]?: ModuleSwitches<M> };

function moduleSchema(module: PermissionModule) {
  const { keys, doc } = permissionMatrix[module];
  const switches = Object.fromEntries(keys.map((key) => [key, z.boolean().optional()]));
  return z.strictObject(switches).optional().describe(doc);
}

/** What a program may declare: any subset of the matrix, strictly (a typo is an error, not a silent no-op). */
export const permissionsSchema = z
  .strictObject(Object.fromEntries(Object.keys(permissionMatrix).map((m) => [m, moduleSchema(m as PermissionModule)])))
  .describe("Permission switches this resource owns. Keys left out keep whatever value the profile has.") as unknown as z.ZodType<DeskPermissions>;

const profileReference = (what: string) =>
  z.string().trim().min(1, `${what} must name a profile (its name or id)`).max(50, `${what} names a profile, at most 50 characters`);

/** Zoho Desk's limits on a profile (Update profile document). */
export const NAME_MAX = 50;
export const DESCRIPTION_MAX = 3200;

export const profileArgsSchema = z.strictObject({
  name: displayName("name", "Zoho Desk", NAME_MAX).describe("Profile name, unique in the org (compared case-insensitively). At most 50 UTF-16 code units (an emoji counts two); no control characters; not blank or invisible-only."),
  description: freeText("description", "Zoho Desk", DESCRIPTION_MAX)
    .optional()
    .describe("Profile description, at most 3200 characters; no control characters but line breaks and tabs. A profile this resource creates also carries a one-line ownership marker after it, which counts towards the 3200."),
  permissions: permissionsSchema.optional(),
  cloneFrom: profileReference("cloneFrom").optional().describe("Profile to clone when creating (name or id). Default: Agent. Only used at creation."),
  transferToProfile: profileReference("transferToProfile").optional().describe("Profile (name or id) that receives this profile's agents when it is deleted."),
  adopt: profileReference("adopt").optional().describe("Bring this existing profile (name or id) under management instead of creating one. Only used at creation."),
  connection: zohoConnectionArgument,
}).superRefine((args, ctx) => {
  if (args.adopt !== undefined && args.cloneFrom !== undefined) {
    ctx.addIssue({ code: "custom", path: ["cloneFrom"], message: "cloneFrom cannot be combined with adopt: an adopted profile already exists and is not cloned; remove one of them" });
  }
});

export type ProfileArgs = z.infer<typeof profileArgsSchema>;

/** What Zoho Desk returns: read tolerantly, so a field Zoho adds tomorrow is kept, not rejected. */
export const liveProfileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  default: z.boolean().optional(),
  isVisible: z.boolean().optional(),
  type: z.string().optional(),
  permissions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type LiveProfile = z.infer<typeof liveProfileSchema>;

export const liveAgentSchema = z.looseObject({ id: z.string(), emailId: z.string().optional(), profileId: z.string().optional() });
export type LiveAgent = z.infer<typeof liveAgentSchema>;

/** Allowed keys per object path, for "did you mean" hints on typos. */
export function allowedProfileKeys(path: string[]): readonly string[] | undefined {
  if (path.length === 0) return Object.keys(profileArgsSchema.shape);
  if (path.length === 1 && path[0] === "permissions") return Object.keys(permissionMatrix);
  if (path.length === 2 && path[0] === "permissions") return permissionMatrix[path[1] as PermissionModule]?.keys;
  return undefined;
}
