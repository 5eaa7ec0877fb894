import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import OpenAPIResponseValidator from "openapi-response-validator";
import { repoRoot } from "../../harness/repo-root";

/**
 * Zoho's OpenAPI 3.0 file for CRM v8 profiles (specs/zoho-crm/profiles.json, zoho/crm-oas main @45dff2cc) as the
 * contract every CRM sandbox answer is checked against, with openapi-response-validator (OpenAPI 3.0, ajv 8).
 *
 * The file is older than Zoho's own v8 examples and docs in places, and some of its oneOfs cannot be met by any
 * body. Each place where we depart from it is an erratum below, with the Zoho document that says otherwise.
 * Errata only widen the file where a Zoho source shows a different answer; a few (marked "tightens") narrow it.
 */
export const SPEC_DIR = join(repoRoot, "..", "shared", "vendors", "specs", "zoho-crm");

export interface Erratum {
  id: string;
  what: string;
  source: string;
}

type Json = any; // the spec is untyped JSON

const MINIFIED_USER_REF = "https://raw.githubusercontent.com/Zohocorp-Pvt-Ltd/crm-oas/refs/heads/main/v8.0/users.json#/components/schemas/Minified_User";

export const ERRATA: Erratum[] = [
  {
    id: "users-ref",
    what: "The two $refs to users.json (created_by, modified_by) point at a local copy of its Minified_User {name, id, email}.",
    source: "zoho/crm-oas v8.0/users.json @45dff2cc (same commit as profiles.json)",
  },
  {
    id: "one-of",
    what: "Every oneOf is read as anyOf: the alternatives allow additional properties and overlap (Profiles_Empty matches "
      + "every Profiles_* body, Category_Others every Category_Module), so a valid body matches two of them.",
    source: "profiles.json itself",
  },
  {
    id: "list-without-tree",
    what: "List entries need not carry permissions_details, sections or category; the single-profile GET must carry "
      + "permissions_details and sections. Both must carry api_name, custom and type (tightens).",
    source: "Get Profiles doc (README §2.2: permissions_details \"rendered only when you fetch a specific profile\"); "
      + "v8 getProfiles/getProfile operation docs and samples",
  },
  {
    id: "nulls",
    what: "created_time, modified_time, created_by, modified_by and description may be null; a permission's module and "
      + "parent_permissions may be null.",
    source: "v8 getProfiles and getProfile samples (built-in profiles: created_time/created_by null; non-module "
      + "permissions: module null; roots: parent_permissions null); v8 operation docs (nullable)",
  },
  {
    id: "info",
    what: "A list's info also carries page, per_page, count, more_records (tightens).",
    source: "common.json `info`; v8 getProfiles sample",
  },
  {
    id: "v8-400s",
    what: "400 bodies the file lacks: per-profile errors {code, details {api_name, json_path} | {}, message} wrapped in "
      + "profiles[], path-id errors with details.resource_path_index (INVALID_DATA, NOT_ALLOWED), query-parameter errors "
      + "with details.param_name, delete's MANDATORY_NOT_FOUND {param: transfer_to}.",
    source: "specs/zoho-crm/error-examples.md; zoho/crm-oas v8.0/profiles/operations/*/examples (invalidid, "
      + "systemprofilenotallowed, childpermissionparentdisabled, permissionnotallowed, invalidpermissionsdetailsdatatype, "
      + "invalidprofilenamespecialchars, cannotbecloned, invalidtypeparam, transfertoidnotfound)",
  },
  {
    id: "patch",
    what: "PATCH /settings/profiles/{id} exists, with PUT's responses.",
    source: "v8 patchProfile operation doc; README §2.1",
  },
  {
    id: "list-204",
    what: "GET /settings/profiles may answer 204 without a body (a page with no profiles).",
    source: "Source silent for the list; profiles.json lists 204 for the single-profile GET (sandbox choice, README)",
  },
  {
    id: "other-statuses",
    what: "Statuses the file does not list (401, 403, 404, 413, 429, 500) are checked against common.json's API_Exception "
      + "{status, code, message, details}, with the code of each status pinned (tightens).",
    source: "common.json API_Exception; v8 operation docs (401 AUTHENTICATION_FAILURE/OAUTH_SCOPE_MISMATCH, 403 "
      + "NO_PERMISSION, 500 INTERNAL_ERROR); profiles.json's API_Exception codes INVALID_URL_PATTERN, INVALID_TOKEN; README §2.4 (429)",
  },
];

