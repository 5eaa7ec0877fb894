import type { SandboxResponse } from "../core/types";

/** One entry of errors[] in a 422; fieldName is a JSON pointer into the request body. */
export interface FieldError {
  fieldName: string;
  errorType: "missing" | "invalid" | "duplicate";
  errorMessage: string;
}

/** Zoho Desk error envelope {errorCode, message[, errors]}. */
export function deskError(status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}): SandboxResponse {
  return { status, body: { errorCode, message, ...extra } };
}

/** Thrown by the store; routes turn it into a response. */
export class DeskError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(String((response.body as { errorCode?: string } | undefined)?.errorCode ?? response.status));
  }
}

// Wording of the next three from live responses quoted in public client code.
export const unauthorized = () => deskError(401, "UNAUTHORIZED", "You are not authenticated to perform this operation.");
export const invalidOauth = () => deskError(401, "INVALID_OAUTH", "The OAuth Token you provided is invalid.");
// Source silent: the HTTP status of OAUTH_ORG_MISMATCH; we send 401 (it is a token/org binding failure).
export const orgMismatch = () => deskError(401, "OAUTH_ORG_MISMATCH", "The OAuthToken is not valid for specified organization");
// Source silent: a missing orgId header; we answer 422 UNPROCESSABLE_ENTITY like other request-shape errors.
export const orgIdMissing = () => deskError(422, "UNPROCESSABLE_ENTITY", "The mandatory header 'orgId' is missing.");

// Source silent: the code for an unknown profile id; we use the documented 404 code URL_NOT_FOUND.
export const urlNotFound = () => deskError(404, "URL_NOT_FOUND", "The URL you requested could not be found.");
export const methodNotAllowed = (allowed: string[]): SandboxResponse => ({
  ...deskError(405, "METHOD_NOT_ALLOWED", "The method you requested is not allowed."),
  headers: { Allow: allowed.join(", ") },
});
export const forbidden = (message = "You do not have permission to perform this operation.") => deskError(403, "FORBIDDEN", message);

/** Body validation failure. Envelope as seen in a real Desk 422 (INVALID_DATA + errors[]). */
// Source silent: which 422 code carries errors[]; we use INVALID_DATA (observed) for bodies, UNPROCESSABLE_ENTITY for queries.
export function invalidData(errors: FieldError[]): SandboxResponse {
  return deskError(422, "INVALID_DATA", "The data is invalid due to validation restrictions", { errors });
}

/** Request-shape failure (query parameters, unreadable body). Observed: "Extra query parameter 'x' is present in the input." */
export const unprocessable = (message: string) => deskError(422, "UNPROCESSABLE_ENTITY", message);

// Source silent: names of the two 429 codes (the Desk doc lists them, the copies we found lost the names).
export const tooManyRequests = () => deskError(429, "TOO_MANY_REQUESTS", "You have made too many requests within a given amount of time. Please try again later.");
export const tooManyConcurrent = () => deskError(429, "TOO_MANY_CONCURRENT_REQUESTS", "You have made too many simultaneous requests. Please try again later.");
// Source silent: codes for 413 / 415 / 500 are not captured; we use these names.
export const payloadTooLarge = () => deskError(413, "PAYLOAD_TOO_LARGE", "The request payload exceeds the allowed size.");
export const unsupportedMediaType = () => deskError(415, "UNSUPPORTED_MEDIA_TYPE", "The content type of the request is not supported. Use application/json.");
export const internalError = () => deskError(500, "INTERNAL_SERVER_ERROR", "An internal error occurred. Please try again later.");

/** Default body for an injected fault of a given status. */
export function faultBody(status: number): SandboxResponse {
  if (status === 429) return tooManyRequests();
  if (status === 401) return invalidOauth();
  if (status === 404) return urlNotFound();
  if (status >= 500) return { ...internalError(), status };
  return deskError(status, "UNPROCESSABLE_ENTITY", "Injected fault.");
}
