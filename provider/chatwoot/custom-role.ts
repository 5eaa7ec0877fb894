import { failuresFromZod } from "../core/check-failures";
import { Claim, claimsOfThisRun } from "../core/claims";
import { HelpdeskError, RefusedOperationError } from "../core/errors";
import { ResourceOwner } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { ChatwootAccount, chatwootAccount, notAdministratorReason } from "./account";
import { CustomRoleFields } from "./client";
import { createOnce } from "./create-once";
import { CustomRoleArgs, customRoleArgsSchema } from "./custom-role-schema";
import { LiveCustomRole } from "./live";

export interface CustomRoleOutputs extends CustomRoleArgs {
  /** Chatwoot's id of the role: what chatwoot.Agent's customRole takes for a role made by the same program. */
  customRoleId: number;
}

const allowedKeys = (path: string[]) => (path.length === 0 ? Object.keys(customRoleArgsSchema.shape) : undefined);

/** chatwoot:CustomRole, an Enterprise custom role this stack owns: created, updated in place, deleted on destroy. */
export class ChatwootCustomRoleKind implements ResourceKind<CustomRoleArgs, CustomRoleOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get account(): ChatwootAccount {
    return chatwootAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckOutcome<CustomRoleArgs>> {
    const parsed = customRoleArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedKeys) };
    const args = parsed.data;
    const refused = await notAdministratorReason(this.account, "managing custom roles");
    if (refused) return { failures: [{ property: "", reason: refused }] };
    const failures: CheckFailure[] = [];
    // `olds` are the inputs last applied: a name is checked when it is new, at creation or on a rename.
    const holder = olds.name !== args.name ? (await this.account.customRoles.all()).find((role) => role.name === args.name) : undefined;
    const adopting = olds.name === undefined && Boolean(args.adopt);
    const adopted = adopting ? await this.adoptionTarget(args) : undefined;
    if (adopting && !adopted) failures.push({ property: "adopt", reason: `account ${this.account.accountId} has no custom role ${describeAdoption(args)}; remove adopt to create it` });
    if (holder && holder.id !== adopted?.id) {
      failures.push({
        property: "name",
        reason: `account ${this.account.accountId} already has a custom role named '${holder.name}' (id ${holder.id}); Chatwoot wants role names unique in an account, so choose another name` +
          (olds.name === undefined && !adopting ? ", or set adopt: true to manage that role" : ""),
      });
    }
    return failures.length > 0 ? { failures } : { inputs: args, failures };
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = customRoleArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const claims: Claim[] = [{ key: `chatwoot/${this.account.label}/custom-role-name/${parsed.data.name}`, what: `the Chatwoot custom role name '${parsed.data.name}'`, property: "name" }];
    // By id too, so adopting one role by name and by id is refused, and so is a destroy of the role in the same up.
    const adopted = parsed.data.adopt ? await this.adoptionTarget(parsed.data) : undefined;
    if (adopted) claims.push({ key: this.roleKey(adopted.id), what: `the Chatwoot custom role '${adopted.name}' (id ${adopted.id})`, property: "adopt" });
    return claims;
  }

  async diff(olds: CustomRoleOutputs, news: CustomRoleArgs): Promise<DiffOutcome> {
    const changedPaths = Object.keys(changedFields(news, olds));
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: CustomRoleArgs): Promise<{ id: string; outs: CustomRoleOutputs }> {
    if (args.adopt) return this.adopt(args);
    const created = await this.createOnce(args);
    this.account.customRoles.remember(created);
    return { id: String(created.id), outs: outputsFor(args, created) };
  }

  async read(id: string, olds: CustomRoleOutputs): Promise<ReadOutcome<CustomRoleArgs, CustomRoleOutputs> | undefined> {
    const live = await this.account.customRoles.byId(Number(id));
    if (!live) return undefined;
    const outs = outputsFor(argsOf(olds), live);
    return { id, props: outs, inputs: argsOf(outs) };
  }

  async update(id: string, olds: CustomRoleOutputs, news: CustomRoleArgs): Promise<CustomRoleOutputs> {
    const fields = changedFields(news, olds);
    if (Object.keys(fields).length === 0) return { ...news, customRoleId: olds.customRoleId };
    const updated = await this.account.client.updateCustomRole(Number(id), fields);
    this.account.customRoles.remember(updated);
    const ignored = Object.keys(changedFields(news, outputsFor(news, updated)));
    if (ignored.length > 0) throw new HelpdeskError(`Chatwoot accepted the update of custom role ${id} but did not apply: ${ignored.join(", ")}`);
    return outputsFor(news, updated);
  }

  /**
   * Chatwoot answers 500, not 404, for a role it does not have, so the listing tells whether the role is still
   * there. Its agents keep their membership and lose the role (dependent: :nullify).
   */
  async delete(id: string, olds: CustomRoleOutputs, context: ResourceContext): Promise<void> {
    const adopter = claimsOfThisRun.heldByOther(this.roleKey(Number(id)), context.owner);
    if (adopter) throw new RefusedOperationError(adoptedAndDeletedReason(id, olds, adopter, context.owner));
    const live = await this.account.customRoles.byId(Number(id));
    if (!live) return;
    await this.account.client.deleteCustomRole(live.id);
    this.account.customRoles.drop(live.id);
  }

  /** The existing role, brought under the stack with one PATCH of the declared fields that differ. */
  private async adopt(args: CustomRoleArgs): Promise<{ id: string; outs: CustomRoleOutputs }> {
    const live = await this.adoptionTarget(args);
    if (!live) throw new RefusedOperationError(`adopt: account ${this.account.accountId} has no custom role ${describeAdoption(args)}`);
    const outs = outputsFor(args, live);
    if (Object.keys(changedFields(args, outs)).length === 0) return { id: String(live.id), outs };
    return { id: String(live.id), outs: await this.update(String(live.id), outs, args) };
  }

  /** The role `adopt` names: by its id, or (adopt: true) by this resource's name. */
  private async adoptionTarget(args: CustomRoleArgs): Promise<LiveCustomRole | undefined> {
    const roles = await this.account.customRoles.all();
    return typeof args.adopt === "number" ? roles.find((role) => role.id === args.adopt) : roles.find((role) => role.name === args.name);
  }

  private roleKey(id: number): string {
    return `chatwoot/${this.account.label}/custom-role-id/${id}`;
  }

  /** A role with this name, found after a lost answer, is the one the create made (names are unique per account). */
  private createOnce(args: CustomRoleArgs): Promise<LiveCustomRole> {
    return createOnce(
      () => this.account.client.createCustomRole(fieldsOf(args)),
      async () => {
        this.account.customRoles.forget();
        return (await this.account.customRoles.all()).find((role) => role.name === args.name);
      },
    );
  }
}

