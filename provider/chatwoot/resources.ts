import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../dynamic/inputs";
import { HelpdeskResource } from "../dynamic/resource";
import { AgentArgs } from "./agent-schema";
import { CustomRoleArgs } from "./custom-role-schema";
import { ProfileArgs, WRITE_ONLY } from "./profile-schema";

export type CustomRoleResourceArgs = Inputs<CustomRoleArgs>;

/** An Enterprise custom role of a Chatwoot account, owned by this stack: deleted on destroy (its agents lose it). */
export class CustomRole extends HelpdeskResource {
  /** Chatwoot's id of the role; give it to chatwoot.Agent's customRole. */
  declare readonly customRoleId: pulumi.Output<number>;
  declare readonly name: pulumi.Output<string>;
  declare readonly permissions: pulumi.Output<string[]>;

  constructor(name: string, args: CustomRoleResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("chatwoot:CustomRole", name, args, ["customRoleId"], opts);
  }
}

export type AgentResourceArgs = Inputs<AgentArgs>;

/**
 * A member of a Chatwoot account (agent or administrator). Added on create (an existing user with the email is
 * reused, as Chatwoot does) or adopted; destroy removes the membership, and Chatwoot deletes the user only when it
 * belongs to no other account.
 */
export class Agent extends HelpdeskResource {
  /** The user's id, which Chatwoot also uses as the agent's id in the account. */
  declare readonly agentId: pulumi.Output<number>;
  /** The custom role the agent has (null: none). */
  declare readonly customRoleId: pulumi.Output<number | null>;
  /** False until a new user follows the invitation Chatwoot emailed. */
  declare readonly confirmed: pulumi.Output<boolean | undefined>;
  declare readonly name: pulumi.Output<string>;
  declare readonly email: pulumi.Output<string>;

  constructor(name: string, args: AgentResourceArgs, opts?: pulumi.CustomResourceOptions) {
    super("chatwoot:Agent", name, args, ["agentId", "customRoleId", "confirmed"], opts);
  }
}

export type ProfileResourceArgs = Inputs<ProfileArgs>;

/**
 * The profile of the access token's own user (a singleton per connection): adopted on create, which records the values
 * it found (`originalValues`); destroy leaves the user and, with restoreOnDestroy, puts those values back.
 */
export class Profile extends HelpdeskResource {
  declare readonly userId: pulumi.Output<number>;
  /** The values the declared fields had when this resource adopted the profile. */
  declare readonly originalValues: pulumi.Output<Record<string, unknown>>;
  /** An email change Chatwoot holds until the user follows the confirmation link. */
  declare readonly emailPendingConfirmation: pulumi.Output<string | undefined>;

  constructor(name: string, args: ProfileResourceArgs, opts?: pulumi.CustomResourceOptions) {
    // `password` is stored only as a salted hash; secret all the same, so not even the hash shows in the CLI.
    const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), "password"];
    super("chatwoot:Profile", name, args, ["userId", "originalValues", "emailPendingConfirmation"], { ...opts, additionalSecretOutputs: secretOutputs }, withoutWriteOnly(args));
  }
}

/** The program listing other resources' checks see holds plain values; a password has no business there. */
function withoutWriteOnly(args: ProfileResourceArgs): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...args };
  for (const key of WRITE_ONLY) delete rest[key];
  return rest;
}
