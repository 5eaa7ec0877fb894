import type { SandboxResponse } from "../core/types";

/**
 * Zoho CRM answer envelopes. Every body below is copied from Zoho's own examples (specs/zoho-crm/error-examples.md,
 * and the zoho/crm-oas v8.0/profiles operation examples it was taken from) or from the message enums of
 * specs/zoho-crm/profiles.json, unless a comment says "Source silent".
 * Request-level errors are a bare `{code, details, message, status}`; errors about the body's profile are wrapped in
 * `{"profiles": [ ... ]}` (README §2.3). Key order as in the examples: code, details, message, status.
 */
export interface CrmErrorBody {
  code: string;
  details: Record<string, unknown>;
  message: string;
  status: "error";
}

const envelope = (code: string, message: string, details: Record<string, unknown> = {}): CrmErrorBody => ({ code, details, message, status: "error" });

/** A request-level error. */
export const requestError = (status: number, code: string, message: string, details: Record<string, unknown> = {}): SandboxResponse =>
  ({ status, body: envelope(code, message, details) });

/** An error about the (single) profile in the body, wrapped as `{"profiles":[...]}` with HTTP 400. */
export const profileError = (code: string, message: string, details: Record<string, unknown>): SandboxResponse =>
  ({ status: 400, body: { profiles: [envelope(code, message, details)] } });

/** Thrown by helpers; the server turns it into its response. */
export class CrmError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(String((response.body as { code?: string } | undefined)?.code ?? response.status));
  }
}

// --- authentication (401). Wording from crm-oas v8 examples ("Authentication failed", the scope message) and the
// profiles.json API_Exception message enum ("invalid oauth token").
export const authenticationFailure = () => requestError(401, "AUTHENTICATION_FAILURE", "Authentication failed");
export const invalidToken = () => requestError(401, "INVALID_TOKEN", "invalid oauth token");
export const scopeMismatch = () =>
  requestError(401, "OAUTH_SCOPE_MISMATCH", "The access token you have used to make this API call does not have the required scope.");

