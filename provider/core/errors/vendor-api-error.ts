import { HelpdeskError } from "./helpdesk-error";

export interface VendorApiErrorDetails {
  vendor: string;
  method: string;
  /** Path below the API base URL, without the query string (which may carry ids but never secrets). */
  path: string;
  status: number;
  /** The vendor's machine-readable code (Zoho's errorCode, CRM's code, ...), when it sent one. */
  code?: string;
  /** The vendor's human message plus any field-level details, already flattened to one line. */
  detail?: string;
  body?: unknown;
}

/** The vendor answered, and the answer was an error that retries did not fix. */
export class VendorApiError extends HelpdeskError {
  readonly vendor: string;
  readonly status: number;
  readonly code?: string;
  readonly body?: unknown;

  constructor(details: VendorApiErrorDetails) {
    const code = details.code ? ` ${details.code}` : "";
    const detail = details.detail ? `: ${details.detail}` : "";
    super(`${details.vendor} rejected ${details.method} ${details.path} with ${details.status}${code}${detail}`);
    this.vendor = details.vendor;
    this.status = details.status;
    this.code = details.code;
    this.body = details.body;
  }
}