const V8_ITEM_MESSAGES = [
  "required field not found", "invalid data", "duplicate data", "Invalid permission ID", "Permission is not customizable",
  "Child permission can not be enabled, since its parent permission is disabled", "This Permissionid cannot be updated",
  "Profile cannot be Cloned", "The action given is invalid",
];

function v8Schemas(common: Json): Record<string, Json> {
  const error = (code: Json, details: Json, message: Json = { type: "string" }) => ({
    type: "object",
    required: ["code", "details", "message", "status"],
    properties: { code, details, message, status: { type: "string", enum: ["error"] } },
  });
  return {
    Minified_User: {
      type: "object",
      properties: { name: { type: "string" }, id: { type: "string", nullable: true }, email: { type: "string" } },
      required: ["name", "id"],
    },
    Common_API_Exception: common.components.schemas.API_Exception,
    Common_Info: common.components.schemas.info,
    Common_BodyErrorDetails: common.components.schemas.BodyErrorDetails,
    V8_Item_Error: error(
      { type: "string", enum: ["INVALID_DATA", "MANDATORY_NOT_FOUND", "DUPLICATE_DATA", "NOT_ALLOWED"] },
      { anyOf: [{ type: "object", maxProperties: 0 }, { $ref: "#/components/schemas/Common_BodyErrorDetails" }] },
      { anyOf: [{ type: "string", enum: V8_ITEM_MESSAGES }, { type: "string", pattern: "^Profile name should not contain the following special character\\(s\\) : " }] },
    ),
    V8_Action_Wrapper: {
      type: "object",
      required: ["profiles"],
      properties: { profiles: { type: "array", minItems: 1, maxItems: 1, items: { $ref: "#/components/schemas/V8_Item_Error" } } },
    },
    V8_Path_Id_Error: error(
      { type: "string", enum: ["INVALID_DATA", "NOT_ALLOWED"] },
      { type: "object", required: ["resource_path_index"], properties: { resource_path_index: { type: "integer" } } },
      { type: "string", enum: ["the id given seems to be invalid or already deleted", "System profile cannot be updated", "System profile cannot be deleted", "Team Module profile cannot be updated"] },
    ),
    V8_Query_Param_Error: error(
      { type: "string", enum: ["INVALID_DATA"] },
      { type: "object", required: ["param_name"], properties: { param_name: { type: "string", minLength: 1 } } },
    ),
    V8_Transfer_To_Missing: error(
      { type: "string", enum: ["MANDATORY_NOT_FOUND"] },
      { type: "object", required: ["param"], properties: { param: { type: "string", enum: ["transfer_to"] } } },
    ),
  };
}

function pinned(codes: string[]): Json {
  return {
    description: "",
    content: { "application/json": { schema: { allOf: [{ $ref: "#/components/schemas/Common_API_Exception" }, { properties: { code: { enum: codes } } }] } } },
  };
}

