import { z } from "zod";
import { imichatConnectionArgument } from "./connection";

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** IMIchat documents no lengths; 255 is the common column size, kept as a sanity bound. */
const MAX_TEXT = 255;

export const STATUSES = ["active", "inactive"] as const;
export const TEAM_ROLES = ["Team Manager", "Team Agent", "Team Analyst"] as const;

const line = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be text`) })
    .refine((s) => !CONTROL.test(s), `${what} must not contain control characters (line breaks, tabs, ...)`)
    .refine((s) => s.length <= MAX_TEXT, `${what} must be at most ${MAX_TEXT} characters`);

const privilege = z.strictObject({
  team: z.number({ error: () => "team must be a team id (a whole number)" }).int("team must be a whole number").positive("team must be a positive team id")
    .describe("The team's id."),
  role: z.enum(TEAM_ROLES, { error: (issue) => `role must be one of ${TEAM_ROLES.join(", ")}; got ${JSON.stringify(issue.input)}` })
    .describe("Team Manager, Team Agent or Team Analyst."),
});

export const userArgsSchema = z.strictObject({
  firstName: line("firstName").refine((s) => s.trim() !== "", "firstName must not be empty or blank (IMIchat requires it)").describe("First name, not blank."),
  lastName: line("lastName").optional().describe("Last name; if not declared, left alone."),
  loginId: line("loginId")
    .refine((s) => s.trim() !== "" && !/\s/.test(s), "loginId must not be empty or contain spaces")
    .describe("The login id, unique in the tenant (compared case-insensitively). Set at creation only: IMIchat's update does not take it."),
  email: z
    .string({ error: () => "email is required" })
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s.]+$/, "email must be an address like name@example.com")
    .describe("The user's email, unique in the tenant (compared case-insensitively). Set at creation only: IMIchat's update does not take it."),
  status: z.enum(STATUSES, { error: (issue) => `status must be active or inactive; got ${JSON.stringify(issue.input)}` }).optional()
    .describe("active or inactive. New users are active. Destroy sets inactive (IMIchat has no delete)."),
  jobDescription: z.string().refine((s) => !CONTROL_EXCEPT_LINE_BREAKS.test(s), "jobDescription must not contain control characters other than line breaks and tabs").optional()
    .describe("Job description; if not declared, left alone."),
  loginUsingEmail: z.boolean().optional().describe("Whether the user signs in with the email instead of the login id."),
  customAttributes: z.record(z.string(), z.union([z.string(), z.number()], { error: () => "a custom attribute value must be text or a number" })).optional()
    .describe(
      "Values of the tenant's custom attributes (defined in the admin console), by attribute name. Only the keys declared are owned and compared; " +
        "set after creation (IMIchat's create does not take them). The API cannot list the definitions, so a value is checked against them only when applied.",
    ),
  skillAttributes: z.record(z.string(), z.unknown()).optional()
    .describe("Skill attributes (e.g. { language: [\"English\"] }). IMIchat replaces them whole, so when declared they are owned whole."),
  privileges: z.array(privilege).optional()
    .describe(
      "The user's teams and roles. Required to create a user, and must include the connection's team (IMIchat shows a user only to its teams). " +
        "Create-only: IMIchat's update refuses privileges (3115), so a change after creation is refused at preview; change roles in the admin console.",
    ),
  adopt: z.literal(true, { error: () => "adopt must be true (the team's user with this login id or email)" }).optional()
    .describe("Manage the team's existing user with this login id or email instead of creating one. Only used at creation; destroy then deactivates it."),
  connection: imichatConnectionArgument,
}).superRefine((args, ctx) => {
  const teams = (args.privileges ?? []).map((p) => p.team);
  teams.forEach((team, i) => {
    if (teams.indexOf(team) !== i) ctx.addIssue({ code: "custom", path: ["privileges", i, "team"], message: `team ${team} is listed twice; IMIchat gives a user one role per team` });
  });
  if (args.adopt && args.privileges !== undefined) {
    ctx.addIssue({ code: "custom", path: ["privileges"], message: "privileges cannot be set on an adopted user: IMIchat's update refuses them (3115); remove privileges (the output teamRoles shows them)" });
  }
  if (!args.adopt && args.privileges === undefined) {
    ctx.addIssue({ code: "custom", path: ["privileges"], message: "privileges is required to create a user: IMIchat creates users only with at least one team role" });
  }
  if (args.privileges !== undefined && args.privileges.length === 0) {
    ctx.addIssue({ code: "custom", path: ["privileges"], message: "privileges must list at least one team and role" });
  }
});

export type UserArgs = z.infer<typeof userArgsSchema>;

/** Arguments IMIchat takes only at creation: changing them later is refused at preview. */
export const CREATE_ONLY = ["loginId", "email", "privileges"] as const;
