import { z } from "zod";
import { perConnection } from "./core/per-connection";
import { ResourceKindFactory } from "./core/resource-kind";
import { ZohoDeskProfileKind } from "./zohoDesk/profile";
import { ZohoDeskProfilePermissionSetKind } from "./zohoDesk/profile-permission-set";
import { profilePermissionSetArgsSchema } from "./zohoDesk/profile-permission-set-schema";
import { profileArgsSchema } from "./zohoDesk/schema";
import { ZohoCrmProfileKind } from "./zohoCrm/profile";
import { ZohoCrmProfilePermissionSetKind } from "./zohoCrm/profile-permission-set";
import { profilePermissionSetArgsSchema as crmProfilePermissionSetArgsSchema } from "./zohoCrm/profile-permission-set-schema";
import { profileArgsSchema as crmProfileArgsSchema } from "./zohoCrm/schema";
import { ChatwootAgentKind } from "./chatwoot/agent";
import { agentArgsSchema as chatwootAgentArgsSchema } from "./chatwoot/agent-schema";
import { ChatwootCustomRoleKind } from "./chatwoot/custom-role";
import { customRoleArgsSchema as chatwootCustomRoleArgsSchema } from "./chatwoot/custom-role-schema";
import { ChatwootProfileKind } from "./chatwoot/profile";
import { profileArgsSchema as chatwootProfileArgsSchema } from "./chatwoot/profile-schema";
import { TeamworkDeskUserKind } from "./teamworkDesk/user";
import { userArgsSchema as teamworkDeskUserArgsSchema } from "./teamworkDesk/schema";
import { ImichatUserKind } from "./imichat/user";
import { userArgsSchema as imichatUserArgsSchema } from "./imichat/schema";

/** One resource kind: the token its state carries, the arguments' schema (docs come from it), and its logic. */
export interface RegisteredKind {
  /** "<vendor>:<Type>": the dynamic type token is pulumi-nodejs:dynamic/<vendor>:<Type>. */
  token: string;
  schema: z.ZodType;
  factory: ResourceKindFactory;
}

/** Every resource kind of the package. The runtime, the reference docs and their test read this list. */
export const registry: readonly RegisteredKind[] = [
  { token: "zohoDesk:Profile", schema: profileArgsSchema, factory: perConnection((settings, connection) => new ZohoDeskProfileKind(settings, connection)) },
  { token: "zohoDesk:ProfilePermissionSet", schema: profilePermissionSetArgsSchema, factory: perConnection((settings, connection) => new ZohoDeskProfilePermissionSetKind(settings, connection)) },
  { token: "zohoCrm:Profile", schema: crmProfileArgsSchema, factory: perConnection((settings, connection) => new ZohoCrmProfileKind(settings, connection)) },
  { token: "zohoCrm:ProfilePermissionSet", schema: crmProfilePermissionSetArgsSchema, factory: perConnection((settings, connection) => new ZohoCrmProfilePermissionSetKind(settings, connection)) },
  { token: "chatwoot:CustomRole", schema: chatwootCustomRoleArgsSchema, factory: perConnection((settings, connection) => new ChatwootCustomRoleKind(settings, connection)) },
  { token: "chatwoot:Agent", schema: chatwootAgentArgsSchema, factory: perConnection((settings, connection) => new ChatwootAgentKind(settings, connection)) },
  { token: "chatwoot:Profile", schema: chatwootProfileArgsSchema, factory: perConnection((settings, connection) => new ChatwootProfileKind(settings, connection)) },
  { token: "teamworkDesk:User", schema: teamworkDeskUserArgsSchema, factory: perConnection((settings, connection) => new TeamworkDeskUserKind(settings, connection)) },
  { token: "imichat:User", schema: imichatUserArgsSchema, factory: perConnection((settings, connection) => new ImichatUserKind(settings, connection)) },
];
