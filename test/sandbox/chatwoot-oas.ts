import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import OpenAPIResponseValidator from "openapi-response-validator";
import { repoRoot } from "../../harness/repo-root";

/**
 * Chatwoot's own swagger (upstream develop v4.9.1, specs/chatwoot/upstream/application_swagger.json and
 * platform_swagger.json, OpenAPI 3.0.4) as the contract every Chatwoot sandbox answer is checked against, with
 * openapi-response-validator.
 *
 * Where the swagger and the server code disagree, the sandbox answers as the server does; each such place is an
 * erratum below, naming the server file that contradicts the swagger. Errata widen the swagger only where the server
 * answers otherwise; those marked "tightens" narrow a schema that would accept anything (bad_request_error has no
 * required keys, so every JSON object passes it) to the body the server renders.
 */
export const SPEC_DIR = join(repoRoot, "..", "shared", "vendors", "specs", "chatwoot", "upstream");

export interface Erratum { id: string; what: string; source: string }
type Json = any; // the swagger is untyped JSON

export const ERRATA: Erratum[] = [
  { id: "availability-online", what: "agent.availability_status is online|busy|offline (the swagger says available|busy|offline).",
    source: "app/models/account_user.rb (enum availability: online, offline, busy), app/models/concerns/availability_statusable.rb" },
  { id: "nullable-ids", what: "agent.custom_role_id, user.inviter_id, user.account_id, user.role and accounts[].active_at may be null.",
    source: "app/views/api/v1/models/_agent.json.jbuilder (current_account_user&.custom_role_id), _user.json.jbuilder "
      + "(active_account_user&.inviter_id / &.account_id / &.role), account_users.active_at (null until set_active_account)" },
  { id: "agents-401", what: "Agent and custom role writes by a non-administrator answer 401 {error}, not 403; every account route "
      + "answers 401 for no/bad token, another account, a suspended account.",
    source: "app/policies/user_policy.rb + request_exception_handler.rb (Pundit::NotAuthorizedError → render_unauthorized); "
      + "api/v1/accounts/base_controller.rb; concerns/access_token_auth_helper.rb" },
  { id: "error-bodies", what: "401/404 bodies are {error: <message>} or devise's {errors: [<message>]}, 402 {error}, 422 {error} or "
      + "{message, attributes[]}; unknown routes and uncaught exceptions answer Rails' {status, error} (tightens).",
    source: "app/controllers/concerns/request_exception_handler.rb; devise failure app; ActionDispatch::PublicExceptions" },
  { id: "agents-put-404-422-402", what: "PUT /agents/{id} exists with PATCH's answers; agent routes may answer 404 (unknown account), "
      + "402 (agent limit), 422 (missing `agent`, invalid user, already a member), 500 (unknown enum value, unknown custom role).",
    source: "config/routes.rb (resources :agents); api/v1/accounts/agents_controller.rb (validate_limit, require(:agent)); "
      + "builders/agent_builder.rb; enterprise/.../agents_controller.rb" },
  { id: "profile-update", what: "PUT and PATCH /api/v1/profile and POST /profile/availability, /profile/auto_offline, "
      + "/profile/reset_access_token answer the user as GET does (the swagger bundle lists GET only); 422 on a bad password or field.",
    source: "config/routes.rb (resource :profile, availability, auto_offline, reset_access_token); api/v1/profiles_controller.rb; "
      + "app/views/api/v1/profiles/*.json.jbuilder (the _user partial)" },
  { id: "custom-roles", what: "/api/v1/accounts/{account_id}/custom_roles[/{id}] (absent from the swagger): a role is "
      + "{id, name, description, permissions[], created_at, updated_at}; the list is a bare array; destroy 200 without body; an "
      + "unknown id answers 500 (find_by → nil).",
    source: "enterprise/app/controllers/api/v1/accounts/custom_roles_controller.rb; enterprise/app/views/api/v1/accounts/custom_roles/*, "
      + "enterprise/app/views/api/v1/models/_custom_role.json.jbuilder" },
  { id: "rack-attack-429", what: "Every operation may answer 429 with the text/plain body \"Retry later\\n\".",
    source: "config/initializers/rack_attack.rb (throttle req/ip); Rack::Attack's default throttled_responder" },
  { id: "platform-extra", what: "PUT /platform/api/v1/users/{id} exists with PATCH's answers; platform routes may answer 401 "
      + "{error: Invalid access_token | Non permissible resource}, 404, 422; a user without accounts has null account_id/role.",
    source: "config/routes.rb (resources :users); app/controllers/platform_controller.rb; platform/api/v1/users_controller.rb; "
      + "platform/api/v1/models/_user.json.jbuilder" },
];

