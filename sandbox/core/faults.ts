import type { SandboxRequest } from "./types";

export interface FaultSpec {
  method?: string;
  /** Exact path (full, or relative to the API base given to the injector) or a RegExp tested on the full path. */
  path?: string | RegExp;
  /** HTTP status to answer with (default 500). */
  status?: number;
  /** Body to answer with (default: a vendor-shaped body chosen by the sandbox for the status). */
  body?: unknown;
  /** Destroy the socket instead of answering. */
  dropConnection?: boolean;
  /** Carry the request out, then destroy the socket instead of answering: the answer is lost, the change is not. */
  loseAnswer?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
}

interface ArmedFault extends FaultSpec {
  remaining: number;
}

/** Queue of one-shot (or n-shot) faults applied before a request reaches its handler. */
export class FaultInjector {
  private faults: ArmedFault[] = [];

  constructor(private readonly basePaths: string[] = []) {}

  failNext(spec: FaultSpec = {}): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Consume and return the first armed fault matching this request, if any. */
  take(req: SandboxRequest): FaultSpec | undefined {
    const index = this.faults.findIndex((f) => this.matches(f, req));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private matches(f: FaultSpec, req: SandboxRequest): boolean {
    if (f.method && f.method.toUpperCase() !== req.method) return false;
    if (f.path === undefined) return true;
    if (f.path instanceof RegExp) return f.path.test(req.path);
    if (f.path === req.path) return true;
    return this.basePaths.some((base) => req.path.startsWith(base) && req.path.slice(base.length) === f.path);
  }
}

/**
 * An injector that also draws from a shared one: a server of one data centre takes its own faults first, then the
 * faults armed for "any data centre" (whichever server sees a matching request first consumes it).
 */
export class ChainedFaultInjector extends FaultInjector {
  constructor(
    basePaths: string[],
    private readonly fallback: FaultInjector,
  ) {
    super(basePaths);
  }

  override take(req: SandboxRequest): FaultSpec | undefined {
    return super.take(req) ?? this.fallback.take(req);
  }
}
