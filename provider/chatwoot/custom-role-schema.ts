import { z } from "zod";
import { chatwootConnectionArgument } from "./connection";
import { didYouMean, line, text } from "./rules";

/** enterprise/app/models/custom_role.rb PERMISSIONS: all a custom role can grant. */
export const CUSTOM_ROLE_PERMISSIONS = [
  "conversation_manage",
  "conversation_unassigned_manage",
  "conversation_participating_manage",
  "contact_manage",
  "report_manage",
  "knowledge_base_manage",
] as const;

const permissions = z
  .array(z.string())
  .superRefine((list, ctx) => {
    list.forEach((permission, index) => {
      if (!(CUSTOM_ROLE_PERMISSIONS as readonly string[]).includes(permission)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `unknown permission '${permission}'${didYouMean(permission, CUSTOM_ROLE_PERMISSIONS)}; Chatwoot's are ${CUSTOM_ROLE_PERMISSIONS.join(", ")}`,
        });
      } else if (list.indexOf(permission) !== index) {
        ctx.addIssue({ code: "custom", path: [index], message: `'${permission}' is listed twice` });
      }
    });
  })
  .describe(`What the role grants, any of: ${CUSTOM_ROLE_PERMISSIONS.join(", ")}. Order does not matter.`);

export const customRoleArgsSchema = z.strictObject({
  name: line("name", { required: true }).describe("The role's name, unique in the account (Chatwoot compares it exactly, case included). No control characters; not blank."),
  description: text("description").optional().describe("Free text shown beside the role. If declared, owned; if not, left alone."),
  permissions,
  adopt: z
    .union([z.boolean(), z.number().int().positive()], { error: () => "adopt must be true (the role with this name) or a custom role's id (a whole number)" })
    .optional()
    .describe(
      "Manage an existing custom role of the account instead of creating one: true for the role with this name, or the role's id (name then renames it). " +
        "One PATCH of what differs, nothing if nothing does. Only used at creation; destroy then deletes the role (use the retainOnDelete option to keep it).",
    ),
  connection: chatwootConnectionArgument,
});

export type CustomRoleArgs = z.infer<typeof customRoleArgsSchema>;
