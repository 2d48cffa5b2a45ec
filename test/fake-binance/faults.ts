/**
 * Fault injection for the loopback fakes: per method and path, for the next `times` requests,
 * answer with a status and body, delay, drop the connection, or process the request and then
 * drop the connection or replace the answer (the venue accepted it, the client never knows).
 */
export interface Fault {
  method: string;
  /** Exact request path, e.g. `/api/v3/order`. */
  path: string;
  /** How many matching requests this fault applies to (default 1; `Infinity` for all). */
  times?: number;
  /** Answer with this HTTP status (instead of processing, unless `afterProcessing`). */
  status?: number;
  /** Answer body: an object (sent as JSON) or a string; defaults depend on the status. */
  body?: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** `Retry-After` header, in seconds. */
  retryAfter?: number;
  /** Wait this long before handling the request. */
  delayMs?: number;
  /** Destroy the socket without processing the request. */
  drop?: boolean;
  /** Process the request (the order IS created), then destroy the socket with no response. */
  dropAfterAccept?: boolean;
  /** With `status`: process the request first, then answer with the fault instead. */
  afterProcessing?: boolean;
}

export class FaultBook {
  private readonly faults: { fault: Fault; left: number }[] = [];

  inject(fault: Fault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The first pending fault for this request, consuming one use of it. */
  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => f.fault.method === method && f.fault.path === path && f.left > 0,
    );
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Query and form/JSON body parameters merged, as sent. */
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  time: number;
}
