import { z } from "zod";
import { displayName } from "../core/text-rules";
import { teamworkDeskConnectionArgument } from "./connection";

/** Teamwork's Validator: names are "shorter than 100 characters" (100 fits). */
const MAX_NAME = 100;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const ROLES = ["admin", "agent"] as const;
export const EDIT_METHODS = ["html", "markdown"] as const;
export const REPLY_REDIRECTS = ["Stay", "Next", "Inbox"] as const;

const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T, note = "") =>
  z.enum(values, { error: (issue) => `${what} must be one of ${values.join(", ")}${note}; got ${JSON.stringify(issue.input)}` });

/** A positive id of one of Teamwork's tables (time zones, time formats); the API does not publish the tables. */
const tableId = (what: string) =>
  z.number({ error: () => `${what} must be a whole number (Teamwork's id)` }).int(`${what} must be a whole number (Teamwork's id)`).positive(`${what} must be 1 or more (Teamwork's ids start at 1)`);

export const userArgsSchema = z.strictObject({
  email: z
    .string({ error: () => "email is required: it identifies the user" })
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s.]+$/, "email must be an address like name@example.com (Teamwork: \"must be a valid email address\")")
    .describe("The user's email: the identity Teamwork Desk knows the user by, unique in the site (compared case-insensitively, deleted users included). Changing it is an in-place update."),
  firstName: displayName("firstName", "Teamwork Desk", MAX_NAME).describe("First name, 1-100 characters, not blank."),
  lastName: z
    .string()
    .refine((s) => !CONTROL.test(s), "lastName must not contain control characters (line breaks, tabs, ...)")
    .refine((s) => s.length <= MAX_NAME, `lastName must be at most ${MAX_NAME} characters (Teamwork Desk's limit)`)
    .optional()
    .describe("Last name, at most 100 characters; if not declared, left alone."),
  role: oneOf("role", ROLES).optional().describe("admin or agent. Default at creation: agent. Teamwork shows it as Admin/Agent."),
  isPartTime: z.boolean().optional().describe("Part-time agent. Default at creation: false."),
  reviewer: z.boolean().optional().describe("May review other agents' replies. Default at creation: false."),
  autoFollowOnCC: z.boolean().optional().describe("Follow a ticket automatically when copied on it. Default at creation: true."),
  editMethod: oneOf("editMethod", EDIT_METHODS).optional().describe("The reply editor: html or markdown. Default at creation: html."),
  ticketReplyRedirect: oneOf("ticketReplyRedirect", REPLY_REDIRECTS, " (with that capital letter)").optional().describe(
    "Where the agent goes after replying: Stay (on the ticket), Next (the next ticket) or Inbox. Default at creation: Stay.",
  ),
  sendPushNotifications: z.boolean().optional().describe("Mobile push notifications. Default at creation: true."),
  sendWebNotifications: z.boolean().optional().describe("Browser notifications. Default at creation: true."),
  timezoneId: tableId("timezoneId").optional().describe("Teamwork's time zone id (as the user settings page sets it). Default at creation: 1."),
  timeFormatId: tableId("timeFormatId").optional().describe("Teamwork's time format id. Default at creation: 1."),
  adopt: z
    .union([z.literal(true), z.number().int().positive()], { error: () => "adopt must be true (the user with this email) or a user id (a whole number)" })
    .optional()
    .describe(
      "Manage an existing user instead of creating one: true for the user with this email, or the user's id. A deleted user is restored. Only used at creation; " +
        "destroy then deletes the adopted user (use the retainOnDelete option to keep it).",
    ),
  connection: teamworkDeskConnectionArgument,
});

export type UserArgs = z.infer<typeof userArgsSchema>;

/** The arguments that are user fields, sent to Teamwork under the same names. */
export const USER_FIELDS = [
  "email", "firstName", "lastName", "role", "isPartTime", "reviewer", "autoFollowOnCC", "editMethod", "ticketReplyRedirect",
  "sendPushNotifications", "sendWebNotifications", "timezoneId", "timeFormatId",
] as const satisfies ReadonlyArray<keyof UserArgs>;
