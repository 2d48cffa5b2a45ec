/**
 * The HTTP plumbing shared by the loopback fakes: listens on 127.0.0.1 (ephemeral port), parses
 * query and body, records every request, and applies injected faults around the handler.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Fault, type FaultBook, type RecordedRequest } from './faults';

export interface IncomingCall {
  method: string;
  path: string;
  rawQuery: string;
  rawBody: string;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface HttpReply {
  status: number;
  /** An object is sent as JSON, a string as text, `undefined` as an empty body. */
  body: unknown;
  headers?: Record<string, string>;
}

export interface LoopbackServerOptions {
  handle: (call: IncomingCall) => Promise<HttpReply> | HttpReply;
  faults: FaultBook;
  requests: RecordedRequest[];
  /** Body of a fault answer that gives only a status. */
  faultBody: (status: number, fault: Fault) => unknown;
  now: () => number;
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

function parseParams(
  rawQuery: string,
  rawBody: string,
  contentType: string | undefined,
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) params[k] = v;
  if (!rawBody) return params;
  if (contentType?.includes('application/json')) {
    const json = JSON.parse(rawBody) as Record<string, unknown>;
    for (const [k, v] of Object.entries(json))
      params[k] = typeof v === 'string' ? v : JSON.stringify(v);
  } else {
    for (const [k, v] of new URLSearchParams(rawBody)) params[k] = v;
  }
  return params;
}

function send(res: ServerResponse, reply: HttpReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (typeof reply.body === 'string') {
    payload = reply.body;
    headers['Content-Type'] ??= 'text/plain';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= 'application/json;charset=UTF-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function faultReply(fault: Fault, status: number, options: LoopbackServerOptions): HttpReply {
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  return { status, body: fault.body ?? options.faultBody(status, fault), headers };
}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const [path = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const method = req.method ?? 'GET';
        let params: Record<string, string>;
        try {
          params = parseParams(rawQuery, rawBody, req.headers['content-type']);
        } catch {
          send(res, { status: 400, body: { code: -1100, message: 'malformed body' } });
          return;
        }
        options.requests.push({ method, path, params, headers: req.headers, time: options.now() });
        const fault = options.faults.take(method, path);
        if (fault?.delayMs) await sleep(fault.delayMs);
        if (fault?.drop) {
          req.socket.destroy();
          return;
        }
        if (fault?.status !== undefined && !fault.afterProcessing) {
          send(res, faultReply(fault, fault.status, options));
          return;
        }
        const reply = await options.handle({
          method,
          path,
          rawQuery,
          rawBody,
          params,
          headers: req.headers,
        });
        if (fault?.dropAfterAccept) {
          req.socket.destroy();
          return;
        }
        send(res, fault?.status !== undefined ? faultReply(fault, fault.status, options) : reply);
      })().catch((error: unknown) => {
        if (!res.headersSent) send(res, { status: 500, body: String(error) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
