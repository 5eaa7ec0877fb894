import { VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import { userAgent } from "../core/user-agent";
import { ImichatConnection } from "./connection";
import { LiveUser, userFrom } from "./live";
import { authorizationHeaders, ImichatToken } from "./token";

/** The keys of IMIchat's create-user body. */
export interface NewUserBody {
  first_name: string;
  last_name?: string;
  login_id: string;
  email_id: string;
  password: string;
  job_description?: string;
  login_using_email?: boolean;
  skill_attributes?: Record<string, unknown>;
  privileges: Array<{ teamid: number; role: string }>;
}

/** The keys of IMIchat's update-user body (login id, email, password and privileges are not among them). */
export interface UserUpdateBody {
  first_name?: string;
  last_name?: string;
  status?: string;
  job_description?: string;
  login_using_email?: boolean;
  custom_attributes?: Record<string, unknown>;
  skill_attributes?: Record<string, unknown>;
}

const API = "/v3.1";
/** users/search serves ten users a page. */
const SEARCH_PAGE = 10;
/** IMIchat's code for a user that is not (or no longer) in the team. */
export const USER_NOT_FOUND = "3101";

/** IMIchat's v3.1 users API, as one team sees it (the `teamid` header). */
export class ImichatClient {
  constructor(private readonly transport: Transport) {}

  static for(connection: ImichatConnection): ImichatClient {
    const common = { vendor: "IMIchat", baseUrl: connection.baseUrl(), describeError: describeImichatError, maxConcurrent: 4, userAgent };
    const token = new ImichatToken(connection, new Transport({ ...common, headers: async () => authorizationHeaders(connection) }));
    const teamId = String(connection.teamId());
    return new ImichatClient(new Transport({
      ...common,
      headers: async () => ({ access_token: await token.current(), teamid: teamId }),
      // An expired token is HTTP 401 (2004): one new token from /authorize, then the request again.
      renewCredentials: async (refused) => (await token.renew(refused.access_token), true),
    }));
  }

  /** Every user of the team, ten a page (search entries carry neither custom attributes nor privileges). */
  async listUsers(): Promise<LiveUser[]> {
    const users: LiveUser[] = [];
    for (let page = 1; ; page++) {
      const { body } = await this.transport.request<{ response?: { users?: unknown[] } }>({
        method: "POST", path: `${API}/users/search`, query: { page }, body: {}, idempotent: true,
      });
      const entries = body?.response?.users ?? [];
      users.push(...entries.map((u) => userFrom(u, `POST ${API}/users/search`)));
      if (entries.length < SEARCH_PAGE) return users;
    }
  }

  async getUser(id: number): Promise<LiveUser | undefined> {
    const path = `${API}/users/${id}`;
    try {
      const { body } = await this.transport.request<{ response?: unknown }>({ method: "GET", path });
      return userFrom(body?.response, `GET ${path}`);
    } catch (error) {
      if (error instanceof VendorApiError && error.code === USER_NOT_FOUND) return undefined;
      throw error;
    }
  }

  async createUser(fields: NewUserBody): Promise<LiveUser> {
    const { body } = await this.transport.request<{ response?: unknown }>({ method: "POST", path: `${API}/users`, body: fields });
    return userFrom(body?.response, `POST ${API}/users`);
  }

  /** A partial update: only the keys sent change; custom attributes merge key by key. */
  async updateUser(id: number, fields: UserUpdateBody): Promise<LiveUser> {
    const path = `${API}/users/${id}`;
    const { body } = await this.transport.request<{ response?: unknown }>({ method: "PUT", path, body: fields });
    return userFrom(body?.response, `PUT ${path}`);
  }
}

/** Every answer is the envelope {status_code, description, response}; the code, not the HTTP status, says what went wrong. */
export function describeImichatError(_status: number, body: unknown): { code?: string; detail?: string } {
  if (typeof body !== "object" || body === null) return { detail: typeof body === "string" ? body : undefined };
  const { status_code: code, description } = body as { status_code?: unknown; description?: unknown };
  return { code: code === undefined ? undefined : String(code), detail: typeof description === "string" ? description : undefined };
}
