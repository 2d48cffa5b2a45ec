import { z } from 'zod';

/** Webhook intake settings, read from the environment once (all optional, with safe defaults). */
const schema = z.object({
  /** How old an alert's `time` may be. {{time}} is the bar's open, so a day covers daily bars. */
  WEBHOOK_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(86_400),
  WEBHOOK_MAX_SKEW_SECONDS: z.coerce.number().int().nonnegative().default(300),
  /** Window in which an identical body without alert_id counts as a duplicate. */
  WEBHOOK_DEDUPE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Per-token token bucket: burst size and sustained requests per second. */
  WEBHOOK_RATE_BURST: z.coerce.number().int().positive().default(60),
  WEBHOOK_RATE_PER_SECOND: z.coerce.number().positive().default(20),
});

export interface WebhookSettings {
  maxAgeMs: number;
  maxSkewMs: number;
  dedupeWindowMs: number;
  rateBurst: number;
  ratePerSecond: number;
  /** The longest the intake waits for a venue's market list before storing the symbol unresolved. */
  marketWaitMs: number;
}

export function webhookSettingsFrom(env: Record<string, string | undefined>): WebhookSettings {
  const parsed = schema.parse(env);
  return {
    maxAgeMs: parsed.WEBHOOK_MAX_AGE_SECONDS * 1000,
    maxSkewMs: parsed.WEBHOOK_MAX_SKEW_SECONDS * 1000,
    dedupeWindowMs: parsed.WEBHOOK_DEDUPE_WINDOW_SECONDS * 1000,
    rateBurst: parsed.WEBHOOK_RATE_BURST,
    ratePerSecond: parsed.WEBHOOK_RATE_PER_SECOND,
    marketWaitMs: 1500,
  };
}
