import { HelpdeskError } from "./helpdesk-error";

/**
 * The vendor's auth server will not issue another access token for a while: the refresh token has minted as many
 * as the vendor allows in its window. The credentials are fine; waiting is the fix, so the message says how long.
 */
export class TokenRefreshCapError extends HelpdeskError {}
