import { webhookResponse } from '@/lib/signals/webhook-http';
import { getWebhookDeps } from '@/lib/signals/webhook-runtime';

type Context = { params: Promise<{ token: string }> };
export const dynamic = 'force-dynamic';

/** TradingView alert to the per-token URL (public route: the token in the path authorizes). */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  return webhookResponse(getWebhookDeps(), request, token);
}
