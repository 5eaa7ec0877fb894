import type { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { API_BASE_PATH } from "./auth";
import * as E from "./errors";
import type { CrmOrgStore } from "./store";

/** Zoho CRM's `type` filter of GET /users (v2-v8 Users API): the ones a sandbox user can be told apart by. */
const USER_TYPES = ["AllUsers", "ActiveUsers", "DeactiveUsers", "ConfirmedUsers", "NotConfirmedUsers", "DeletedUsers", "ActiveConfirmedUsers", "AdminUsers", "ActiveConfirmedAdmins", "CurrentUser"];
const PER_PAGE_MAX = 200;

/**
 * GET /crm/v8/users (scope ZohoCRM.users.READ): the org's users, each with its profile and role as {name, id}
 * (Zoho's "Get Users" answer: users[] with full_name, email, status, profile, role; info {per_page, count, page,
 * more_records}). Source silent: the role of a sandbox user; every seeded user has the CEO role, as a one-role org.
 * Every seeded user is active and confirmed, so the type filter narrows only to admins and the current user.
 */
export function addUserRoutes(router: Router, store: CrmOrgStore): void {
  router.add("GET", `${API_BASE_PATH}/users`, (req: SandboxRequest): SandboxResponse => {
    const type = req.query.type ?? "AllUsers";
    if (!USER_TYPES.includes(type)) return E.invalidParam("type");
    const page = Number(req.query.page ?? "1");
    const perPage = Number(req.query.per_page ?? String(PER_PAGE_MAX));
    if (!Number.isSafeInteger(page) || page < 1) return E.invalidParam("page");
    if (!Number.isSafeInteger(perPage) || perPage < 1 || perPage > PER_PAGE_MAX) return E.invalidParam("per_page");
    const admin = store.findByName("Administrator")?.id;
    const all = store.allUsers().filter((u) =>
      type === "CurrentUser" ? u.id === store.owner.id : type.includes("Admin") ? u.profileId === admin : !["DeactiveUsers", "NotConfirmedUsers", "DeletedUsers"].includes(type));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    if (slice.length === 0) return { status: 204 };
    return {
      status: 200,
      body: {
        users: slice.map((u) => ({
          id: u.id, full_name: u.name, email: u.email, status: "active", confirm: true,
          profile: { name: store.get(u.profileId)?.name ?? "", id: u.profileId },
          role: { name: "CEO", id: `${store.owner.id.slice(0, 7)}000000026005` },
        })),
        info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < all.length },
      },
    };
  });
}
