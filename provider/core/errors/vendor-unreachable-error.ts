import { HelpdeskError } from "./helpdesk-error";

/** Every attempt failed before an HTTP answer arrived (refused, reset, timed out). */
export class VendorUnreachableError extends HelpdeskError {
  constructor(vendor: string, method: string, path: string, attempts: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    // The cause stays attached: its code (ECONNREFUSED, ETIMEDOUT, ...) tells a debugger more than the message.
    super(`${vendor} could not be reached for ${method} ${path} after ${attempts} attempt(s): ${reason}`, { cause });
  }
}
