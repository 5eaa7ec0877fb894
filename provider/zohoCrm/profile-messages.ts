import { describeOwner, markedOwner, ResourceOwner, sameOwner } from "../core/ownership";
import { LiveProfile } from "./schema";

/** Why a profile cannot be adopted or edited: Zoho refuses every update of Administrator, Standard and lite profiles. */
export function systemProfileRefusal(profile: LiveProfile, doing: string): string {
  const kind = profile.type === "lite_profile" ? "a lite profile" : "a system profile";
  return `'${profile.name}' is ${kind} of Zoho CRM; Zoho refuses every update of it ("System profile cannot be updated"), so it cannot be ${doing}. ` +
    `Make your own with zohoCrm.Profile (cloneFrom: '${profile.type === "lite_profile" ? "Standard" : profile.name}')`;
}

/** A profile carrying another resource's marker is that resource's. */
export function foreignMarkerRefusal(profile: LiveProfile, owner: ResourceOwner | undefined): string | undefined {
  const creator = markedOwner(profile.description);
  if (!creator || !owner || sameOwner(creator, owner)) return undefined;
  if (creator.project === owner.project && creator.stack === owner.stack) {
    return `'${profile.name}' was created by resource '${creator.name}' of this stack. If you renamed that resource, do not adopt: ` +
      `keep it with aliases: [{ name: "${creator.name}" }] in the resource options (adopting it while '${creator.name}' is deleted in the same run would delete the profile)`;
  }
  return `'${profile.name}' is managed by ${describeOwner(creator)}; two stacks cannot manage one profile`;
}

export function nameTakenReason(holder: LiveProfile, owner: ResourceOwner | undefined): string {
  const creator = markedOwner(holder.description);
  const taken = `a Zoho CRM profile named '${holder.name}' already exists (id ${holder.id}); names are unique (compared case-insensitively)`;
  if (creator && owner && creator.project === owner.project && creator.stack === owner.stack) {
    return `${taken}. It was created by resource '${creator.name}' of this stack: if you renamed that resource, add ` +
      `aliases: [{ name: "${creator.name}" }] to the resource options so the engine keeps it instead of creating another`;
  }
  if (creator) return `${taken} and is managed by ${describeOwner(creator)}; choose another name`;
  return `${taken}. To manage that profile from this program, set adopt: '${holder.name}'.`;
}

export function adoptedAndDeletedReason(id: string, profileName: string, adopter: ResourceOwner, owner: ResourceOwner | undefined): string {
  const old = owner?.name ?? "the old resource";
  const urn = owner ? `urn:pulumi:${owner.stack}::${owner.project}::pulumi-nodejs:dynamic/zohoCrm:Profile::${owner.name}` : "<the old resource's URN>";
  return `not deleting Zoho CRM profile '${profileName}' (id ${id}): resource '${adopter.name}' of this program adopts the same profile in this ` +
    `update, and deleting it would destroy what was just adopted. If you renamed '${old}' to '${adopter.name}', the profile is safe; ` +
    `drop the stale record with: pulumi state delete '${urn}' (next time, rename with aliases: [{ name: "${old}" }])`;
}
