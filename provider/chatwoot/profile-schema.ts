import { z } from "zod";
import { chatwootConnectionArgument } from "./connection";
import { availability, email, line, MAX_USER_STRING, text } from "./rules";

/** devise :validatable (6..128) and devise-secure_password (upper, lower, digit, symbol), as Chatwoot configures them. */
const password = z
  .string()
  .refine((s) => s.length >= 6 && s.length <= 128, "password must be 6 to 128 characters long")
  .refine((s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s) && /[^A-Za-z0-9]/.test(s),
    "password must contain an upper-case letter, a lower-case letter, a digit and a punctuation mark or symbol (Chatwoot's password rule)");

export const profileArgsSchema = z.strictObject({
  name: line("name", { required: true, max: MAX_USER_STRING }).optional().describe("The user's full name, at most 255 characters, not blank."),
  displayName: line("displayName", { required: false, max: MAX_USER_STRING }).optional().describe("The name customers see, at most 255 characters."),
  email: email.optional().describe(
    "The login email. Chatwoot keeps the old one until the user follows the confirmation link it emails; until then the change shows as pending (emailPendingConfirmation).",
  ),
  messageSignature: text("messageSignature").optional().describe("Appended to the user's replies. Line breaks allowed."),
  phoneNumber: line("phoneNumber", { required: false }).optional().describe("Stored by Chatwoot among the user's custom attributes."),
  uiSettings: z.record(z.string(), z.unknown()).optional().describe(
    "Dashboard settings. Only the keys declared are owned and compared; the others keep whatever the dashboard wrote.",
  ),
  availability: availability.optional().describe("online, busy or offline, in the connection's account."),
  password: password.optional().describe(
    "A new password (write-only; pass pulumi.secret). Sent once, with currentPassword; never read back or stored: the state keeps only a salted scrypt hash, " +
      "so changing the value here is what sends it again.",
  ),
  currentPassword: z.string().optional().describe("The password the user has now; Chatwoot requires it to set password. Write-only, never stored."),
  restoreOnDestroy: z.boolean().optional().describe("On destroy, put back the values the profile had when this resource adopted it (not the password). Default false: leave it."),
  connection: chatwootConnectionArgument,
}).superRefine((args, ctx) => {
  if (args.password !== undefined && args.currentPassword === undefined) {
    ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "currentPassword is required with password: Chatwoot refuses a new password without the current one" });
  }
});

export type ProfileArgs = z.infer<typeof profileArgsSchema>;

/** Inputs whose values are never shown in an error, a diff or the state. */
export const WRITE_ONLY = ["password", "currentPassword"] as const;
