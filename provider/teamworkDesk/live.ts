import { z } from "zod";
import { HelpdeskError } from "../core/errors";

/**
 * A user as Teamwork Desk answers it, read tolerantly (a key Teamwork adds tomorrow is no error) and copied key by
 * key into our own shape. Teamwork renders the role "Admin"/"Agent" and takes "admin"/"agent": lower-cased here.
 */
const userAnswer = z.looseObject({
  id: z.number(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string().nullable().optional(),
  role: z.string(),
  avatarURL: z.string().nullable().optional(),
  editMethod: z.string(),
  isPartTime: z.boolean(),
  ticketReplyRedirect: z.string(),
  reviewer: z.boolean(),
  sendPushNotifications: z.boolean(),
  sendWebNotifications: z.boolean(),
  autoFollowOnCC: z.boolean(),
  timeFormatId: z.number(),
  timezoneId: z.number(),
  isAppOwner: z.boolean().optional(),
  createdAt: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  state: z.string().optional(),
  inboxes: z.array(z.looseObject({ id: z.number() })).optional(),
});

export interface LiveUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  editMethod: string;
  isPartTime: boolean;
  ticketReplyRedirect: string;
  reviewer: boolean;
  sendPushNotifications: boolean;
  sendWebNotifications: boolean;
  autoFollowOnCC: boolean;
  timeFormatId: number;
  timezoneId: number;
  avatarUrl: string | null;
  isAppOwner: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  deleted: boolean;
  /** Only when asked for with includes=inboxes. */
  inboxIds?: number[];
}

export function userFrom(body: unknown, where: string): LiveUser {
  const u = parse(userAnswer, body, where);
  return {
    id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName ?? "", role: u.role.toLowerCase(), editMethod: u.editMethod,
    isPartTime: u.isPartTime, ticketReplyRedirect: u.ticketReplyRedirect, reviewer: u.reviewer, sendPushNotifications: u.sendPushNotifications,
    sendWebNotifications: u.sendWebNotifications, autoFollowOnCC: u.autoFollowOnCC, timeFormatId: u.timeFormatId, timezoneId: u.timezoneId,
    avatarUrl: u.avatarURL ?? null, isAppOwner: u.isAppOwner ?? false, createdAt: u.createdAt ?? null, updatedAt: u.updatedAt ?? null,
    deleted: u.state === "deleted",
    ...(u.inboxes ? { inboxIds: u.inboxes.map((i) => i.id).sort((a, b) => a - b) } : {}),
  };
}

/** Errors name the keys that did not fit, never the values. */
function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.code}`).join("; ");
    throw new HelpdeskError(`Teamwork Desk returned an unexpected answer to ${where}: ${problems}`);
  }
  return result.data;
}
