/**
 * `auto` market data: live while the venue answers, the simulated market otherwise, and
 * `source()` says which at every moment so the API and the UI can flag simulated prices.
 *
 * - On creation the venue is probed once (short timeout).
 * - While simulated, a new probe runs in the background at most every `reprobeIntervalMs`;
 *   callers never wait for it. When it succeeds, the next call is live.
 * - While live, a call that fails because the venue cannot be reached (network, timeout,
 *   unavailable) is answered from the simulated market and the feed switches to simulated.
 *   Other failures (bad symbol, rate limit) are the venue answering: they are thrown.
 */
import { type Candle } from '../../core/types';
import { isExchangeError } from '../exchange-error';
import { type Market, type OhlcvRequest, type Ticker, type VenueId } from '../types';
import { type MarketDataFeed, type MarketDataSource } from './types';

export interface AutoFeedOptions {
  live: MarketDataFeed;
  simulated: MarketDataFeed;
  /** Resolves true when the venue answers (must not throw, must finish in bounded time). */
  probe: () => Promise<boolean>;
  reprobeIntervalMs?: number;
  /** Wall clock for probe scheduling (default `Date.now`). */
  clock?: () => number;
  /** Told whenever the source changes (for logs and realtime events). */
  onSourceChange?: (source: MarketDataSource) => void;
}

const UNREACHABLE = new Set(['network', 'timeout', 'unavailable']);

/** Whether an error means the venue could not be reached (as opposed to refusing). */
export function isUnreachable(error: unknown): boolean {
  return isExchangeError(error) && error.kind === 'retry' && UNREACHABLE.has(error.code);
}

export class AutoFeed implements MarketDataFeed {
  readonly venue: VenueId;
  private current: MarketDataSource = 'simulated';
  private probedAt = Number.NEGATIVE_INFINITY;
  private probing: Promise<MarketDataSource> | undefined;
  private readonly reprobeIntervalMs: number;
  private readonly clock: () => number;

  constructor(private readonly options: AutoFeedOptions) {
    this.venue = options.live.venue;
    this.reprobeIntervalMs = options.reprobeIntervalMs ?? 5 * 60_000;
    this.clock = options.clock ?? Date.now;
  }

  source(): MarketDataSource {
    return this.current;
  }

  /** Probes the venue now (joining a probe already under way) and returns the resulting source. */
  probe(): Promise<MarketDataSource> {
    this.probing ??= this.options
      .probe()
      .catch(() => false)
      .then((up) => {
        this.probedAt = this.clock();
        this.probing = undefined;
        this.setSource(up ? 'live' : 'simulated');
        return this.current;
      });
    return this.probing;
  }

  markets(): Promise<ReadonlyMap<string, Market>> {
    return this.call((feed) => feed.markets());
  }

  ticker(symbol: string, now: number): Promise<Ticker> {
    return this.call((feed) => feed.ticker(symbol, now));
  }

  candles(request: OhlcvRequest, now: number): Promise<Candle[]> {
    return this.call((feed) => feed.candles(request, now));
  }

  private async call<T>(run: (feed: MarketDataFeed) => Promise<T>): Promise<T> {
    if (this.current === 'simulated') {
      if (this.clock() - this.probedAt >= this.reprobeIntervalMs) void this.probe();
      return run(this.options.simulated);
    }
    try {
      return await run(this.options.live);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.probedAt = this.clock();
      this.setSource('simulated');
      return run(this.options.simulated);
    }
  }

  private setSource(source: MarketDataSource): void {
    if (source === this.current) return;
    this.current = source;
    this.options.onSourceChange?.(source);
  }
}
