import { Claim } from "../core/claims";
import { CrmPermissions } from "./schema";

/**
 * Claim keys of one org's profiles: by id (an existing profile) and by name as Zoho compares names (a profile a
 * zohoCrm.Profile creates has no id before its first up). `account` is CrmAccount.key.
 */
export const profileIdPrefix = (account: string, id: string) => `zohoCrm/${account}/profile/${id}`;
export const profileNamePrefix = (account: string, name: string) => `zohoCrm/${account}/profile-name/${name.trim().toLowerCase()}`;

/**
 * One claim per listed permission of a profile, "<prefix>/permission/<name>": two resources of one program setting
 * the same switch of the same profile would undo each other. Made by Profile and ProfilePermissionSet alike, so the
 * two kinds collide with each other.
 */
export function permissionClaims(prefix: string, profileLabel: string, permissions: CrmPermissions | undefined): Claim[] {
  return Object.keys(permissions ?? {}).map((name) => ({
    key: `${prefix}/permission/${name}`,
    what: `the permission ${name} of ${profileLabel}`,
    property: `permissions.${name}`,
  }));
}
