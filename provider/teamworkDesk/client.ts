import { VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import { userAgent } from "../core/user-agent";
import { TeamworkDeskConnection } from "./connection";
import { LiveUser, userFrom } from "./live";

/** The keys Teamwork Desk's user create and update take (`state` only on update). */
export interface UserFields {
  email?: string;
  firstName?: string;
  lastName?: string;
  role?: string;
  isPartTime?: boolean;
  reviewer?: boolean;
  autoFollowOnCC?: boolean;
  editMethod?: string;
  ticketReplyRedirect?: string;
  sendPushNotifications?: boolean;
  sendWebNotifications?: boolean;
  timezoneId?: number;
  timeFormatId?: number;
  state?: "active" | "deleted";
}

const API = "/desk/api/v2";
/** Teamwork Desk's documented limit: 120 requests a minute (per key), with X-Rate-Limit-* on every answer. */
const DESK_PACE = { requests: 120, windowMs: 60_000 };
/** The largest page the users list serves. */
const PAGE_SIZE = 500;
/** Deleted users keep their email (it stays in use), so a lookup by email must see them too. */
const EVERY_STATE = JSON.stringify({ state: { $in: ["active", "deleted"] } });

/** Teamwork Desk's users API v2, as one API key sees it. */
export class TeamworkDeskClient {
  constructor(private readonly transport: Transport) {}

  static for(connection: TeamworkDeskConnection): TeamworkDeskClient {
    const key = connection.apiKey();
    return new TeamworkDeskClient(new Transport({
      vendor: "Teamwork Desk",
      baseUrl: connection.baseUrl(),
      headers: async () => ({ Authorization: `Bearer ${key}` }),
      describeError: describeTeamworkDeskError,
      pace: DESK_PACE,
      retry: { rateLimitWindowMs: DESK_PACE.windowMs },
      maxConcurrent: 4,
      userAgent,
    }));
  }

  /** Every user of the site, deleted ones included, with their inboxes. */
  async listUsers(): Promise<LiveUser[]> {
    const users: LiveUser[] = [];
    for (let page = 1; ; page++) {
      const { body } = await this.transport.request<{ users?: unknown[]; meta?: { page?: { hasMore?: boolean } } }>({
        method: "GET", path: `${API}/users.json`, query: { page, pageSize: PAGE_SIZE, filter: EVERY_STATE, includes: "inboxes" },
      });
      users.push(...(body?.users ?? []).map((u) => userFrom(u, `GET ${API}/users.json`)));
      if (!body?.meta?.page?.hasMore) return users;
    }
  }

  /** One user with its inboxes; undefined when Teamwork does not know the id. */
  async getUser(id: number): Promise<LiveUser | undefined> {
    const path = `${API}/users/${id}.json`;
    try {
      const { body } = await this.transport.request<{ user?: unknown }>({ method: "GET", path, query: { includes: "inboxes" } });
      return userFrom(body?.user, `GET ${path}`);
    } catch (error) {
      if (error instanceof VendorApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async createUser(fields: UserFields): Promise<LiveUser> {
    const { body } = await this.transport.request<{ user?: unknown }>({ method: "POST", path: `${API}/users.json`, query: { includes: "inboxes" }, body: { user: fields } });
    return userFrom(body?.user, `POST ${API}/users.json`);
  }

  /** A partial update: only the keys sent change (the documented PATCH). */
  async updateUser(id: number, fields: UserFields): Promise<LiveUser> {
    const path = `${API}/users/${id}.json`;
    const { body } = await this.transport.request<{ user?: unknown }>({ method: "PATCH", path, query: { includes: "inboxes" }, body: { user: fields } });
    return userFrom(body?.user, `PATCH ${path}`);
  }
}

/**
 * Teamwork's error bodies: the Validator's `{"errors": {"<field>": ["<message>"]}}` (400), whose field names are the
 * API's and so the resource's argument names, and `{"message": "..."}` for the rest.
 */
export function describeTeamworkDeskError(_status: number, body: unknown): { code?: string; detail?: string } {
  if (typeof body === "string") return { detail: body.trim() || undefined };
  if (typeof body !== "object" || body === null) return {};
  const { errors, message } = body as { errors?: unknown; message?: unknown };
  if (typeof errors === "object" && errors !== null) {
    const fields = Object.entries(errors as Record<string, unknown>).map(([field, messages]) => `${field} ${Array.isArray(messages) ? messages.join(", ") : String(messages)}`);
    return { detail: fields.join("; ") };
  }
  return typeof message === "string" ? { detail: message } : {};
}
