import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { HelpdeskResource } from "../dynamic/resource";
import { LivePrivilege } from "./live";
import { UserArgs } from "./schema";

export type UserResourceArgs = Inputs<UserArgs>;

/**
 * A user of an IMIchat (Webex Engage) team. Created with its team roles, or adopted by login id or email; updates send
 * only the changed fields; destroy deactivates the user (status inactive): IMIchat documents no delete.
 */
export class User extends HelpdeskResource {
  /** IMIchat's id of the user. */
  declare readonly userId: pulumi.Output<number>;
  declare readonly loginId: pulumi.Output<string>;
  declare readonly email: pulumi.Output<string>;
  /** Customer Care or Administrative, as set in the admin console. */
  declare readonly roleType: pulumi.Output<string | null>;
  /** The user's teams and roles as IMIchat last showed them. */
  declare readonly teamRoles: pulumi.Output<LivePrivilege[]>;
  declare readonly createdAt: pulumi.Output<string | null>;
  declare readonly updatedAt: pulumi.Output<string | null>;

  constructor(name: string, args: UserResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("imichat:User", name, args, ["userId", "roleType", "teamRoles", "createdAt", "updatedAt"], opts);
  }
}
