import type { IncomingHttpHeaders } from "node:http";

/** A request as seen by sandbox handlers: body already read and (if JSON) parsed. */
export interface SandboxRequest {
  method: string;
  /** URL path without the query string, e.g. "/api/v1/profiles/4000000018001". */
  path: string;
  query: Record<string, string>;
  /** Query parameter names in arrival order, duplicates included (for "extra parameter" checks). */
  queryKeys: string[];
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body; undefined when there is no body; the raw string when the body is not JSON. */
  body: unknown;
  /** True when a non-empty body was sent with a JSON content type but did not parse. */
  bodyParseError: boolean;
  /** Path parameters filled in by the router (":id" -> value). */
  params: Record<string, string>;
}

/** What a handler answers. body undefined means no body (e.g. 204). */
export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** A pre-handler hook: answer early (e.g. auth failure) or return undefined to continue. */
export type Guard = (req: SandboxRequest) => SandboxResponse | undefined;

/** Marker answer: destroy the socket instead of responding (simulates a lost connection). */
export const DROP_CONNECTION = Symbol("drop-connection");
export type Outcome = SandboxResponse | typeof DROP_CONNECTION;
