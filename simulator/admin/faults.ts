export interface FaultSpec {
  /** Endpoint name as counted by calls() (`place`, `collect`, … or a front end's own names); `*` for any. */
  endpoint: string;
  /** How many matching requests it affects; default 1. */
  times?: number;
  /** Delay before anything else happens. */
  latencyMs?: number;
  /** Answer with this HTTP status without processing the request. */
  status?: number;
  /** Retry-After header (seconds) sent with `status`. */
  retryAfter?: number;
  /** Answer HTTP 200 with a non-JSON body without processing the request. */
  malformed?: boolean;
  /** Close the connection without answering: "before" processing, or "after" (the change happened, the answer is lost). */
  drop?: "before" | "after";
  /** Process the request at once, then hold the answer this long (a client that gives up first never sees it). */
  answerDelayMs?: number;
  /** A fault armed when this one fires, e.g. lookups that fail only after a place whose answer was lost. */
  then?: FaultSpec;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults waiting for matching requests; each request consumes at most one. */
export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  list(): (FaultSpec & { remaining: number })[] {
    return this.faults.map((f) => ({ ...f.spec, remaining: f.remaining }));
  }

  take(endpoint: string): FaultSpec | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.spec.endpoint === endpoint || f.spec.endpoint === "*"));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    if (fault.spec.then) this.add(fault.spec.then);
    return fault.spec;
  }
}
