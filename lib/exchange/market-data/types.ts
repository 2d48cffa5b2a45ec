/**
 * Market data as the rest of the system sees it: markets, tickers and candles for one venue,
 * from live public endpoints or from the simulated market. `source` says which, so the API and
 * the UI can show plainly when prices are simulated.
 */
import type { Candle } from '../../core/types';
import type { Market, OhlcvRequest, Ticker, VenueId } from '../types';

export type MarketDataSource = 'live' | 'simulated';
export type MarketDataMode = 'live' | 'simulated' | 'auto';

export interface MarketDataFeed {
  readonly venue: VenueId;
  /** Where the data comes from right now (`auto` resolves to one of these). */
  source(): MarketDataSource;
  markets(): Promise<ReadonlyMap<string, Market>>;
  ticker(symbol: string, now: number): Promise<Ticker>;
  /** Closed candles in [since, until), oldest first. */
  candles(request: OhlcvRequest, now: number): Promise<Candle[]>;
}
