import { applySwitches, AccessModel, Holder } from "../model";
import { ProgramResource } from "../program-state";
import { byReference, ofKind, text } from "./lookup";

export interface ProfileKinds {
  /** "zohoDesk:Profile" */
  profile: string;
  /** "zohoDesk:ProfilePermissionSet" */
  permissionSet: string;
  /** The clone source when the program names none. */
  defaultCloneSource: string;
  /** The switches a resource declares, by the names holders use. */
  switches(permissions: unknown): Record<string, boolean>;
}

export const profileHolder = (id: string, name: string, permissions: Iterable<string>): Holder => ({ key: id, name, label: `profile "${name}"`, permissions: new Set(permissions) });

/**
 * The program's profiles and permission sets laid over the live ones: declared switches win, undeclared ones keep
 * their live value (as the resources treat them). A profile the program creates starts as its clone source; nobody
 * holds it yet, since agents and users are moved to profiles in the vendor's UI.
 */
export function intendProfiles(model: AccessModel, resources: ProgramResource[], kinds: ProfileKinds, connection: string | undefined): void {
  const holders = () => [...model.holders.values()].map((h) => ({ ...h, id: h.key }));
  for (const resource of ofKind(resources, kinds.profile, connection)) {
    const { inputs, outputs } = resource;
    const live = byReference(holders(), text(outputs.profileId)) ?? byReference(holders(), inputs.adopt) ?? byReference(holders(), inputs.name);
    const name = text(inputs.name) ?? live?.name ?? resource.name;
    let holder = live ? model.holders.get(live.key)! : undefined;
    if (!holder) {
      const source = byReference(holders(), inputs.cloneFrom ?? kinds.defaultCloneSource);
      holder = profileHolder(`new:${resource.name}`, name, source?.permissions ?? []);
      model.holders.set(holder.key, holder);
    }
    Object.assign(holder, { name, label: `profile "${name}"` });
    applySwitches(holder, kinds.switches(inputs.permissions));
  }
  for (const { inputs } of ofKind(resources, kinds.permissionSet, connection)) {
    const target = byReference(holders(), inputs.profile);
    if (target) applySwitches(model.holders.get(target.key)!, kinds.switches(inputs.permissions));
  }
}
