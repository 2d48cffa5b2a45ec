import { z } from 'zod';
import { aiHostAllowlistSchema } from './ai/providers/host-allowlist';

/**
 * The environment, parsed once (STYLE rule 5). Every variable is documented in `.env.example`.
 * The launcher fills in DATABASE_URL (embedded PostgreSQL) and the generated secrets before the
 * web and worker processes start, so both processes see the same values.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const NICE_RANGE = 'WORKER_NICE is a Unix nice value from 0 (normal) to 19 (lowest)';

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url({ message: 'DATABASE_URL must be a postgres:// URL' }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  NEXTAUTH_URL: z.url().optional(),
  /** Where browsers reach the worker's Socket.IO server (an origin); default: app host + WORKER_PORT. */
  REALTIME_PUBLIC_URL: z
    .url({ message: 'REALTIME_PUBLIC_URL must be a URL such as https://live.example.com' })
    .optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'ENCRYPTION_KEY must be 64 hex characters (32 bytes)'),
  ENCRYPTION_KEYS_OLD: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^[0-9a-fA-F]{64}$/,
            'ENCRYPTION_KEYS_OLD holds 64-hex-character keys, comma separated',
          ),
      ),
    ),
  TRUST_PROXY: z.coerce
    .number()
    .int()
    .min(0, 'TRUST_PROXY is the number of trusted proxy hops in front of Osprey (0 = none)')
    .default(0),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  MARKET_DATA_MODE: z.enum(['auto', 'live', 'simulated']).default('auto'),
  SIMULATED_MARKET_SEED: z.string().min(1).default('osprey'),
  EXIT_MONITOR_INTERVAL_MS: z.coerce.number().int().min(1000).default(15_000),
  /** Bot cycles in flight at once in one worker process (see worker/jobs/bot-cycles.ts). */
  WORKER_CYCLE_LANES: z.coerce.number().int().min(1).max(64).default(3),
  /** Queued signals one worker process executes at once (see worker/jobs/signals.ts). */
  WORKER_SIGNAL_LANES: z.coerce.number().int().min(1).max(64).default(8),
  /** CPU priority of the worker and its local database sessions (worker/priority.ts). */
  WORKER_NICE: z.coerce.number().int().min(0, NICE_RANGE).max(19, NICE_RANGE).default(5),
  EQUITY_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(10_000).default(300_000),
  AI_REFLECTION_INTERVAL_MS: z.coerce.number().int().min(60_000).default(7_200_000),
  /** Hard caps per AI backtest run: provider calls and estimated cost in USD. */
  AI_BACKTEST_MAX_CALLS: z.coerce.number().int().min(0).default(500),
  AI_BACKTEST_MAX_COST_USD: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'AI_BACKTEST_MAX_COST_USD is an amount in USD, e.g. 5 or 2.50')
    .default('5'),
  /** Hosts (or host:port) a user's AI base URL may reach besides the official provider hosts. */
  AI_BASE_URL_ALLOWLIST: aiHostAllowlistSchema,
  /** How old a webhook alert's `time` may be ({{time}} is the bar's open, so a day covers daily bars). */
  WEBHOOK_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(86_400),
  WEBHOOK_MAX_SKEW_SECONDS: z.coerce.number().int().nonnegative().default(300),
  /** Window in which an identical body without alert_id counts as a duplicate. */
  WEBHOOK_DEDUPE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Per-token token bucket: burst size and sustained requests per second (per web process). */
  WEBHOOK_RATE_BURST: z.coerce.number().int().positive().default(60),
  WEBHOOK_RATE_PER_SECOND: z.coerce.number().positive().default(20),
  HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(500).default(5000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  OSPREY_SECURE_COOKIES: booleanish.optional(),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

/** Parses `process.env` on first use; throws one readable error listing every bad variable. */
export function getConfig(): Config {
  if (cached) return cached;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}
