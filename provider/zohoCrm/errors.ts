import { VendorApiError } from "../core/errors";

/**
 * Zoho CRM's error envelopes (README §2.3, specs/zoho-crm/error-examples.md): a request-level
 * {code, details, message, status:"error"}, or the same wrapped in {"profiles":[...]} when it is about the body's
 * profile. The body's code is authoritative: Zoho's documents disagree on the HTTP status of some of them.
 */
interface Envelope {
  code?: unknown;
  message?: unknown;
  details?: Record<string, unknown>;
}

function envelopeOf(body: unknown): Envelope | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const wrapped = (body as { profiles?: unknown }).profiles;
  const item = Array.isArray(wrapped) ? wrapped[0] : body;
  return typeof item === "object" && item !== null ? (item as Envelope) : undefined;
}

/** The details that tell a user what was wrong, in words: "field name (at most 50)". */
const DETAIL_WORDS: Record<string, (value: unknown) => string> = {
  api_name: (v) => `field ${v}`,
  param: (v) => `parameter ${v}`,
  param_name: (v) => `parameter ${v}`,
  maximum_length: (v) => `at most ${v}`,
  expected_data_type: (v) => `expected ${v}`,
  limit: (v) => `limit ${v}`,
  id: (v) => `id ${v}`,
  retry_after: (v) => `retry after ${v} s`,
};

export function describeZohoCrmError(_status: number, body: unknown): { code?: string; detail?: string } {
  const envelope = envelopeOf(body);
  if (!envelope) return { detail: typeof body === "string" ? body : undefined };
  const details = Object.entries(envelope.details ?? {})
    .filter(([key]) => DETAIL_WORDS[key])
    .map(([key, value]) => DETAIL_WORDS[key](value));
  const message = typeof envelope.message === "string" ? envelope.message : undefined;
  const detail = [message, details.length ? `(${details.join(", ")})` : undefined].filter(Boolean).join(" ");
  return { code: typeof envelope.code === "string" ? envelope.code : undefined, detail: detail || undefined };
}

/** Zoho's 429 carries its hint in the body: details.retry_after, in seconds. */
export function retryHintOf(body: unknown): number | undefined {
  const seconds = envelopeOf(body)?.details?.retry_after;
  return typeof seconds === "number" && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * An unknown or deleted profile in the path: Zoho answers INVALID_DATA with details.resource_path_index (the v8
 * examples) rather than 404. A bad transfer_to is INVALID_DATA too, but with details.id: that one is not "gone".
 */
export function isGoneProfileError(error: unknown): boolean {
  if (!(error instanceof VendorApiError)) return false;
  const envelope = envelopeOf(error.body);
  return error.code === "INVALID_DATA" && envelope?.details?.resource_path_index !== undefined;
}

/** The index of the permissions_details entry an error is about ($.profiles[0].permissions_details[3].id → 3). */
export function permissionIndexOf(error: unknown): number | undefined {
  if (!(error instanceof VendorApiError)) return undefined;
  const path = envelopeOf(error.body)?.details?.json_path;
  const match = typeof path === "string" ? /permissions_details\[(\d+)\]/.exec(path) : null;
  return match ? Number(match[1]) : undefined;
}
