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
  /** Epoch ms at which the request arrived (the moment a vendor's rate window counts). */
  arrivedAt: number;
  /** Set by pieces that serve several data centres (e.g. "com", "eu"). */
  dataCentre?: string;
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
      arrivedAt: Date.now(),
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

  /** Forget the entries a predicate picks (for views of a shared recorder). */
  clearWhere(pick: (entry: RecordedRequest) => boolean): void {
    this.entries = this.entries.filter((e) => !pick(e));
  }
}

/**
 * A view of a shared recorder for one data centre: what it records lands in the shared log (so the log keeps one
 * arrival order across servers) tagged with the data centre, and it sees and clears only its own entries.
 */
export class DataCentreRecorder extends Recorder {
  constructor(
    private readonly shared: Recorder,
    private readonly dataCentre: string,
  ) {
    super();
  }

  override start(req: SandboxRequest): RecordedRequest {
    const entry = this.shared.start(req);
    entry.dataCentre = this.dataCentre;
    return entry;
  }

  override all(): RecordedRequest[] {
    return this.shared.all().filter((e) => e.dataCentre === this.dataCentre);
  }

  override clear(): void {
    this.shared.clearWhere((e) => e.dataCentre === this.dataCentre);
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
