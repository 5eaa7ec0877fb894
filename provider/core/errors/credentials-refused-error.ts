import { HelpdeskError } from "./helpdesk-error";

/** The vendor's auth server turned our credentials down; retrying cannot help, fixing a setting can. */
export class CredentialsRefusedError extends HelpdeskError {}