const obj = (properties: Json, required: string[] = Object.keys(properties)): Json => ({ type: "object", required, properties, additionalProperties: false });
const str = (values?: string[]) => (values ? { type: "string", enum: values } : { type: "string" });
const json = (schema: Json) => ({ description: "", content: { "application/json": { schema } } });

/** Error bodies as the server renders them (tightens bad_request_error). */
function errorSchemas(): Record<string, Json> {
  return {
    Cw_Error: obj({ error: str() }),
    Cw_Devise_Error: obj({ errors: { type: "array", minItems: 1, items: str() } }),
    Cw_Unauthorized: { anyOf: [
      obj({ error: str(["Invalid Access Token", "You are not authorized to access this account", "Account is suspended",
        "You are not authorized to do this action", "Access to this endpoint is not authorized for bots",
        "Invalid access_token", "Non permissible resource"]) }),
      obj({ errors: { type: "array", items: str(["You need to sign in or sign up before continuing."]), minItems: 1, maxItems: 1 } }),
    ] },
    Cw_Not_Found: obj({ error: str(["Resource could not be found"]) }),
    Cw_Unprocessable: { anyOf: [obj({ error: str() }), obj({ message: str(), attributes: { type: "array", minItems: 1, items: str() } })] },
    Cw_Payment_Required: obj({ error: str(["Account limit exceeded. Please purchase more licenses"]) }),
    Cw_Rails_Error: obj({ status: { type: "integer" }, error: str() }),
    Cw_Custom_Role: obj({
      id: { type: "integer" }, name: str(), description: { type: "string", nullable: true },
      permissions: { type: "array", items: str(["conversation_manage", "conversation_unassigned_manage", "conversation_participating_manage",
        "contact_manage", "report_manage", "knowledge_base_manage"]) },
      created_at: { type: "string", format: "date-time" }, updated_at: { type: "string", format: "date-time" },
    }),
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const throttled = { description: "", content: { "text/plain": { schema: { type: "string", enum: ["Retry later\n"] } } } };

/** Statuses every operation of the given kind may answer besides its success. */
function commonErrors(op: Json, extra: Record<string, Json> = {}): void {
  op.responses = {
    ...op.responses,
    "401": json(ref("Cw_Unauthorized")), "404": json(ref("Cw_Not_Found")), "422": json(ref("Cw_Unprocessable")),
    "429": throttled, "500": json(ref("Cw_Rails_Error")), ...extra,
  };
  delete op.responses["403"];
}

function fixUserSchema(schemas: Json): void {
  const user = schemas.user.properties;
  for (const key of ["inviter_id", "account_id"]) user[key] = { type: "number", nullable: true };
  user.role = { type: "string", enum: ["agent", "administrator"], nullable: true };
  user.accounts.items.properties.active_at = { type: "string", format: "date-time", nullable: true };
}

/** application_swagger.json with the errata applied. */
export function applicationSpec(dir = SPEC_DIR): Json {
  const spec = JSON.parse(readFileSync(join(dir, "application_swagger.json"), "utf8"));
  const schemas = spec.components.schemas;
  Object.assign(schemas, errorSchemas());
  schemas.agent.properties.availability_status = str(["online", "busy", "offline"]);
  schemas.agent.properties.custom_role_id = { type: "integer", nullable: true };
  fixUserSchema(schemas);
  const agents = spec.paths["/api/v1/accounts/{account_id}/agents"];
  const agent = spec.paths["/api/v1/accounts/{account_id}/agents/{id}"];
  agent.put = JSON.parse(JSON.stringify(agent.patch));
  for (const op of [agents.get, agents.post, agent.patch, agent.put, agent.delete]) commonErrors(op, { "402": json(ref("Cw_Payment_Required")) });
  const profile = spec.paths["/api/v1/profile"];
  const userAnswer = () => ({ responses: { "200": json(ref("user")) } });
  profile.put = userAnswer();
  profile.patch = userAnswer();
  spec.paths["/api/v1/profile/availability"] = { post: userAnswer() };
  spec.paths["/api/v1/profile/auto_offline"] = { post: userAnswer() };
  spec.paths["/api/v1/profile/reset_access_token"] = { post: userAnswer() };
  spec.paths["/api/v1/profile/set_active_account"] = { put: { responses: { "200": { description: "" } } } };
  const roles = { get: { responses: { "200": json({ type: "array", items: ref("Cw_Custom_Role") }) } }, post: { responses: { "200": json(ref("Cw_Custom_Role")) } } };
  const role = { get: { responses: { "200": json(ref("Cw_Custom_Role")) } }, put: { responses: { "200": json(ref("Cw_Custom_Role")) } },
    patch: { responses: { "200": json(ref("Cw_Custom_Role")) } }, delete: { responses: { "200": { description: "" } } } };
  spec.paths["/api/v1/accounts/{account_id}/custom_roles"] = roles;
  spec.paths["/api/v1/accounts/{account_id}/custom_roles/{id}"] = role;
  for (const p of ["/api/v1/profile", "/api/v1/profile/availability", "/api/v1/profile/auto_offline", "/api/v1/profile/reset_access_token",
    "/api/v1/profile/set_active_account", "/api/v1/accounts/{account_id}/custom_roles", "/api/v1/accounts/{account_id}/custom_roles/{id}"]) {
    for (const op of Object.values(spec.paths[p]) as Json[]) if (op.responses) commonErrors(op);
  }
  return spec;
}

/** platform_swagger.json with the errata applied. */
export function platformSpec(dir = SPEC_DIR): Json {
  const spec = JSON.parse(readFileSync(join(dir, "platform_swagger.json"), "utf8"));
  Object.assign(spec.components.schemas, errorSchemas());
  fixUserSchema(spec.components.schemas);
  const user = spec.paths["/platform/api/v1/users/{id}"];
  user.put = JSON.parse(JSON.stringify(user.patch));
  for (const p of ["/platform/api/v1/users", "/platform/api/v1/users/{id}", "/platform/api/v1/users/{id}/login", "/platform/api/v1/accounts/{account_id}/account_users"]) {
    for (const op of Object.values(spec.paths[p]) as Json[]) if (op && op.responses) commonErrors(op);
  }
  return spec;
}

const customFormats = {
  "date-time": (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
};

export interface ChatwootOas {
  /** Problems of one answer; empty when it conforms. `path` is the request path (query ignored). */
  check(method: string, path: string, status: number, body: unknown): string[];
  /** Operations (method + path template) answers were checked against. */
  checked: Set<string>;
}

export function loadChatwootOas(dir = SPEC_DIR): ChatwootOas {
  if (!existsSync(join(dir, "application_swagger.json"))) {
    throw new Error(`Chatwoot's swagger is not at ${dir}: the reference folder (shared/vendors) must sit beside the checkout`);
  }
  const specs = [applicationSpec(dir), platformSpec(dir)];
  const templates = specs.flatMap((spec) =>
    Object.keys(spec.paths).map((t) => ({ spec, t, re: new RegExp("^" + t.replace(/\{[^}]+\}/g, "[^/]+") + "/?$") })));
  const cache = new Map<string, OpenAPIResponseValidator>();
  const validator = (key: string, responses: Json, components: Json) => {
    if (!cache.has(key)) cache.set(key, new OpenAPIResponseValidator({ responses, components, customFormats }));
    return cache.get(key)!;
  };
  // No route for this method and path: Rails' routing error, or a throttled request.
  const fallback = { "404": json(ref("Cw_Rails_Error")), "429": throttled };
  const checked = new Set<string>();
  return {
    checked,
    check(method, path, status, body) {
      const hit = templates.find((x) => x.re.test(path) && x.spec.paths[x.t][method.toLowerCase()]);
      const op = hit ? hit.spec.paths[hit.t][method.toLowerCase()] : undefined;
      const key = op ? `${method.toUpperCase()} ${hit!.t}` : "fallback";
      if (op) checked.add(key);
      const components = (hit?.spec ?? specs[0]).components;
      const result = validator(key, op ? op.responses : fallback, components).validateResponse(status, body);
      return result ? (result.errors ?? [result]).map((e: { path?: string; message: string }) => `${key} ${status}: ${e.path ?? ""} ${e.message}`) : [];
    },
  };
}
