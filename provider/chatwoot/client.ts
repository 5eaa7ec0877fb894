import { VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import { userAgent } from "../core/user-agent";
import { ChatwootConnection } from "./connection";
import { agentFrom, customRoleFrom, LiveAgent, LiveCustomRole, LiveProfile, profileFrom } from "./live";

export interface AgentFields {
  name?: string;
  email?: string;
  role?: string;
  availability?: string;
  auto_offline?: boolean;
}

export interface CustomRoleFields {
  name?: string;
  description?: string;
  permissions?: string[];
}

/** The keys PUT /profile takes; `password` needs `current_password`. */
export interface ProfileFields {
  name?: string;
  display_name?: string;
  email?: string;
  message_signature?: string;
  phone_number?: string;
  ui_settings?: Record<string, unknown>;
  password?: string;
  current_password?: string;
}

/** The Chatwoot application API (`/api/v1`) of one account, as one token's user sees it. */
export class ChatwootClient {
  private readonly account: string;

  constructor(private readonly transport: Transport, accountId: number) {
    this.account = `/api/v1/accounts/${accountId}`;
  }

  static for(connection: ChatwootConnection): ChatwootClient {
    const token = connection.accessToken();
    const transport = new Transport({
      vendor: "Chatwoot",
      baseUrl: connection.apiBaseUrl(),
      headers: async () => ({ api_access_token: token }),
      describeError: describeChatwootError,
      // rack-attack counts requests per IP in fixed one-minute windows and sends no Retry-After.
      retry: { rateLimitWindowMs: 60_000 },
      maxConcurrent: 4,
      userAgent,
    });
    return new ChatwootClient(transport, connection.accountId());
  }

  async getProfile(): Promise<LiveProfile> {
    const { body } = await this.transport.request({ method: "GET", path: "/api/v1/profile" });
    return profileFrom(body, "GET /api/v1/profile");
  }

  async updateProfile(fields: ProfileFields): Promise<LiveProfile> {
    const { body } = await this.transport.request({ method: "PUT", path: "/api/v1/profile", body: { profile: fields } });
    return profileFrom(body, "PUT /api/v1/profile");
  }

  /** Availability is per account and has its own route; the profile update ignores it. */
  async setAvailability(accountId: number, availability: string): Promise<LiveProfile> {
    const { body } = await this.transport.request({ method: "POST", path: "/api/v1/profile/availability", body: { profile: { account_id: accountId, availability } }, idempotent: true });
    return profileFrom(body, "POST /api/v1/profile/availability");
  }

  /** Every member of the account (one unpaged array). */
  async listAgents(): Promise<LiveAgent[]> {
    const { body } = await this.transport.request<unknown[]>({ method: "GET", path: `${this.account}/agents` });
    return (body ?? []).map((item) => agentFrom(item, `GET ${this.account}/agents`));
  }

  /** `custom_role_id` is a top-level parameter, and Chatwoot sets it on every create and update (absent clears it). */
  async createAgent(fields: AgentFields, customRoleId: number | null): Promise<LiveAgent> {
    const { body } = await this.transport.request({ method: "POST", path: `${this.account}/agents`, body: { agent: fields, custom_role_id: customRoleId } });
    return agentFrom(body, `POST ${this.account}/agents`);
  }

  async updateAgent(id: number, fields: AgentFields, customRoleId: number | null): Promise<LiveAgent> {
    const path = `${this.account}/agents/${id}`;
    const { body } = await this.transport.request({ method: "PATCH", path, body: { agent: fields, custom_role_id: customRoleId } });
    return agentFrom(body, `PATCH ${path}`);
  }

  /** A membership already gone (404) counts as deleted: that is also what a retried delete whose answer was lost sees. */
  async deleteAgent(id: number): Promise<void> {
    await this.ignoringNotFound(() => this.transport.request({ method: "DELETE", path: `${this.account}/agents/${id}` }));
  }

  async listCustomRoles(): Promise<LiveCustomRole[]> {
    const { body } = await this.transport.request<unknown[]>({ method: "GET", path: `${this.account}/custom_roles` });
    return (body ?? []).map((item) => customRoleFrom(item, `GET ${this.account}/custom_roles`));
  }

  async createCustomRole(fields: CustomRoleFields): Promise<LiveCustomRole> {
    const { body } = await this.transport.request({ method: "POST", path: `${this.account}/custom_roles`, body: { custom_role: fields } });
    return customRoleFrom(body, `POST ${this.account}/custom_roles`);
  }

  async updateCustomRole(id: number, fields: CustomRoleFields): Promise<LiveCustomRole> {
    const path = `${this.account}/custom_roles/${id}`;
    const { body } = await this.transport.request({ method: "PATCH", path, body: { custom_role: fields } });
    return customRoleFrom(body, `PATCH ${path}`);
  }

  /** Only for a role known to exist: Chatwoot answers 500 (not 404) for an id it does not have. */
  async deleteCustomRole(id: number): Promise<void> {
    await this.transport.request({ method: "DELETE", path: `${this.account}/custom_roles/${id}` });
  }

  private async ignoringNotFound(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof VendorApiError && error.status === 404)) throw error;
    }
  }
}

/**
 * Chatwoot's error bodies: {"error": "..."}, {"errors": ["..."]} (devise), {"message": "...", "attributes": [...]}
 * (validation), the Rails {"status", "error"} page, and rack-attack's plain-text "Retry later".
 */
export function describeChatwootError(_status: number, body: unknown): { code?: string; detail?: string } {
  if (typeof body === "string") return { detail: body.trim() || undefined };
  if (typeof body !== "object" || body === null) return {};
  const { error, errors, message, attributes } = body as { error?: unknown; errors?: unknown; message?: unknown; attributes?: unknown };
  if (typeof message === "string") {
    const fields = Array.isArray(attributes) && attributes.length > 0 ? ` (${attributes.join(", ")})` : "";
    return { detail: `${message}${fields}` };
  }
  if (typeof error === "string") return { detail: error };
  if (Array.isArray(errors)) return { detail: errors.map(String).join("; ") };
  return {};
}
