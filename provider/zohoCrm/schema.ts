import { z } from "zod";
import { displayName, freeText } from "../core/text-rules";
import { zohoConnectionArgument } from "../zoho/connection";

/** Zoho CRM's limits on a profile (v8 clone and update documents; README §2.1, §2.2). */
export const NAME_MAX = 50;
/** The clone and update requests allow 250 (the profile object says 255; the request limit is the one enforced). */
export const DESCRIPTION_MAX = 250;
/** The v8 profile schema's name pattern: ^[^~`#%^&*()+|,={};\[\]"]+$ */
export const FORBIDDEN_NAME_CHARACTERS = "~`#%^&*()+|,={};[]\"";

/** Permission names (Crm_Implied_View_Leads) to switches; names, never ids, so one program fits every org. */
export type CrmPermissions = Record<string, boolean>;

/** The characters of `name` Zoho refuses in a profile name, each once, in Zoho's order (by code point). */
export function forbiddenCharactersIn(name: string): string[] {
  return [...new Set([...name].filter((c) => FORBIDDEN_NAME_CHARACTERS.includes(c)))].sort();
}

export const profileNameSchema = displayName("name", "Zoho CRM", NAME_MAX).superRefine((name, ctx) => {
  const bad = forbiddenCharactersIn(name);
  if (bad.length > 0) {
    ctx.addIssue({ code: "custom", message: `name must not contain ${bad.map((c) => `'${c}'`).join(", ")}: Zoho CRM refuses the characters ${FORBIDDEN_NAME_CHARACTERS} in profile names` });
  }
});

/**
 * Switches by permission name. The names are checked against the org's own catalogue at preview (with "did you
 * mean"), since the catalogue differs per org and edition and is only known by asking Zoho.
 */
export const permissionsSchema = z
  .record(z.string().regex(/^\S+$/, "a permission name has no spaces (e.g. Crm_Implied_View_Leads)"), z.boolean())
  .describe(
    "Permission switches by Zoho CRM permission name (e.g. { Crm_Implied_View_Leads: true, Crm_Implied_Delete_Leads: false }), never ids: " +
      "names are resolved to each org's ids when applied. Keys left out keep whatever value the profile has. Checked at preview against the org's " +
      "catalogue: unknown names (with the closest valid ones), permissions Zoho marks not customizable, and a child granted while its parent is off.",
  );

export const profileReference = (what: string) =>
  z.string().trim().min(1, `${what} must name a profile (its name or id)`).max(NAME_MAX, `${what} names a profile, at most ${NAME_MAX} characters`);

export const profileArgsSchema = z.strictObject({
  name: profileNameSchema.describe(
    "Profile name, unique in the org (compared case-insensitively). At most 50 UTF-16 code units; none of ~`#%^&*()+|,={};[]\"; no control characters; not blank. Renaming is an in-place update.",
  ),
  description: freeText("description", "Zoho CRM", DESCRIPTION_MAX)
    .optional()
    .describe("Profile description, at most 250 characters, including the ownership marker a profile this resource creates carries after it (the preview says how many fit)."),
  permissions: permissionsSchema.optional(),
  cloneFrom: profileReference("cloneFrom").optional().describe("Profile to clone when creating (name or id). Default: Standard. Not the lite profile (Zoho refuses to clone it). Only used at creation."),
  transferToProfile: profileReference("transferToProfile")
    .optional()
    .describe("Profile (name or id) that receives this profile's users when it is deleted; Zoho requires one on every delete. Default: Standard (the API shows no profile's users, so they move there without notice)."),
  adopt: profileReference("adopt").optional().describe("Bring this existing custom profile (name or id) under management instead of creating one. Administrator, Standard and lite profiles cannot be edited, so cannot be adopted. Only used at creation."),
  connection: zohoConnectionArgument,
}).superRefine((args, ctx) => {
  if (args.adopt !== undefined && args.cloneFrom !== undefined) {
    ctx.addIssue({ code: "custom", path: ["cloneFrom"], message: "cloneFrom cannot be combined with adopt: an adopted profile already exists and is not cloned; remove one of them" });
  }
});

export type ProfileArgs = z.infer<typeof profileArgsSchema>;

/** Allowed top-level keys, for "did you mean" hints on a misspelt argument. */
export function allowedProfileKeys(path: string[]): readonly string[] | undefined {
  return path.length === 0 ? Object.keys(profileArgsSchema.shape) : undefined;
}

// What Zoho CRM returns, read tolerantly (looseObject): a field Zoho adds tomorrow is kept, not rejected.

/** One entry of a single profile's permissions_details (README §2.2). */
export const livePermissionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  customizable: z.boolean().optional(),
  parent_permissions: z.array(z.string()).nullable().optional(),
  display_label: z.string().nullable().optional(),
  module: z.string().nullable().optional(),
});
export type LivePermission = z.infer<typeof livePermissionSchema>;

/** A profile as the list shows it (no permissions) or as a single GET shows it (with permissions_details). */
export const liveProfileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  custom: z.boolean().optional(),
  type: z.string().optional(),
  api_name: z.string().optional(),
  permissions_details: z.array(livePermissionSchema).optional(),
});
export type LiveProfile = z.infer<typeof liveProfileSchema>;

/** A single GET: the profile with its permissions. */
export type DetailedProfile = LiveProfile & { permissions_details: LivePermission[] };

/** Administrator, Standard (custom: false) and the lite profiles: Zoho refuses to update or delete them. */
export const isSystemProfile = (profile: LiveProfile) => profile.custom === false || profile.type === "lite_profile";
export const isLiteProfile = (profile: LiveProfile) => profile.type === "lite_profile";

/** Switch states by permission name, from a single GET. */
export function switchesOf(profile: DetailedProfile): CrmPermissions {
  return Object.fromEntries(profile.permissions_details.map((p) => [p.name, p.enabled]));
}
