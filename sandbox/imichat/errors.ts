import type { SandboxResponse } from "../core/types";

/**
 * IMIchat answers: every body is the envelope `{"status_code", "description", "response"}` (docs.imi.chat). The codes
 * and HTTP statuses below are the seed document's table (update user) and get-individual-user's, with their
 * descriptions verbatim. Codes marked INFERRED are not documented anywhere we could read (README choices).
 */
export const CODES = {
  userFetched: { code: 4306, http: 200, description: "The user details retrieved successfully" },
  userUpdated: { code: 4309, http: 200, description: "User updated successfully" },
  /** INFERRED: create and search success codes were not captured. */
  userCreated: { code: 4301, http: 200, description: "User created successfully" },
  usersFound: { code: 4305, http: 200, description: "Users retrieved successfully" },
  missingHeader: { code: 2002, http: 400, description: "Invalid header param - could not find mandatory header parameters" },
  invalidToken: { code: 2003, http: 400, description: "Invalid Access Token" },
  tokenExpired: { code: 2004, http: 401, description: "Access Token expired" },
  internal: { code: 2007, http: 500, description: "Internal Server Error" },
  teamNotFound: { code: 2010, http: 404, description: "Could not find details of team based on the teamid passed in the header" },
  methodNotAllowed: { code: 2099, http: 405, description: "Method not allowed" },
  userNotFound: { code: 3101, http: 404, description: "Requested user was not found" },
  updateFailed: { code: 3104, http: 500, description: "The user update failed" },
  dropdownValueInvalid: { code: 3107, http: 400, description: "The value provided for the custom attribute '%s' is not valid." },
  attributeValueInvalid: { code: 3110, http: 400, description: "The value provided for the custom attribute '%s' is not valid." },
  bodyMissing: { code: 3114, http: 400, description: "Request body not provided" },
  invalidRequest: { code: 3115, http: 400, description: "Request is invalid" },
} as const;
export type CodeName = keyof typeof CODES;

export function envelope(name: CodeName, response: unknown = {}, attribute?: string): SandboxResponse {
  const c = CODES[name];
  const description = attribute === undefined ? c.description : c.description.replace("%s", attribute);
  return { status: c.http, body: { status_code: c.code, description, response } };
}

export class ImichatError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`imichat ${response.status}`);
  }
}
export const fail = (name: CodeName, attribute?: string): never => {
  throw new ImichatError(envelope(name, {}, attribute));
};

/** INFERRED: no documented code for an unknown path, a throttled request or an oversized body. */
export const notFound = (): SandboxResponse => ({ status: 404, body: { status_code: 404, description: "Resource not found", response: {} } });
export const throttled = (): SandboxResponse => ({ status: 429, body: { status_code: 429, description: "Rate limit exceeded", response: {} } });

/** An injected fault without a body: update paths fail with 3104, others with the matching documented code. */
export function faultBody(status: number, isUpdate: boolean): SandboxResponse {
  if (status === 429) return throttled();
  const byStatus: Record<number, CodeName> = { 400: "invalidRequest", 401: "tokenExpired", 404: isUpdate ? "userNotFound" : "teamNotFound", 405: "methodNotAllowed" };
  if (byStatus[status]) return envelope(byStatus[status]);
  if (status >= 500) return { ...envelope(isUpdate ? "updateFailed" : "internal"), status };
  return { status, body: { status_code: status, description: "Injected fault", response: {} } };
}
