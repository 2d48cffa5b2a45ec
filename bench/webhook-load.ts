import { Agent, request } from 'node:http';

export interface LoadResult {
  sent: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: number[];
  /** When each answered request was due, in ms from the start (same order as `latencies`). */
  dueAt: number[];
  /**
   * How late the generator itself sent each answered request (same order): its own process
   * shares the machine, so part of a latency can be the client not getting the CPU in time.
   */
  sendLags: number[];
  signalIds: string[];
  /** Connections the generator opened, and how many of them in the first second. */
  connections: { total: number; firstSecond: number };
}

/**
 * An open-loop load generator on loopback: `rate` requests per second for `seconds`, keep-alive
 * sockets, each request's body from `body(i)` to `path(i)`. Latency is measured from the moment
 * a request was due, so a server that falls behind shows it (no coordinated omission). The agent
 * opens a connection whenever none is free, so a stalled server is handed more of them; the
 * result counts them (BENCHMARKS.md "Webhook intake": the phase-start stalls).
 */
export async function runLoad(options: {
  port: number;
  rate: number;
  seconds: number;
  path: (i: number) => string;
  body: (i: number) => string;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = options.rate * options.seconds;
  const result: LoadResult = {
    sent: 0,
    ok: 0,
    errors: 0,
    statuses: {},
    latencies: [],
    dueAt: [],
    sendLags: [],
    signalIds: [],
    connections: { total: 0, firstSecond: 0 },
  };
  const seen = new WeakSet<object>();
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const sentAt = performance.now();
      const body = options.body(i);
      const req = request(
        {
          host: '127.0.0.1',
          port: options.port,
          path: options.path(i),
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            result.latencies.push(performance.now() - due);
            result.dueAt.push(due - start);
            result.sendLags.push(sentAt - due);
            const key = String(res.statusCode);
            result.statuses[key] = (result.statuses[key] ?? 0) + 1;
            if (res.statusCode === 202) {
              result.ok += 1;
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                signalId?: string;
              };
              if (parsed.signalId) result.signalIds.push(parsed.signalId);
            } else {
              result.errors += 1;
            }
            resolve();
          });
        },
      );
      req.on('socket', (socket) => {
        if (seen.has(socket)) return;
        seen.add(socket);
        result.connections.total += 1;
        if (performance.now() - start < 1000) result.connections.firstSecond += 1;
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        result.errors += 1;
        const key = `network ${error.code ?? error.message}`;
        result.statuses[key] = (result.statuses[key] ?? 0) + 1;
        resolve();
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.end(body);
    });
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    result.sent += 1;
    inFlight.push(send(i, due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return result;
}

/**
 * How the slow answers (over `overMs`) spread over the run: their count in each second. A few
 * seconds holding most of them point at stalls (GC, checkpoints, a burst of other work); an
 * even spread at a machine short of CPU throughout.
 */
export function slowPerSecond(result: LoadResult, overMs: number): number[] {
  const seconds: number[] = [];
  result.latencies.forEach((latency, i) => {
    const second = Math.floor((result.dueAt[i] ?? 0) / 1000);
    while (seconds.length <= second) seconds.push(0);
    if (latency > overMs) seconds[second] = (seconds[second] ?? 0) + 1;
  });
  return seconds;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
