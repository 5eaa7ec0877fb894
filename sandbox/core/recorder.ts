import type { IncomingHttpHeaders } from "node:http";
import type { SandboxRequest } from "./types";

/** One recorded request. status 0 = still in flight, or the connection was dropped. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
}

/** Ordered log of requests, by arrival. Entries are completed with a status when answered. */
export class Recorder {
  private entries: RecordedRequest[] = [];

  start(req: SandboxRequest): RecordedRequest {
    const entry: RecordedRequest = {
      method: req.method,
      path: req.path,
      query: { ...req.query },
      headers: { ...req.headers },
      body: clone(req.body),
      status: 0,
    };
    this.entries.push(entry);
    return entry;
  }

  all(): RecordedRequest[] {
    return this.entries.map((e) => ({ ...e, query: { ...e.query }, headers: { ...e.headers }, body: clone(e.body) }));
  }

  clear(): void {
    this.entries = [];
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
