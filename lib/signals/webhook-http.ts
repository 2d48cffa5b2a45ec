import { CLIENT_IP_HEADER } from '../auth/client-ip-header';
import { MAX_BODY_BYTES } from './read-body';
import { receiveWebhook, type WebhookDeps, type WebhookReply } from './receive-webhook';

/** What the intake needs from an HTTP request, whichever server received it. */
export interface WebhookHttpRequest {
  /** A request header (lower-case name), or null when absent. */
  header(name: string): string | null;
  /** The body as UTF-8 text, or null as soon as it passes the size limit. */
  text(): Promise<string | null>;
}

export interface WebhookHttpReply {
  status: WebhookReply['status'] | 500;
  body: Record<string, unknown>;
}

/**
 * The HTTP side of the webhook (a public route: the token is the authorization), shared by the
 * Next.js route and the web server's direct path so both answer alike. Refuses an oversized body
 * before reading it; never answers a 5xx for bad input — only a fault of ours (the database
 * down) is a 500, and then nothing was stored.
 */
export async function webhookReply(
  deps: WebhookDeps,
  request: WebhookHttpRequest,
  pathToken?: string,
): Promise<WebhookHttpReply> {
  const length = Number(request.header('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return TOO_LARGE;
  try {
    const raw = await request.text();
    if (raw === null) return TOO_LARGE;
    return await receiveWebhook(deps, {
      pathToken,
      raw,
      authorization: request.header('authorization'),
      signature: request.header('x-osprey-signature') ?? request.header('x-signature'),
      clientIp: request.header(CLIENT_IP_HEADER),
    });
  } catch (error) {
    console.error('webhook intake failed', error);
    return {
      status: 500,
      body: {
        error: {
          code: 'internal',
          message: 'Something went wrong on our side; the alert was not stored.',
        },
      },
    };
  }
}

/** `webhookReply` for a Fetch `Request` (the Next.js route handlers). */
export async function webhookResponse(
  deps: WebhookDeps,
  request: Request,
  pathToken?: string,
): Promise<Response> {
  const reply = await webhookReply(
    deps,
    { header: (name) => request.headers.get(name), text: () => readLimited(request) },
    pathToken,
  );
  return Response.json(reply.body, { status: reply.status });
}

const TOO_LARGE: WebhookHttpReply = {
  status: 413,
  body: {
    error: { code: 'too_large', message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.` },
  },
};

/** The body as text, or null once it passes the limit (a chunked body has no content-length). */
async function readLimited(request: Request): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
