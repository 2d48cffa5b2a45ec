import { CLIENT_IP_HEADER } from '../auth/client-ip-header';
import { MAX_BODY_BYTES } from './read-body';
import { receiveWebhook, type WebhookDeps } from './receive-webhook';

/**
 * The HTTP side of the webhook (a public route: the token is the authorization). Refuses an
 * oversized body before reading it; never answers a 5xx for bad input — only a fault of ours
 * (the database down) is a 500, and then nothing was stored.
 */
export async function webhookResponse(
  deps: WebhookDeps,
  request: Request,
  pathToken?: string,
): Promise<Response> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return tooLarge();
  try {
    const raw = await readLimited(request);
    if (raw === null) return tooLarge();
    const reply = await receiveWebhook(deps, {
      pathToken,
      raw,
      authorization: request.headers.get('authorization'),
      signature: request.headers.get('x-osprey-signature') ?? request.headers.get('x-signature'),
      clientIp: request.headers.get(CLIENT_IP_HEADER),
    });
    return Response.json(reply.body, { status: reply.status });
  } catch (error) {
    console.error('webhook intake failed', error);
    return Response.json(
      {
        error: {
          code: 'internal',
          message: 'Something went wrong on our side; the alert was not stored.',
        },
      },
      { status: 500 },
    );
  }
}

function tooLarge(): Response {
  return Response.json(
    {
      error: { code: 'too_large', message: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.` },
    },
    { status: 413 },
  );
}

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