// --- routing
export const invalidUrl = () => requestError(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one");
/** profiles.json and the v8 examples answer a wrong method with HTTP 400 (not 405). */
export const invalidMethod = () => requestError(400, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one");

// --- the profile id in the path: index 2 of settings/profiles/{id} (the examples' resource_path_index).
export const RESOURCE_PATH_INDEX = 2;
export const invalidId = () =>
  requestError(400, "INVALID_DATA", "the id given seems to be invalid or already deleted", { resource_path_index: RESOURCE_PATH_INDEX });
export const systemNotUpdatable = () => requestError(400, "NOT_ALLOWED", "System profile cannot be updated", { resource_path_index: RESOURCE_PATH_INDEX });
export const systemNotDeletable = () => requestError(400, "NOT_ALLOWED", "System profile cannot be deleted", { resource_path_index: RESOURCE_PATH_INDEX });

// --- delete
export const transferToMissing = () =>
  requestError(400, "MANDATORY_NOT_FOUND", "Users in the profile need to be transferred. transfer_to param is mandatory.", { param: "transfer_to" });
export const transferToInvalid = (id: string) => requestError(400, "INVALID_DATA", "the id given seems to be invalid or already deleted", { id });

// --- query parameters (the invalid `type` example: INVALID_DATA, details.param_name, "invalid data")
export const invalidParam = (name: string) => requestError(400, "INVALID_DATA", "invalid data", { param_name: name });
/** Source silent: `filters` semantics beyond "a Filters object"; the sandbox refuses it loudly rather than ignore it. */
export const filtersNotEmulated = () => requestError(400, "INVALID_DATA", "the sandbox does not emulate the filters parameter", { param_name: "filters" });

// --- the body's `profiles` array (profiles.json: Profiles_Invalid_Datatype, Profiles_Empty, Profiles_Length_Violation)
export const profilesNotArray = () =>
  requestError(400, "INVALID_DATA", "invalid data", { api_name: "profiles", json_path: "$.profiles", expected_data_type: "jsonarray" });
export const profilesEmpty = () => requestError(400, "INVALID_DATA", "invalid data", { api_name: "profiles", json_path: "$.profiles" });
export const profilesTooMany = () => requestError(400, "INVALID_DATA", "invalid data", { api_name: "profiles", json_path: "$.profiles", maximum_length: 1 });
// Source silent: a profiles[0] that is not an object; we answer like the other `profiles` shape errors.
export const profileNotObject = () =>
  requestError(400, "INVALID_DATA", "invalid data", { api_name: "profiles", json_path: "$.profiles[0]", expected_data_type: "jsonobject" });

// --- fields of profiles[0]
const at = (field: string) => `$.profiles[0].${field}`;
export const mandatoryMissing = (field: string) => profileError("MANDATORY_NOT_FOUND", "required field not found", { api_name: field, json_path: at(field) });
// Source silent: a field of the wrong JSON type; INVALID_DATA with the expected type, as Zoho's datatype errors.
export const wrongType = (field: string, expected: string) =>
  profileError("INVALID_DATA", "invalid data", { api_name: field, json_path: at(field), expected_data_type: expected });
/** profiles.json: Violating_Name_Length (maximum_length 50). */
export const nameTooLong = () => profileError("INVALID_DATA", "invalid data", { api_name: "name", json_path: at("name"), maximum_length: 50 });
/** profiles.json: Violating_Description_Length, whose api_name is spelt "Description". */
export const descriptionTooLong = () =>
  profileError("INVALID_DATA", "invalid data", { api_name: "Description", json_path: at("description"), maximum_length: 250 });
export const nameSpecialCharacters = (chars: string[]) =>
  profileError("INVALID_DATA", `Profile name should not contain the following special character(s) : ${chars.join(", ")}`, { api_name: "name", json_path: at("name") });
/** profiles.json's DUPLICATE_DATA wants details.id (the profile holding the name); the v8 example adds json_path. */
export const duplicateName = (existingId: string) =>
  profileError("DUPLICATE_DATA", "duplicate data", { api_name: "name", json_path: at("name"), id: existingId });
export const cannotBeCloned = () => profileError("INVALID_DATA", "Profile cannot be Cloned", {});
export const licenseLimitExceeded = (limit: number) => profileError("LICENSE_LIMIT_EXCEEDED", "Request exceeds your license limit.", { limit });

// --- permissions_details
const perm = (i: number, field?: string) => `$.profiles[0].permissions_details[${i}]${field ? "." + field : ""}`;
export const permissionsNotArray = () =>
  profileError("INVALID_DATA", "invalid data", { expected_data_type: "jsonarray", api_name: "permissions_details", json_path: at("permissions_details") });
// Source silent: more than 2000 entries (the documented maximum); INVALID_DATA with maximum_length like the others.
export const permissionsTooMany = () =>
  profileError("INVALID_DATA", "invalid data", { api_name: "permissions_details", json_path: at("permissions_details"), maximum_length: 2000 });
export const permissionNotObject = (i: number) =>
  profileError("INVALID_DATA", "invalid data", { expected_data_type: "jsonobject", api_name: "permissions_details", json_path: perm(i) });
export const permissionFieldMissing = (i: number, field: "id" | "enabled") =>
  profileError("MANDATORY_NOT_FOUND", "required field not found", { api_name: field, json_path: perm(i, field) });
export const permissionEnabledNotBoolean = (i: number) =>
  profileError("INVALID_DATA", "invalid data", { api_name: "enabled", json_path: perm(i, "enabled"), expected_data_type: "boolean" });
/** error-examples.md (v8 wording; v9 says "the id given seems to be invalid or already deleted"). */
export const invalidPermissionId = (i: number) => profileError("INVALID_DATA", "Invalid permission ID", { api_name: "id", json_path: perm(i, "id") });
export const permissionNotCustomizable = (i: number) =>
  profileError("INVALID_DATA", "Permission is not customizable", { api_name: "id", json_path: perm(i, "id") });
export const parentDisabled = (i: number) =>
  profileError("INVALID_DATA", "Child permission can not be enabled, since its parent permission is disabled", { api_name: "id", json_path: perm(i, "id") });

// --- success
const success = (id: string, message: string) => ({ code: "SUCCESS", details: { id }, message, status: "success" });
export const created = (id: string): SandboxResponse => ({ status: 201, body: { profiles: [success(id, "profile created successfully")] } });
export const updated = (id: string): SandboxResponse => ({ status: 200, body: { profiles: [success(id, "profile updated successfully")] } });
/** Delete answers a bare object (v8 example), not wrapped in profiles[]. */
export const deleted = (id: string): SandboxResponse => ({ status: 200, body: success(id, "Profile deleted") });

// --- limits and server errors
export const internalError = (status = 500) => requestError(status, "INTERNAL_ERROR", "Internal server error occurred.");
/**
 * 429 TOO_MANY_REQUESTS for both the API credits and the concurrency limit (README §2.4: "exceeding -> TOO_MANY_REQUESTS").
 * Message and details follow Zoho's illustrative 429 example (crm-oas v8.0/apis getAvailableApis response-429-sample).
 * Source silent: the concurrency answer's wording and details; ours below.
 */
export const creditsExhausted = (retryAfterSeconds: number, limit: number, windowSeconds: number) =>
  requestError(429, "TOO_MANY_REQUESTS", "Rate limit exceeded. Please retry after the specified time.", { retry_after: retryAfterSeconds, limit, window: windowSeconds });
export const tooManyConcurrent = (limit: number) =>
  requestError(429, "TOO_MANY_REQUESTS", "Concurrency limit exceeded. Please retry after the running requests complete.", { limit });
// Source silent: the answer to a body over the size limit.
export const payloadTooLarge = () => requestError(413, "INVALID_DATA", "the request body is too large", {});

/** Default body for an injected fault of a given status. */
export function faultBody(status: number): SandboxResponse {
  if (status === 429) return creditsExhausted(60, 0, 86_400);
  if (status === 401) return invalidToken();
  if (status === 404) return invalidUrl();
  if (status >= 500) return internalError(status);
  return requestError(status, "INVALID_DATA", "invalid data", {});
}
