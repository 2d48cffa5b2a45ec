import type { Db } from '../../lib/db/client';
import { createMarketCache } from '../../lib/signals/market-cache';
import { createRateLimiter } from '../../lib/signals/rate-limiter';
import type { WebhookDeps } from '../../lib/signals/receive-webhook';
import { webhookResponse } from '../../lib/signals/webhook-http';
import { DEFAULT_WEBHOOK_CONFIG, webhookSettingsFrom } from '../../lib/signals/webhook-settings';
import { createWebhookToken } from '../../lib/signals/webhook-tokens';
import { createTradingFixture } from '../trading/trading-fixture';

/**
 * A trader with a paper account (scripted BTC/USDT feed, settable clock), a webhook token, and
 * the webhook intake wired to the real database — plus `post`, which sends a real `Request`
 * through the same HTTP mapping the route uses.
 */
export async function createWebhookFixture(
  db: Db,
  options: { price?: number; rateBurst?: number } = {},
) {
  const trading = await createTradingFixture(db, { price: options.price ?? 30000 });
  const { token } = await createWebhookToken(db, trading.user.id, { label: 'TradingView' });
  const settings = {
    ...webhookSettingsFrom(DEFAULT_WEBHOOK_CONFIG),
    ...(options.rateBurst ? { rateBurst: options.rateBurst } : {}),
  };
  const webhook: WebhookDeps = {
    db,
    exchangeFor: (account) => trading.deps.exchangeFor(account),
    now: () => trading.deps.now(),
    settings,
    markets: createMarketCache({ ttlMs: 60_000 }),
    limiter: createRateLimiter({
      capacity: settings.rateBurst,
      refillPerSecond: settings.ratePerSecond,
    }),
  };
  const post = async (
    body: string,
    init: { token?: string | null; contentType?: string; headers?: Record<string, string> } = {},
  ) => {
    const pathToken = init.token === undefined ? token : (init.token ?? undefined);
    const request = new Request(`http://127.0.0.1/api/webhooks/tradingview/${pathToken ?? ''}`, {
      method: 'POST',
      body,
      headers: { 'content-type': init.contentType ?? 'application/json', ...init.headers },
    });
    const response = await webhookResponse(webhook, request, pathToken);
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & {
        error?: { code: string; message: string; fields?: Record<string, string[]> };
      },
    };
  };
  return { ...trading, token, webhook, post };
}

/** A valid TradingView alert (strategy template filled in) at the fixture's clock. */
export function validAlert(
  now: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ticker: 'BINANCE:BTCUSDT',
    action: 'buy',
    contracts: '0.01',
    price: '30000',
    time: new Date(now).toISOString(),
    strategy: 'EMA cross',
    timeframe: '60',
    ...extra,
  };
}
