import type { TeamworkDeskStore, User } from "./store";

/**
 * JSON shapes of Teamwork Desk v2 (vendor README §5, §9.4; desksdkgo models/user.go, base.go, response.go):
 * a user `{id, email, firstName, ..., createdAt, updatedAt, createdBy, updatedBy, state}` with `deletedAt`/`deletedBy`
 * only when deleted (seed document), references as `{id, type}`, one user as `{user, included}`, a list as
 * `{users, included, meta: {page: {...}}, pagination: {...}}`.
 */
const INCLUDES = ["inboxes", "permissionusers", "trainingwheelsenrollments", "users"] as const;
type Include = (typeof INCLUDES)[number];

/** `includes=inboxes,users` or `all`; unknown names are ignored (README choice 9). */
export function parseIncludes(raw: string | undefined): Set<Include> {
  const names = (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (names.includes("all")) return new Set(INCLUDES);
  return new Set(names.filter((n): n is Include => (INCLUDES as readonly string[]).includes(n)));
}

const iso = (ms: number) => new Date(ms).toISOString();
const ref = (id: number | null, type: string) => (id === null ? null : { id, type });

export function userView(store: TeamworkDeskStore, u: User, includes: Set<Include>): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: u.id,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    // The one published sample has "role": "Admin" (relationships-and-includes guide).
    role: u.role === "admin" ? "Admin" : "Agent",
    avatarURL: `https://${store.site}.teamwork.com/desk/images/avatars/${u.id}.png`,
    editMethod: u.editMethod,
    isPartTime: u.isPartTime,
    ticketReplyRedirect: u.ticketReplyRedirect,
    reviewer: u.reviewer,
    sendPushNotifications: u.sendPushNotifications,
    sendWebNotifications: u.sendWebNotifications,
    autoFollowOnCC: u.autoFollowOnCC,
    timeFormatId: u.timeFormatId,
    timezoneId: u.timezoneId,
    isAppOwner: u.isAppOwner,
    createdAt: iso(u.createdAt),
    updatedAt: iso(u.updatedAt),
    createdBy: ref(u.createdBy, "users"),
    updatedBy: ref(u.updatedBy, "users"),
    state: u.state,
  };
  if (u.state === "deleted") {
    view.deletedAt = iso(u.deletedAt ?? u.updatedAt);
    view.deletedBy = ref(u.deletedBy, "users");
  }
  if (includes.has("inboxes")) view.inboxes = u.inboxIds.map((id) => ({ id, type: "inboxes" }));
  return view;
}

/** The `included` object for some users: the side-loaded records their references point at. */
export function includedFor(store: TeamworkDeskStore, users: User[], includes: Set<Include>): Record<string, unknown[]> {
  const included: Record<string, unknown[]> = {};
  if (includes.has("inboxes")) {
    const ids = [...new Set(users.flatMap((u) => u.inboxIds))].sort((a, b) => a - b);
    included.inboxes = ids.map((id) => store.inboxes.get(id)).filter(Boolean).map((i) => ({ id: i!.id, name: i!.name, email: i!.email, state: "active" }));
  }
  if (includes.has("users")) {
    const ids = [...new Set(users.flatMap((u) => [u.createdBy, u.updatedBy, u.deletedBy]).filter((id): id is number => id !== null))];
    included.users = ids.map((id) => store.users.get(id)).filter(Boolean).map((r) => userView(store, r!, new Set()));
  }
  // Not emulated: listed so a client asking for them gets the key it expects, empty.
  if (includes.has("permissionusers")) included.permissionusers = [];
  if (includes.has("trainingwheelsenrollments")) included.trainingwheelsenrollments = [];
  return included;
}

export interface Page { page: number; pageSize: number }

/** Both pagination envelopes the list carries (models/response.go). */
export function listEnvelope(records: number, p: Page): { meta: unknown; pagination: unknown } {
  const pages = Math.max(1, Math.ceil(records / p.pageSize));
  const hasMore = p.page < pages && records > 0;
  return {
    meta: { page: { count: records, pageSize: p.pageSize, pageOffset: (p.page - 1) * p.pageSize, pages, hasMore } },
    pagination: { records, pageSize: p.pageSize, pages, page: p.page, hasMorePages: hasMore },
  };
}
