import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { reservedInputs } from "../dynamic/program";
import { stubFor } from "../dynamic/stub";
import { ProfilePermissionSetArgs } from "./profile-permission-set-schema";
import { DeskPermissions, LiveProfile, ProfileArgs } from "./schema";

const profileProvider = stubFor("zohoDesk:Profile");

export type ProfileResourceArgs = Inputs<ProfileArgs>;

/**
 * A Zoho Desk permission profile owned by this stack. It is authoritative over the permission keys it
 * declares; keys it leaves out keep whatever value the profile has. Created by cloning `cloneFrom`
 * (default "Agent") or by adopting an existing profile (`adopt`), deleted on destroy (its agents move to
 * `transferToProfile`).
 */
export class Profile extends pulumi.dynamic.Resource {
  /** Zoho Desk's id of the profile. */
  declare readonly profileId: pulumi.Output<string>;
  /** The whole profile as Zoho Desk last returned it, every permission included. */
  declare readonly profile: pulumi.Output<LiveProfile>;
  declare readonly name: pulumi.Output<string>;
  declare readonly permissions: pulumi.Output<ProfileArgs["permissions"]>;

  constructor(name: string, args: ProfileResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super(profileProvider, name, { ...args, ...reservedInputs("zohoDesk:Profile", name, args), profileId: undefined, profile: undefined }, opts, "zohoDesk", "Profile");
  }
}

const profilePermissionSetProvider = stubFor("zohoDesk:ProfilePermissionSet");

export type ProfilePermissionSetResourceArgs = Inputs<ProfilePermissionSetArgs>;

/**
 * A few permission switches on a Zoho Desk profile this stack does not own (one made by hand, or a custom default
 * profile such as Supervisor). Non-authoritative: it manages only the keys it lists. At creation it records the
 * values it found for them (`originalPermissions`); destroy, or dropping a key from the list, puts those back.
 */
export class ProfilePermissionSet extends pulumi.dynamic.Resource {
  /** Zoho Desk's id of the profile. */
  declare readonly profileId: pulumi.Output<string>;
  /** The profile's name as Zoho Desk last showed it. */
  declare readonly profileName: pulumi.Output<string>;
  declare readonly profile: pulumi.Output<string>;
  /** The listed switches as Zoho Desk last showed them. */
  declare readonly permissions: pulumi.Output<DeskPermissions>;
  /** The values the listed switches had before this resource set them; destroy restores them. */
  declare readonly originalPermissions: pulumi.Output<DeskPermissions>;

  constructor(name: string, args: ProfilePermissionSetResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      profilePermissionSetProvider,
      name,
      { ...args, ...reservedInputs("zohoDesk:ProfilePermissionSet", name, args), profileId: undefined, profileName: undefined, originalPermissions: undefined },
      opts,
      "zohoDesk",
      "ProfilePermissionSet",
    );
  }
}
