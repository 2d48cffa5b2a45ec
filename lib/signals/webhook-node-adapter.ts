import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from './read-body';
import type { WebhookDeps } from './receive-webhook';
import { webhookReply } from './webhook-http';

/** The webhook routes: `app/api/webhooks/tradingview/route.ts` and its `[token]` child. */
const WEBHOOK_PATH = /^\/api\/webhooks\/tradingview(?:\/([^/]+))?$/;

/**
 * The headers `next.config.mjs` puts on every response (the parity test checks they match), and
 * the `Vary` Next.js adds to an App Router response.
 */
export const WEBHOOK_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch',
};

/**
 * Serves `POST /api/webhooks/tradingview[/<token>]` straight from the web server's `node:http`
 * request, without Next.js' request pipeline (which costs most of an alert's time under load),
 * through the same `webhookReply` as the Next.js route: same statuses, bodies, 64 KB limit and
 * client address (the server has already stamped its trusted-proxy-aware header). Returns false
 * for anything else (other methods and paths, undecodable tokens), which Next.js then serves.
 */
export function serveWebhook(
  req: IncomingMessage,
  res: ServerResponse,
  deps: () => WebhookDeps,
): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const match = WEBHOOK_PATH.exec(query === -1 ? url : url.slice(0, query));
  if (!match) return false;
  let pathToken: string | undefined;
  try {
    pathToken = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  } catch {
    return false;
  }
  void webhookReply(
    deps(),
    { header: (name) => headerOf(req, name), text: () => readLimited(req) },
    pathToken,
  ).then((reply) => {
    const body = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...WEBHOOK_RESPONSE_HEADERS,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  return true;
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** The body as text, or null once it passes the limit (the rest is discarded by Node). */
function readLimited(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(new Error('The client closed the connection before sending the whole body.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