function walk(node: Json, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

/** profiles.json with the errata applied. */
export function effectiveSpec(dir = SPEC_DIR): Json {
  const spec = JSON.parse(readFileSync(join(dir, "profiles.json"), "utf8"));
  const common = JSON.parse(readFileSync(join(dir, "common.json"), "utf8"));
  const schemas = spec.components.schemas;
  const paths = spec.paths;
  const list = paths["/crm/v8/settings/profiles"].get;
  const one = paths["/crm/v8/settings/profiles/{id}"];
  const clone = paths["/crm/v8/settings/profiles/{id}/actions/clone"].post;
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const add400 = (op: Json, ...names: string[]) => {
    const schema = op.responses["400"].content["application/json"].schema;
    schema.anyOf = [...(schema.anyOf ?? schema.oneOf), ...names.map(ref)];
    delete schema.oneOf;
  };

  Object.assign(schemas, v8Schemas(common));
  // users-ref
  walk(spec, (n) => {
    if (n.$ref === MINIFIED_USER_REF) n.$ref = "#/components/schemas/Minified_User";
  });
  // one-of
  walk(spec, (n) => {
    if (n.oneOf) {
      n.anyOf = n.oneOf;
      delete n.oneOf;
    }
  });
  // list-without-tree
  const profile = schemas.Profile;
  profile.required = profile.required.filter((r: string) => !["permissions_details", "sections", "category"].includes(r)).concat(["custom", "type", "api_name"]);
  profile.properties.api_name = { type: "string", maxLength: 50, pattern: "^[A-Za-z][A-Za-z0-9_]*$" };
  one.get.responses["200"].content["application/json"].schema = {
    allOf: [ref("Response_Wrapper"), {
      type: "object",
      properties: { profiles: { type: "array", minItems: 1, maxItems: 1, items: { type: "object", required: ["permissions_details", "sections"] } } },
    }],
  };
  // nulls
  for (const key of ["created_time", "modified_time", "description"]) profile.properties[key].nullable = true;
  for (const key of ["created_by", "modified_by"]) profile.properties[key] = { nullable: true, allOf: [profile.properties[key]] };
  schemas.Permission_Detail.properties.module.nullable = true;
  schemas.Permission_Detail.properties.parent_permissions.nullable = true;
  // info
  schemas.Response_Wrapper.properties.info = { allOf: [ref("Info"), ref("Common_Info")] };
  // v8-400s
  add400(list, "V8_Query_Param_Error");
  add400(one.get, "INVALID_ID", "V8_Path_Id_Error");
  add400(clone, "V8_Action_Wrapper", "V8_Path_Id_Error");
  add400(one.put, "V8_Action_Wrapper", "V8_Path_Id_Error");
  add400(one.delete, "V8_Path_Id_Error", "V8_Transfer_To_Missing");
  // patch
  one.patch = JSON.parse(JSON.stringify({ ...one.put, operationId: "Patch Profile" }));
  // list-204
  list.responses["204"] = { description: "" };
  // other-statuses
  for (const op of [list, one.get, one.put, one.patch, one.delete, clone]) {
    op.responses["401"] = pinned(["AUTHENTICATION_FAILURE", "INVALID_TOKEN", "OAUTH_SCOPE_MISMATCH"]);
    op.responses["403"] = pinned(["NO_PERMISSION"]);
    op.responses["404"] = pinned(["INVALID_URL_PATTERN"]);
    op.responses["429"] = pinned(["TOO_MANY_REQUESTS"]);
    op.responses["500"] = pinned(["INTERNAL_ERROR"]);
    op.responses.default = { description: "", content: { "application/json": { schema: ref("Common_API_Exception") } } };
  }
  return spec;
}

/** RFC 3339 date-time as Zoho writes it ("2025-05-28T15:10:51+05:30"); ajv knows no formats by itself. */
const customFormats = {
  "date-time": (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  int32: (n: unknown) => Number.isInteger(n) && Math.abs(n as number) <= 2 ** 31,
};

export interface CrmOas {
  /** Problems of one answer; empty when it conforms. `path` is the request path (query ignored). */
  check(method: string, path: string, status: number, body: unknown): string[];
  /** Operations (method + path template) answers were checked against, for a coverage assertion. */
  checked: Set<string>;
}

export function loadCrmOas(dir = SPEC_DIR): CrmOas {
  if (!existsSync(join(dir, "profiles.json"))) {
    throw new Error(`Zoho's profiles.json is not at ${dir}: the reference folder (shared/vendors) must sit beside the checkout`);
  }
  const spec = effectiveSpec(dir);
  const templates = Object.keys(spec.paths).map((t) => ({ t, re: new RegExp("^" + t.replace(/\{[^}]+\}/g, "[^/]+") + "/?$") }));
  const cache = new Map<string, OpenAPIResponseValidator>();
  const validator = (key: string, responses: Json) => {
    if (!cache.has(key)) cache.set(key, new OpenAPIResponseValidator({ responses, components: spec.components, customFormats }));
    return cache.get(key)!;
  };
  // Paths and methods the file does not describe (unknown URL, wrong method) answer common.json's API_Exception.
  const fallback = {
    default: { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Common_API_Exception" } } } },
  };
  const checked = new Set<string>();
  return {
    checked,
    check(method, path, status, body) {
      const m = method.toLowerCase();
      const hit = templates.find((x) => x.re.test(path));
      const op = hit ? spec.paths[hit.t][m] : undefined;
      const key = op ? `${method.toUpperCase()} ${hit!.t}` : "fallback";
      if (op) checked.add(key);
      const result = validator(key, op ? op.responses : fallback).validateResponse(status, body);
      return result ? result.errors.map((e: { path?: string; message: string }) => `${key} ${status}: ${e.path ?? ""} ${e.message}`) : [];
    },
  };
}
