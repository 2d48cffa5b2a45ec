/**
 * Builds the ccxt adapter for a venue. Tests aim the very same code at a loopback fake with
 * `urlsOverride` (every key of `urls.api` rewritten after construction, DESIGN §9).
 */
import ccxt from 'ccxt';
import { type BackoffRegistry, sharedBackoffRegistry } from '../backoff';
import { type Exchange } from '../types';
import { alpacaProfile } from './alpaca-profile';
import { binanceProfile } from './binance-profile';
import { type CcxtClient } from './ccxt-types';
import { CcxtExchange } from './ccxt-exchange';
import { overrideApiUrls } from './override-api-urls';
import { DEFAULT_GRACE_PERIOD, type GracePeriod, sleep } from './resolve-unknown';
import { type VenueProfile } from './venue-profile';

export type CcxtVenue = 'binance' | 'alpaca';

export interface CcxtExchangeOptions {
  venue: CcxtVenue;
  apiKey: string;
  secret: string;
  /** Binance testnet / Alpaca paper. */
  sandbox?: boolean;
  /** Origin every API URL is rewritten to (tests: the loopback fake). */
  urlsOverride?: string;
  /** Back-off shared per venue; default the process-wide registry. */
  backoff?: BackoffRegistry;
  /** Lookups after an unknown write outcome (default 3 over 2 s). */
  grace?: Partial<GracePeriod>;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** ccxt's own request throttle (default true). */
  enableRateLimit?: boolean;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  /** How long a seen price is used for local notional and band checks (default 60 s). */
  lastPriceMaxAgeMs?: number;
}

const PROFILES: Record<CcxtVenue, (now: () => number) => VenueProfile> = {
  binance: binanceProfile,
  alpaca: alpacaProfile,
};

export function createCcxtExchange(options: CcxtExchangeOptions): Exchange {
  const now = options.now ?? Date.now;
  const profile = PROFILES[options.venue](now);
  const Client = ccxt[profile.ccxtId];
  const client = new Client({
    apiKey: options.apiKey,
    secret: options.secret,
    enableRateLimit: options.enableRateLimit ?? true,
    timeout: options.timeoutMs ?? 10_000,
    options: profile.ccxtOptions,
  }) as CcxtClient;
  if (options.sandbox) client.setSandboxMode(true);
  if (options.urlsOverride) overrideApiUrls(client, options.urlsOverride);
  const environment = options.urlsOverride ?? (options.sandbox ? 'sandbox' : 'live');
  return new CcxtExchange({
    client,
    profile,
    secret: options.secret,
    backoff: options.backoff ?? sharedBackoffRegistry,
    backoffKey: `${profile.venue}:${environment}`,
    grace: { ...DEFAULT_GRACE_PERIOD, ...options.grace },
    now,
    wait: options.wait ?? sleep,
    lastPriceMaxAgeMs: options.lastPriceMaxAgeMs ?? 60_000,
  });
}
