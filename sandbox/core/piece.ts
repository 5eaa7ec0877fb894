import type { FaultSpec } from "./faults";
import type { RecordedRequest } from "./recorder";

/** Fault controls every piece offers: arm a fault for the next matching request(s), or disarm all. */
export interface PieceFaults<S extends FaultSpec = FaultSpec> {
  failNext(spec?: S): void;
  clear(): void;
}

/**
 * What every vendor piece of a sandbox offers, whatever the vendor: `startSandbox` composes pieces through this
 * interface only (base URLs, the environment that points the provider at the piece, the request record, faults,
 * out-of-band admin actions, close).
 */
export interface VendorPiece<Admin = unknown, S extends FaultSpec = FaultSpec> {
  /** Key of the piece in the sandbox, e.g. "zohoDesk". */
  readonly name: string;
  /** Every URL the piece serves, by role (e.g. `{ api, admin }`, or one per data centre). */
  readonly baseUrls: Readonly<Record<string, string>>;
  /** Environment variables that point the provider at this piece. */
  readonly env: Readonly<Record<string, string>>;
  /** Requests to the emulated API in arrival order (admin routes excluded). */
  requests(): RecordedRequest[];
  /** requests() minus GETs. */
  writes(): RecordedRequest[];
  clearRequests(): void;
  faults: PieceFaults<S>;
  /** Out-of-band actions, as a person clicking in the vendor's UI. Never recorded. */
  admin: Admin;
  close(): Promise<void>;
}