function describeAdoption(args: CustomRoleArgs): string {
  return typeof args.adopt === "number" ? `with id ${args.adopt}` : `named '${args.name}' (Chatwoot compares names exactly)`;
}

function adoptedAndDeletedReason(id: string, olds: CustomRoleOutputs, adopter: ResourceOwner, owner: ResourceOwner | undefined): string {
  const old = owner?.name ?? "the old resource";
  const urn = owner ? `urn:pulumi:${owner.stack}::${owner.project}::pulumi-nodejs:dynamic/chatwoot:CustomRole::${owner.name}` : "<the old resource's URN>";
  return `not deleting Chatwoot custom role '${olds.name}' (id ${id}): resource '${adopter.name}' of this program adopts the same role in this update, ` +
    `and deleting it would undo the adoption. If you renamed '${old}' to '${adopter.name}', the role is safe; drop the stale record with: ` +
    `pulumi state delete '${urn}' (next time, rename with aliases: [{ name: "${old}" }])`;
}

function fieldsOf(args: CustomRoleArgs): CustomRoleFields {
  return { name: args.name, ...(args.description !== undefined ? { description: args.description } : {}), permissions: args.permissions };
}

/** The fields of `args` that differ from `last` (permissions compared as a set); only what the program declares. */
function changedFields(args: CustomRoleArgs, last: CustomRoleArgs): CustomRoleFields {
  return {
    ...(args.name !== last.name ? { name: args.name } : {}),
    ...(args.description !== undefined && args.description !== last.description ? { description: args.description } : {}),
    ...(!samePermissions(args.permissions, last.permissions ?? []) ? { permissions: args.permissions } : {}),
  };
}

const samePermissions = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** The declared fields at their live values; permissions in the program's order when they are the same set. */
function outputsFor(args: CustomRoleArgs, live: LiveCustomRole): CustomRoleOutputs {
  return {
    ...args,
    name: live.name,
    ...(args.description !== undefined ? { description: live.description ?? "" } : {}),
    permissions: samePermissions(args.permissions, live.permissions) ? args.permissions : live.permissions,
    customRoleId: live.id,
  };
}

function argsOf(outputs: CustomRoleOutputs): CustomRoleArgs {
  const { customRoleId: _id, ...args } = outputs;
  return args;
}

