import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { reservedInputs } from "../dynamic/program";
import { stubFor } from "../dynamic/stub";
import { LiveProfile, ProfileArgs } from "./schema";

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
