import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { HelpdeskResource } from "../dynamic/resource";
import { UserArgs } from "./schema";

export type UserResourceArgs = Inputs<UserArgs>;

/**
 * A user of a Teamwork Desk site. Created, or adopted by email or id (a deleted user is restored); updates send only
 * the changed fields; destroy deletes the user the only way Teamwork allows, by setting its state to "deleted"
 * (the user stays in Teamwork, and its email stays in use).
 */
export class User extends HelpdeskResource {
  /** Teamwork Desk's id of the user. */
  declare readonly userId: pulumi.Output<number>;
  declare readonly email: pulumi.Output<string>;
  declare readonly avatarUrl: pulumi.Output<string | null>;
  declare readonly createdAt: pulumi.Output<string | null>;
  declare readonly updatedAt: pulumi.Output<string | null>;
  /** The installation owner, whom Teamwork never lets anyone delete or make an agent. */
  declare readonly isAppOwner: pulumi.Output<boolean>;
  /** The inboxes the user works in, as set on each inbox's page (the users API cannot write them). */
  declare readonly inboxIds: pulumi.Output<number[]>;

  constructor(name: string, args: UserResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("teamworkDesk:User", name, args, ["userId", "avatarUrl", "createdAt", "updatedAt", "isAppOwner", "inboxIds"], opts);
  }
}
