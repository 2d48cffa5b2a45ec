import { getConfig } from '../config';
import { getTrading } from '../trading/runtime';
import { createMarketCache } from './market-cache';
import { createRateLimiter } from './rate-limiter';
import type { WebhookDeps } from './receive-webhook';
import { webhookSettingsFrom } from './webhook-settings';

const globalWebhook = globalThis as unknown as { ospreyWebhook?: WebhookDeps };

/** The web process's webhook intake: trading deps plus the market cache and rate limiter. */
export function getWebhookDeps(): WebhookDeps {
  if (!globalWebhook.ospreyWebhook) {
    const settings = webhookSettingsFrom(getConfig());
    const trading = getTrading().deps;
    globalWebhook.ospreyWebhook = {
      db: trading.db,
      exchangeFor: (account) => trading.exchangeFor(account),
      now: () => trading.now(),
      settings,
      markets: createMarketCache({ ttlMs: 60_000 }),
      limiter: createRateLimiter({
        capacity: settings.rateBurst,
        refillPerSecond: settings.ratePerSecond,
      }),
    };
  }
  return globalWebhook.ospreyWebhook;
}
