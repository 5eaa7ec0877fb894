import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { HelpdeskResource } from "../dynamic/resource";
import { ProfileFacts } from "./profile-state";
import { ProfilePermissionSetArgs } from "./profile-permission-set-schema";
import { CrmPermissions, ProfileArgs } from "./schema";

export type ProfileResourceArgs = Inputs<ProfileArgs>;

/**
 * A Zoho CRM permission profile owned by this stack. It is authoritative over the permissions it declares (by
 * name, resolved to each org's ids); permissions it leaves out keep whatever value the profile has. Created by
 * cloning `cloneFrom` (default "Standard") or by adopting an existing custom profile (`adopt`), deleted on destroy
 * (its users move to `transferToProfile`, default "Standard").
 */
export class Profile extends HelpdeskResource {
  /** Zoho CRM's id of the profile. */
  declare readonly profileId: pulumi.Output<string>;
  /** Zoho's facts about the profile that no argument sets: type, custom, api_name. */
  declare readonly profile: pulumi.Output<ProfileFacts>;
  declare readonly name: pulumi.Output<string>;
  declare readonly permissions: pulumi.Output<CrmPermissions | undefined>;

  constructor(name: string, args: ProfileResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("zohoCrm:Profile", name, args, ["profileId", "profile"], opts);
  }
}

export type ProfilePermissionSetResourceArgs = Inputs<ProfilePermissionSetArgs>;

/**
 * A few permission switches on a Zoho CRM profile this stack does not own (a custom profile made by hand).
 * Non-authoritative: it manages only the permissions it lists. At creation it records the values it found
 * (`originalPermissions`); destroy, or dropping a permission from the list, puts those back.
 */
export class ProfilePermissionSet extends HelpdeskResource {
  /** Zoho CRM's id of the profile. */
  declare readonly profileId: pulumi.Output<string>;
  /** The profile's name as Zoho CRM last showed it. */
  declare readonly profileName: pulumi.Output<string>;
  declare readonly profile: pulumi.Output<string>;
  /** The listed switches as Zoho CRM last showed them. */
  declare readonly permissions: pulumi.Output<CrmPermissions>;
  /** The values the listed switches had before this resource set them; destroy restores them. */
  declare readonly originalPermissions: pulumi.Output<CrmPermissions>;

  constructor(name: string, args: ProfilePermissionSetResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("zohoCrm:ProfilePermissionSet", name, args, ["profileId", "profileName", "originalPermissions"], opts);
  }
}
