import { z } from "zod";
import { HelpdeskError } from "../core/errors";

/**
 * What Chatwoot answers, read tolerantly (a key Chatwoot adds tomorrow is no error) and then copied key by key into
 * our own shapes. The profile answer also carries the user's `access_token` and `pubsub_token` (the agent and role
 * answers do not, today): copying only the listed keys is what keeps them out of outputs, state and errors.
 */
const agentAnswer = z.looseObject({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  availability_status: z.string(),
  auto_offline: z.boolean(),
  confirmed: z.boolean().optional(),
  custom_role_id: z.number().nullable().optional(),
});

export interface LiveAgent {
  id: number;
  name: string;
  email: string;
  role: string;
  /** The stored availability while auto offline is off; with it on, presence (online only while a browser is open). */
  availabilityStatus: string;
  autoOffline: boolean;
  confirmed?: boolean;
  customRoleId: number | null;
}

const customRoleAnswer = z.looseObject({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()),
});

export interface LiveCustomRole {
  id: number;
  name: string;
  description: string | null;
  permissions: string[];
}

const profileAnswer = z.looseObject({
  id: z.number(),
  name: z.string(),
  display_name: z.string().nullable().optional(),
  email: z.string(),
  message_signature: z.string().nullable().optional(),
  custom_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
  ui_settings: z.record(z.string(), z.unknown()).nullable().optional(),
  accounts: z.array(z.looseObject({ id: z.number(), role: z.string().nullable().optional(), availability: z.string().optional(), auto_offline: z.boolean().optional() })).optional(),
});

export interface LiveProfile {
  id: number;
  name: string;
  displayName: string | null;
  email: string;
  messageSignature: string | null;
  phoneNumber: string | null;
  uiSettings: Record<string, unknown>;
  accounts: Array<{ id: number; role: string | null; availability?: string }>;
}

export function agentFrom(body: unknown, where: string): LiveAgent {
  const a = parse(agentAnswer, body, where);
  return {
    id: a.id, name: a.name, email: a.email, role: a.role, availabilityStatus: a.availability_status, autoOffline: a.auto_offline,
    ...(a.confirmed !== undefined ? { confirmed: a.confirmed } : {}), customRoleId: a.custom_role_id ?? null,
  };
}

export function customRoleFrom(body: unknown, where: string): LiveCustomRole {
  const r = parse(customRoleAnswer, body, where);
  return { id: r.id, name: r.name, description: r.description ?? null, permissions: [...r.permissions] };
}

export function profileFrom(body: unknown, where: string): LiveProfile {
  const p = parse(profileAnswer, body, where);
  const phone = p.custom_attributes?.phone_number;
  return {
    id: p.id,
    name: p.name,
    displayName: p.display_name ?? null,
    email: p.email,
    messageSignature: p.message_signature ?? null,
    phoneNumber: typeof phone === "string" ? phone : null,
    uiSettings: { ...(p.ui_settings ?? {}) },
    accounts: (p.accounts ?? []).map((a) => ({ id: a.id, role: a.role ?? null, ...(a.availability !== undefined ? { availability: a.availability } : {}) })),
  };
}

/** Errors name the keys that did not fit, never the values (the profile answer holds tokens). */
function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.code}`).join("; ");
    throw new HelpdeskError(`Chatwoot returned an unexpected answer to ${where}: ${problems}`);
  }
  return result.data;
}
