import { z } from "zod";
import { HelpdeskError, VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import { userAgent } from "../core/user-agent";
import { ZohoConnection } from "../zoho/connection";
import { describeZohoCrmError, isGoneProfileError, permissionIndexOf, retryHintOf } from "./errors";
import { DetailedProfile, LiveProfile, liveProfileSchema } from "./schema";

/** Zoho CRM pages the profile list with page (from 1) and per_page (at most 200), and says more_records. */
const PER_PAGE = 200;

/** One permission switch as sent; the name is ours, kept to explain Zoho's answer (it points at entries by index). */
export interface Toggle {
  id: string;
  name: string;
  enabled: boolean;
}

export interface ProfileUpdate {
  name?: string;
  description?: string;
  /** Applied by Zoho in this order: parents must come before their children. */
  toggles?: Toggle[];
}

const listAnswer = z.looseObject({
  profiles: z.array(z.unknown()).optional(),
  info: z.looseObject({ more_records: z.boolean().optional() }).optional(),
});
const itemAnswer = z.looseObject({
  code: z.string().optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  details: z.looseObject({ id: z.string().optional() }).optional(),
});
const wrappedAnswer = z.looseObject({ profiles: z.array(itemAnswer).min(1) });
const usersAnswer = z.looseObject({
  users: z.array(z.looseObject({ id: z.string(), full_name: z.string(), email: z.string(), status: z.string().optional(), profile: z.looseObject({ id: z.string(), name: z.string() }) })).optional(),
  info: z.looseObject({ more_records: z.boolean().optional() }).optional(),
});

/** A user of the org as the Users API shows it: who holds which profile. */
export interface CrmUser {
  id: string;
  name: string;
  email: string;
  active: boolean;
  profile: { id: string; name: string };
}

/** The Zoho CRM v8 profile endpoints we use, typed, with Zoho's auth, error envelopes and paging handled. */
export class ZohoCrmClient {
  constructor(private readonly transport: Transport) {}

  static for(connection: ZohoConnection): ZohoCrmClient {
    const token = connection.accessToken(userAgent);
    const scheme = "Zoho-oauthtoken ";
    return new ZohoCrmClient(new Transport({
      vendor: "Zoho CRM",
      baseUrl: connection.crmApiBaseUrl(),
      headers: async () => ({ Authorization: scheme + (await token.get()) }),
      renewCredentials: async (refused) => (await token.renew(refused.Authorization.slice(scheme.length)), true),
      describeError: describeZohoCrmError,
      // Zoho CRM puts its hint in the 429 body (details.retry_after, seconds), not in a header.
      retryHintFromBody: retryHintOf,
      // The smallest edition (Free) allows 5 concurrent requests; stay under it.
      maxConcurrent: 4,
      pace: connection.pace("crm"),
      userAgent,
    }));
  }

  /** Every profile, the lite ones included (so a reference to one is recognised and refused with a reason). */
  async listProfiles(): Promise<LiveProfile[]> {
    const profiles: LiveProfile[] = [];
    for (let page = 1; ; page++) {
      // include_types=Lite is the OpenAPI file's parameter; the SDKs send include_lite_profile=true (README §9.2).
      const { body } = await this.transport.request({ method: "GET", path: "/settings/profiles", query: { page, per_page: PER_PAGE, include_types: "Lite" } });
      // A page with nothing on it answers 204 without a body.
      const answer = parse(listAnswer, body ?? {}, "GET /settings/profiles");
      profiles.push(...(answer.profiles ?? []).map((item) => parse(liveProfileSchema, item, "a profile in GET /settings/profiles")));
      if (!answer.info?.more_records) return profiles;
    }
  }

  /** Every user of the org with its profile (GET /users?type=AllUsers; needs the ZohoCRM.users.READ scope). */
  async listUsers(): Promise<CrmUser[]> {
    const users: CrmUser[] = [];
    for (let page = 1; ; page++) {
      const { body } = await this.transport.request({ method: "GET", path: "/users", query: { type: "AllUsers", page, per_page: PER_PAGE } });
      const answer = parse(usersAnswer, body ?? {}, "GET /users");
      users.push(...(answer.users ?? []).map((u) => ({ id: u.id, name: u.full_name, email: u.email, active: u.status === undefined || u.status === "active", profile: { id: u.profile.id, name: u.profile.name } })));
      if (!answer.info?.more_records) return users;
    }
  }

  /** Undefined when the profile does not exist (Zoho answers an unknown path id with INVALID_DATA on the path). */
  async getProfile(id: string): Promise<DetailedProfile | undefined> {
    const where = `GET /settings/profiles/${id}`;
    try {
      const { body } = await this.transport.request({ method: "GET", path: `/settings/profiles/${encodeURIComponent(id)}` });
      // profiles.json lists a 204 for this GET too: nothing to show, so nothing there.
      if (body === undefined) return undefined;
      const profile = parse(z.looseObject({ profiles: z.array(liveProfileSchema).length(1) }), body, where).profiles[0];
      if (!profile.permissions_details) throw new HelpdeskError(`Zoho CRM returned no permissions_details to ${where}`);
      return profile as DetailedProfile;
    } catch (error) {
      if (isGoneProfileError(error)) return undefined;
      throw error;
    }
  }

  /** POST .../actions/clone answers 201 with the new id only; the caller reads the profile if it needs it. */
  async cloneProfile(sourceId: string, fields: { name: string; description?: string }): Promise<string> {
    const where = `POST /settings/profiles/${sourceId}/actions/clone`;
    const { body } = await this.transport.request({ method: "POST", path: `/settings/profiles/${encodeURIComponent(sourceId)}/actions/clone`, body: { profiles: [fields] } });
    return succeeded(body, where);
  }

  /**
   * PATCH, as the v8 OpenAPI file documents it (a partial update: only the fields sent change). The SDKs use PUT,
   * which profiles.json and the docs say requires `name`; PATCH lets a switch change carry nothing but that switch.
   * The answer holds no profile, only SUCCESS and the id: that is what is checked.
   */
  async updateProfile(id: string, update: ProfileUpdate): Promise<void> {
    const where = `PATCH /settings/profiles/${id}`;
    const item = {
      ...(update.name !== undefined ? { name: update.name } : {}),
      ...(update.description !== undefined ? { description: update.description } : {}),
      ...(update.toggles?.length ? { permissions_details: update.toggles.map(({ id: permissionId, enabled }) => ({ id: permissionId, enabled })) } : {}),
    };
    try {
      const { body } = await this.transport.request({ method: "PATCH", path: `/settings/profiles/${encodeURIComponent(id)}`, body: { profiles: [item] } });
      const answered = succeeded(body, where);
      if (answered !== id) throw new HelpdeskError(`Zoho CRM answered ${where} for another profile (${answered}); the update is not confirmed`);
    } catch (error) {
      throw withPermissionNamed(error, update.toggles);
    }
  }

  /** transfer_to is mandatory (users move there). A profile already gone counts as deleted (a retry whose answer was lost). */
  async deleteProfile(id: string, transferToId: string): Promise<void> {
    try {
      await this.transport.request({ method: "DELETE", path: `/settings/profiles/${encodeURIComponent(id)}`, query: { transfer_to: transferToId } });
    } catch (error) {
      if (!isGoneProfileError(error)) throw error;
    }
  }
}

/** The id in a success answer (wrapped in profiles[] or not); a per-item error answered with 2xx is an error. */
function succeeded(body: unknown, where: string): string {
  const wrapped = wrappedAnswer.safeParse(body);
  const item = wrapped.success ? wrapped.data.profiles[0] : parse(itemAnswer, body, where);
  if (item.status !== "success" || !item.details?.id) {
    throw new HelpdeskError(`Zoho CRM did not confirm ${where}: ${[item.code, item.message].filter(Boolean).join(" ") || JSON.stringify(body)}`);
  }
  return item.details.id;
}

/** Zoho points at a refused switch by its index in the body; say which permission that was. */
function withPermissionNamed(error: unknown, toggles: Toggle[] | undefined): unknown {
  const index = permissionIndexOf(error);
  const toggle = index === undefined ? undefined : toggles?.[index];
  if (!toggle || !(error instanceof VendorApiError)) return error;
  return new HelpdeskError(`${error.message} (the switch it refused: ${toggle.name} = ${toggle.enabled})`);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    throw new HelpdeskError(`Zoho CRM returned an unexpected answer to ${where}: ${problems}`);
  }
  return result.data;
}
