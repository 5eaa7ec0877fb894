import type { SandboxResponse } from "../core/types";

/**
 * Chatwoot answers, as the server renders them (vendor README §4.4 and §9.3; upstream
 * app/controllers/concerns/request_exception_handler.rb, access_token_auth_helper.rb, api/v1/accounts/base_controller.rb,
 * platform_controller.rb). Rails' own failures (routing, bad JSON, uncaught exceptions) use the body
 * ActionDispatch::PublicExceptions renders for a JSON request: `{"status": <code>, "error": "<reason phrase>"}`.
 */
const json = (status: number, body: unknown): SandboxResponse => ({ status, body });

/** Thrown by helpers; the server turns it into its response (like a Rails `rescue_from`). */
export class ChatwootError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`chatwoot ${response.status}`);
  }
}
export const fail = (response: SandboxResponse): never => {
  throw new ChatwootError(response);
};

// --- authentication (401)
/** No api_access_token header: devise's authenticate_user! failure body. */
export const signInRequired = () => json(401, { errors: ["You need to sign in or sign up before continuing."] });
export const invalidAccessToken = () => json(401, { error: "Invalid Access Token" });
/** A token whose owner is not a User (here: the platform app's token on the application API). */
export const notForBots = () => json(401, { error: "Access to this endpoint is not authorized for bots" });
export const notInAccount = () => json(401, { error: "You are not authorized to access this account" });
export const accountSuspended = () => json(401, { error: "Account is suspended" });
/** Pundit::NotAuthorizedError (an agent calling an administrator-only action): 401, not the swagger's 403. */
export const notAuthorizedAction = () => json(401, { error: "You are not authorized to do this action" });

// --- platform API (platform_controller.rb)
export const invalidPlatformToken = () => json(401, { error: "Invalid access_token" });
export const nonPermissible = () => json(401, { error: "Non permissible resource" });

// --- records and parameters
export const notFound = () => json(404, { error: "Resource could not be found" });
/** ActionController::ParameterMissing, rendered by render_could_not_create_error (Rails 7.1 wording). */
export const paramMissing = (key: string) => json(422, { error: `param is missing or the value is empty: ${key}` });
export const invalidCurrentPassword = () => json(422, { error: "Invalid current password" });

export interface FieldError { attribute: string; message: string }
/** ActiveRecord::RecordInvalid: full messages joined by ", ", attribute names without repeats. */
export const recordInvalid = (errors: FieldError[]) =>
  json(422, { message: errors.map((e) => e.message).join(", "), attributes: [...new Set(errors.map((e) => e.attribute))] });

export const agentLimitReached = () => json(402, { error: "Account limit exceeded. Please purchase more licenses" });

// --- Rails' public exceptions (JSON request)
const REASONS: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 413: "Payload Too Large",
  422: "Unprocessable Entity", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};
export const railsPublicError = (status: number) => json(status, { status, error: REASONS[status] ?? "Internal Server Error" });
/** Routing error: no route for this method and path (Rails answers 404 for a known path with another method too). */
export const routeNotFound = () => railsPublicError(404);
/** ActionDispatch::Http::Parameters::ParseError. */
export const badJson = () => railsPublicError(400);
/** An uncaught exception (an enum given an unknown value, a nil record rendered): 500. */
export const internalError = () => railsPublicError(500);

/** Rack::Attack's default throttled responder: 429, text/plain, "Retry later\n", no Retry-After header. */
export const throttled = (): SandboxResponse => ({ status: 429, body: "Retry later\n", headers: { "Content-Type": "text/plain" } });

/** Body of an injected fault that did not give one: what Chatwoot would send for that status. */
export function faultBody(status: number, platform: boolean): SandboxResponse {
  if (status === 429) return throttled();
  if (status === 401) return platform ? invalidPlatformToken() : invalidAccessToken();
  if (status === 404) return notFound();
  if (status === 402) return agentLimitReached();
  return railsPublicError(status);
}
