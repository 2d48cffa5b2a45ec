import type { Config } from '../config';

export interface WebhookSettings {
  maxAgeMs: number;
  maxSkewMs: number;
  dedupeWindowMs: number;
  rateBurst: number;
  ratePerSecond: number;
  /** The longest the intake waits for a venue's market list before storing the symbol unresolved. */
  marketWaitMs: number;
}

type WebhookConfig = Pick<
  Config,
  | 'WEBHOOK_MAX_AGE_SECONDS'
  | 'WEBHOOK_MAX_SKEW_SECONDS'
  | 'WEBHOOK_DEDUPE_WINDOW_SECONDS'
  | 'WEBHOOK_RATE_BURST'
  | 'WEBHOOK_RATE_PER_SECOND'
>;

/** Defaults, as `lib/config.ts` has them (for tests that build intake settings directly). */
export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
  WEBHOOK_MAX_AGE_SECONDS: 86_400,
  WEBHOOK_MAX_SKEW_SECONDS: 300,
  WEBHOOK_DEDUPE_WINDOW_SECONDS: 60,
  WEBHOOK_RATE_BURST: 60,
  WEBHOOK_RATE_PER_SECOND: 20,
};

/** Webhook intake settings from the parsed configuration. */
export function webhookSettingsFrom(parsed: WebhookConfig): WebhookSettings {
  return {
    maxAgeMs: parsed.WEBHOOK_MAX_AGE_SECONDS * 1000,
    maxSkewMs: parsed.WEBHOOK_MAX_SKEW_SECONDS * 1000,
    dedupeWindowMs: parsed.WEBHOOK_DEDUPE_WINDOW_SECONDS * 1000,
    rateBurst: parsed.WEBHOOK_RATE_BURST,
    ratePerSecond: parsed.WEBHOOK_RATE_PER_SECOND,
    marketWaitMs: 1500,
  };
}
