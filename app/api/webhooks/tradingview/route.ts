import { webhookResponse } from '@/lib/signals/webhook-http';
import { getWebhookDeps } from '@/lib/signals/webhook-runtime';

export const dynamic = 'force-dynamic';

/** Alerts from senders that put the token in `Authorization: Bearer` or a `secret` body field (public route). */
export async function POST(request: Request): Promise<Response> {
  return webhookResponse(getWebhookDeps(), request);
}
