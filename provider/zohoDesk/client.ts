import { z } from "zod";
import { HelpdeskError, VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import { userAgent } from "../core/user-agent";
import { ZohoConnection } from "../zoho/connection";
import { DeskPermissions, LiveAgent, liveAgentSchema, LiveProfile, liveProfileSchema } from "./schema";

/** Zoho Desk pages lists with from (1-based) and limit (at most 50). */
const PAGE_SIZE = 50;

export interface ProfilePatch {
  name?: string;
  description?: string;
  permissions?: DeskPermissions;
}

/** The Zoho Desk profile endpoints we use, typed, with Zoho's auth, errors and paging handled. */
export class ZohoDeskClient {
  constructor(private readonly transport: Transport) {}

  static for(connection: ZohoConnection): ZohoDeskClient {
    const orgId = connection.deskOrgId();
    const token = connection.accessToken(userAgent);
    const scheme = "Zoho-oauthtoken ";
    const transport = new Transport({
      vendor: "Zoho Desk",
      baseUrl: connection.deskApiBaseUrl(),
      headers: async () => ({ Authorization: scheme + (await token.get()), orgId }),
      renewCredentials: async (refused) => (await token.renew(refused.Authorization.slice(scheme.length)), true),
      describeError: describeZohoDeskError,
      // Zoho Desk documents no retry hint on its 429s; the limit it applies counts requests per rolling minute.
      retry: { rateLimitWindowMs: 60_000 },
      // Zoho's concurrency limit is 5 on the smallest edition; stay under it.
      maxConcurrent: 4,
      pace: connection.pace("desk"),
      userAgent,
    });
    return new ZohoDeskClient(transport);
  }

  async listProfiles(): Promise<LiveProfile[]> {
    const profiles: LiveProfile[] = [];
    for (let from = 1; ; from += PAGE_SIZE) {
      const { body } = await this.transport.request<{ data?: unknown[] }>({ method: "GET", path: "/profiles", query: { from, limit: PAGE_SIZE } });
      const page = body?.data ?? [];
      profiles.push(...page.map((item) => parse(liveProfileSchema, item, "profile in GET /profiles")));
      if (page.length < PAGE_SIZE) return profiles;
    }
  }

  /** Undefined when the profile does not exist (deleted in the UI, for example). */
  async getProfile(id: string): Promise<LiveProfile | undefined> {
    try {
      const { body } = await this.transport.request({ method: "GET", path: `/profiles/${encodeURIComponent(id)}` });
      return parse(liveProfileSchema, body, `GET /profiles/${id}`);
    } catch (error) {
      if (error instanceof VendorApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async cloneProfile(sourceId: string, fields: { name: string; description?: string }): Promise<LiveProfile> {
    const { body } = await this.transport.request({ method: "POST", path: `/profiles/${encodeURIComponent(sourceId)}/clone`, body: fields });
    return parse(liveProfileSchema, body, `POST /profiles/${sourceId}/clone`);
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<LiveProfile> {
    const { body } = await this.transport.request({ method: "PATCH", path: `/profiles/${encodeURIComponent(id)}`, body: patch });
    return parse(liveProfileSchema, body, `PATCH /profiles/${id}`);
  }

  /**
   * Zoho's client code deletes with POST /profiles/{id}/delete and a transferToProfileId; one third-party page
   * says DELETE /profiles/{id}. We send the POST form and fall back to DELETE only if the vendor says the POST
   * route does not exist. A profile that turns out to be gone is deleted: that is also what a retried delete
   * whose first answer was lost sees.
   */
  async deleteProfile(id: string, transferToProfileId?: string): Promise<void> {
    const path = `/profiles/${encodeURIComponent(id)}`;
    // 405: the path exists, not for this method. 404 URL_NOT_FOUND is documented for an unknown URL; Zoho says
    // nothing of an unknown id, which the sandbox answers the same way. Only a GET tells "no such route" from "gone".
    const routeMissing = async (error: unknown): Promise<boolean> => {
      if (!(error instanceof VendorApiError) || (error.status !== 404 && error.status !== 405)) throw error;
      return error.status === 405 || (await this.getProfile(id)) !== undefined;
    };
    try {
      await this.transport.request({ method: "POST", path: `${path}/delete`, body: transferToProfileId ? { transferToProfileId } : {}, idempotent: true });
      return;
    } catch (error) {
      if (!(await routeMissing(error))) return;
    }
    try {
      await this.transport.request({ method: "DELETE", path, query: { transferToProfileId } });
    } catch (error) {
      if (await routeMissing(error)) throw error;
    }
  }

  /** Undefined when the profile does not exist. */
  async agentsOfProfile(id: string): Promise<LiveAgent[] | undefined> {
    try {
      const { body } = await this.transport.request<{ agents?: unknown[] }>({ method: "GET", path: `/profiles/${encodeURIComponent(id)}/agents` });
      return (body?.agents ?? []).map((agent) => parse(liveAgentSchema, agent, `GET /profiles/${id}/agents`));
    } catch (error) {
      if (error instanceof VendorApiError && error.status === 404) return undefined;
      throw error;
    }
  }
}

/** Zoho Desk errors: {errorCode, message, errors: [{fieldName: "/json/pointer", errorType, errorMessage}]}. */
export function describeZohoDeskError(_status: number, body: unknown): { code?: string; detail?: string } {
  if (typeof body !== "object" || body === null) return { detail: typeof body === "string" ? body : undefined };
  const { errorCode, message, errors } = body as { errorCode?: unknown; message?: unknown; errors?: unknown };
  const fields = Array.isArray(errors)
    ? errors
        .map((e: { fieldName?: string; errorType?: string; errorMessage?: string }) =>
          [e.fieldName, e.errorType, e.errorMessage].filter(Boolean).join(" "),
        )
        .filter(Boolean)
    : [];
  const detail = [typeof message === "string" ? message : undefined, fields.length ? `(${fields.join("; ")})` : undefined].filter(Boolean).join(" ");
  return { code: typeof errorCode === "string" ? errorCode : undefined, detail: detail || undefined };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    throw new HelpdeskError(`Zoho Desk returned an unexpected answer to ${where}: ${problems}`);
  }
  return result.data;
}
