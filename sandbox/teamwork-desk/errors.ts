import type { SandboxResponse } from "../core/types";

/**
 * Teamwork Desk answers. The 400 body is the documented "Validator" object: Teamwork's open-source Go package
 * github.com/teamwork/validate (the seed document quotes its doc comment "Validator hold the validation errors")
 * marshals as `{"errors": {"<field>": ["<message>", ...]}}` and reports HTTP 400. The other bodies were not captured
 * anywhere; the sandbox answers `{"message": "..."}` for them (README choice 3), so clients should key on the status.
 */
export type FieldErrors = Record<string, string[]>;

export class TeamworkError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`teamwork desk ${response.status}`);
  }
}
export const fail = (response: SandboxResponse): never => {
  throw new TeamworkError(response);
};

const message = (status: number, text: string): SandboxResponse => ({ status, body: { message: text } });

export const validation = (errors: FieldErrors): SandboxResponse => ({ status: 400, body: { errors } });
export const unauthorized = () => message(401, "Unauthorized");
export const forbidden = () => message(403, "You do not have permission to perform this action");
export const notFound = () => message(404, "Not found");
export const methodNotAllowed = () => message(405, "Method not allowed");
/** Teamwork's generic guide: 422 = "we could not read the submitted JSON" (bad JSON, or a value of the wrong type). */
export const unreadable = (detail: string) => message(422, `Could not read the submitted JSON: ${detail}`);
export const tooManyRequests = () => message(429, "Too Many Requests");
export const payloadTooLarge = () => message(413, "Request body too large");
export const internalError = () => message(500, "Internal server error");

/** An injected fault without a body: the body the sandbox sends for that status. */
export function faultBody(status: number): SandboxResponse {
  switch (status) {
    case 400: return validation({ request: ["is invalid"] });
    case 401: return unauthorized();
    case 403: return forbidden();
    case 404: return notFound();
    case 422: return unreadable("injected fault");
    case 429: return tooManyRequests();
    default: return message(status, "Internal server error");
  }
}
