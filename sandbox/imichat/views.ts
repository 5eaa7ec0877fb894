import type { User } from "./store";

/**
 * The user as the docs list it ("User List View OBJECT": id, created_at, updated_at, first_name, last_name, login_id,
 * email_id, status, logged_in, job_description, login_using_email, role_type, accepting_chats, skill_attributes,
 * active_chats). One user (get, create, update) also carries `custom_attributes` and `privileges`: the update
 * accepts the first and create the second, and "response contains details of the current resource" (README choice 6).
 * Datetimes are "UTC format": ISO 8601 with Z here.
 */
const iso = (ms: number) => new Date(ms).toISOString();

export function listView(u: User): Record<string, unknown> {
  return {
    id: u.id,
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    first_name: u.first_name,
    last_name: u.last_name,
    login_id: u.login_id,
    email_id: u.email_id,
    status: u.status,
    logged_in: u.logged_in,
    job_description: u.job_description,
    login_using_email: u.login_using_email,
    role_type: u.role_type,
    accepting_chats: u.accepting_chats,
    skill_attributes: structuredClone(u.skill_attributes),
    active_chats: u.active_chats,
  };
}

export function userView(u: User): Record<string, unknown> {
  return { ...listView(u), custom_attributes: structuredClone(u.custom_attributes), privileges: u.privileges.map((p) => ({ ...p })) };
}
