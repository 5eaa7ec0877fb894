import { z } from "zod";
import { chatwootConnectionArgument } from "./connection";
import { availability, email, line, MAX_USER_STRING, role } from "./rules";

/** A custom role by name (as Chatwoot spells it) or id; the id output of a chatwoot.CustomRole of the program works too. */
export const customRoleReference = z
  .union([
    z.number().int().positive(),
    z.string().refine((s) => s.trim() !== "", "customRole must name a custom role (its name or id)"),
  ], { error: () => "customRole must be a custom role's name (text) or id (a whole number)" });

export const agentArgsSchema = z.strictObject({
  name: line("name", { required: true, max: MAX_USER_STRING }).describe(
    "The user's name (at most 255 characters, not blank). It belongs to the user, so every account the user is in shows it. " +
      "When the email belongs to an existing user, Chatwoot keeps that user's name; this resource then sets it.",
  ),
  email: email.describe("The user's email, which identifies the agent. Chatwoot stores it in lower case. Changing it replaces the agent (Chatwoot never changes an agent's email)."),
  role: role.optional().describe("agent or administrator. Default at creation: agent; if not declared, left alone afterwards."),
  availability: availability.optional().describe("online, busy or offline. With autoOffline true Chatwoot shows presence instead, so this is then set but not compared."),
  autoOffline: z.boolean().optional().describe("Whether Chatwoot marks the agent offline when no dashboard is open. Default at creation: false."),
  customRole: customRoleReference.nullable().optional().describe(
    "A custom role (Enterprise) for an agent, by name or id; for a role this program creates, pass its customRoleId output. " +
      "null: no custom role (one the agent has is taken away, and one given in the dashboard is drift). If not declared, the agent keeps whatever role it has.",
  ),
  adopt: z.boolean().optional().describe("Manage the member of the account that has this email instead of adding one. Only used at creation."),
  connection: chatwootConnectionArgument,
}).superRefine((args, ctx) => {
  if (args.customRole != null && args.role === "administrator") {
    ctx.addIssue({ code: "custom", path: ["customRole"], message: "customRole applies to agents only: an administrator has every permission, so Chatwoot ignores a custom role there; remove customRole or set role: \"agent\"" });
  }
});

export type AgentArgs = z.infer<typeof agentArgsSchema>;
