import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { HelpdeskResource } from "../dynamic/resource";
import { ProfileFacts } from "./profile-state";
import { ProfilePermissionSetArgs } from "./profile-permission-set-schema";
import { DeskPermissions, ProfileArgs } from "./schema";

export type ProfileResourceArgs = Inputs<ProfileArgs>;

/**
 * A Zoho Desk permission profile owned by this stack. It is authoritative over the permission keys it
 * declares; keys it leaves out keep whatever value the profile has. Created by cloning `cloneFrom`
 * (default "Agent") or by adopting an existing profile (`adopt`), deleted on destroy (its agents move to
 * `transferToProfile`).
 */
export class Profile extends HelpdeskResource {
  /** Zoho Desk's id of the profile. */
  declare readonly profileId: pulumi.Output<string>;
  /** Zoho Desk's facts about the profile that no argument sets: its type, whether it is a default and visible. */
  declare readonly profile: pulumi.Output<ProfileFacts>;
  declare readonly name: pulumi.Output<string>;
  /** The declared switches as Zoho Desk last showed them. */
  declare readonly permissions: pulumi.Output<ProfileArgs["permissions"]>;

  constructor(name: string, args: ProfileResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("zohoDesk:Profile", name, args, ["profileId", "profile"], opts);
  }
}

export type ProfilePermissionSetResourceArgs = Inputs<ProfilePermissionSetArgs>;

/**
 * A few permission switches on a Zoho Desk profile this stack does not own (one made by hand, or a custom default
 * profile such as Supervisor). Non-authoritative: it manages only the keys it lists. At creation it records the
 * values it found for them (`originalPermissions`); destroy, or dropping a key from the list, puts those back.
 */
export class ProfilePermissionSet extends HelpdeskResource {
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
    super("zohoDesk:ProfilePermissionSet", name, args, ["profileId", "profileName", "originalPermissions"], opts);
  }
}
