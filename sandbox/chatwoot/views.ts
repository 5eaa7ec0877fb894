import { createHash } from "node:crypto";
import type { AccountUser, ChatwootStore, CustomRole, User } from "./store";

/**
 * The JSON shapes of the jbuilder views (upstream app/views/api/v1/models/_user, _agent, enterprise _account_user and
 * _custom_role, platform/api/v1/models/_user) and of `render json: account_user` (ActiveRecord#as_json). Keys in the
 * views' order. Times as Rails encodes them: ISO 8601 UTC with milliseconds.
 */
const time = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Avatarable#avatar_url without an uploaded avatar: the Gravatar URL of the email (d=404). */
export const avatarUrl = (u: User) => `https://www.gravatar.com/avatar/${createHash("md5").update(u.email).digest("hex")}?d=404`;
const availableName = (u: User) => (u.displayName && u.displayName.trim() !== "" ? u.displayName : u.name);

/**
 * AvailabilityStatusable: with auto_offline false the stored availability; with auto_offline true the presence
 * tracker's, and nobody holds a live (ActionCable) connection to the sandbox, so "offline".
 */
export const availabilityStatus = (m: AccountUser) => (m.autoOffline ? "offline" : m.availability);

/** Enterprise AccountUser#permissions: administrators ["administrator"], a custom role its permissions + "custom_role". */
function permissions(store: ChatwootStore, m: AccountUser): string[] {
  if (m.role === "administrator") return ["administrator"];
  const role = m.customRoleId === null ? undefined : store.customRoles.get(m.customRoleId);
  return role ? [...role.permissions, "custom_role"] : ["agent"];
}

/** GET/PUT/PATCH /api/v1/profile and the other profile actions (_user.json.jbuilder): carries both tokens. */
export function profileView(store: ChatwootStore, u: User): Record<string, unknown> {
  const active = store.activeMembership(u.id);
  return {
    access_token: u.accessToken,
    account_id: active?.accountId ?? null,
    available_name: availableName(u),
    avatar_url: avatarUrl(u),
    confirmed: u.confirmed,
    display_name: u.displayName,
    message_signature: u.messageSignature,
    email: u.email,
    id: u.id,
    inviter_id: active?.inviterId ?? null,
    name: u.name,
    provider: "email",
    pubsub_token: u.pubsubToken,
    ...(Object.keys(u.customAttributes).length > 0 ? { custom_attributes: u.customAttributes } : {}),
    role: active?.role ?? null,
    ui_settings: u.uiSettings,
    uid: u.uid,
    type: null,
    accounts: store.membershipsOfUser(u.id).map((m) => {
      const account = store.accounts.get(m.accountId)!;
      const role = m.customRoleId === null ? undefined : store.customRoles.get(m.customRoleId);
      return {
        id: m.accountId,
        name: account.name,
        status: account.status,
        active_at: time(m.activeAt),
        role: m.role,
        permissions: permissions(store, m),
        availability: m.availability,
        availability_status: availabilityStatus(m),
        auto_offline: m.autoOffline,
        custom_role_id: m.customRoleId,
        custom_role: role ? { id: role.id, name: role.name, description: role.description, permissions: [...role.permissions] } : null,
      };
    }),
  };
}

/** _agent.json.jbuilder: the user seen through its membership of the current account. */
export function agentView(u: User, m: AccountUser): Record<string, unknown> {
  return {
    id: u.id,
    account_id: m.accountId,
    availability_status: availabilityStatus(m),
    auto_offline: m.autoOffline,
    confirmed: u.confirmed,
    email: u.email,
    provider: "email",
    available_name: availableName(u),
    ...(Object.keys(u.customAttributes).length > 0 ? { custom_attributes: u.customAttributes } : {}),
    name: u.name,
    role: m.role,
    thumbnail: avatarUrl(u),
    custom_role_id: m.customRoleId,
  };
}

export function customRoleView(r: CustomRole): Record<string, unknown> {
  return {
    id: r.id, name: r.name, description: r.description, permissions: [...r.permissions],
    created_at: time(r.createdAt), updated_at: time(r.updatedAt),
  };
}

/** platform/api/v1/models/_user.json.jbuilder. */
export function platformUserView(store: ChatwootStore, u: User): Record<string, unknown> {
  const active = store.activeMembership(u.id);
  return {
    access_token: u.accessToken,
    account_id: active?.accountId ?? null,
    available_name: availableName(u),
    avatar_url: avatarUrl(u),
    confirmed: u.confirmed,
    display_name: u.displayName,
    message_signature: u.messageSignature,
    email: u.email,
    id: u.id,
    name: u.name,
    provider: "email",
    pubsub_token: u.pubsubToken,
    ...(Object.keys(u.customAttributes).length > 0 ? { custom_attributes: u.customAttributes } : {}),
    role: active?.role ?? null,
    ui_settings: u.uiSettings,
    uid: u.uid,
    accounts: store.membershipsOfUser(u.id).map((m) => ({
      id: m.accountId, name: store.accounts.get(m.accountId)!.name, active_at: time(m.activeAt), role: m.role,
    })),
  };
}

/** `render json: account_user`: the record's columns (enums as their names). */
export function accountUserRecord(m: AccountUser): Record<string, unknown> {
  return {
    id: m.id, account_id: m.accountId, user_id: m.userId, role: m.role, inviter_id: m.inviterId,
    created_at: time(m.createdAt), updated_at: time(m.updatedAt), active_at: time(m.activeAt),
    availability: m.availability, auto_offline: m.autoOffline, custom_role_id: m.customRoleId,
  };
}
