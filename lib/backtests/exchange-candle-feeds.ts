/**
 * The venues' public candle feeds for backtests with source `exchange`: ccxt without keys, mode
 * `live` only (an `exchange` run never gets simulated prices; an unreachable venue is a
 * `fetch_failed` gap). The paper venue reads Binance's public prices, as it does live. One feed
 * per venue per process, built on first use.
 */
import { overrideApiUrls } from '../exchange/ccxt';
import {
  createMarketDataFeed,
  publicCcxtClient,
} from '../exchange/market-data/create-market-data-feed';
import type { MarketDataFeed } from '../exchange/market-data/types';
import type { VenueId } from '../exchange/types';

export type CandleFeedFor = (venue: VenueId) => Promise<MarketDataFeed>;

/** `urlsOverride`: tests only, where the venue is reached (the loopback fake Binance). */
export function exchangeCandleFeeds(options: { urlsOverride?: string } = {}): CandleFeedFor {
  const feeds = new Map<VenueId, Promise<MarketDataFeed>>();
  return (venue) => {
    const data: VenueId = venue === 'paper' ? 'binance' : venue;
    let feed = feeds.get(data);
    if (!feed) {
      const exchange = publicCcxtClient(data);
      if (options.urlsOverride) overrideApiUrls(exchange, options.urlsOverride);
      feed = createMarketDataFeed({ venue: data, mode: 'live', exchange });
      feeds.set(data, feed);
      feed.catch(() => feeds.delete(data));
    }
    return feed;
  };
}

let shared: CandleFeedFor | undefined;
/** The process-wide public feeds (production). */
export function publicCandleFeeds(): CandleFeedFor {
  shared ??= exchangeCandleFeeds();
  return shared;
}
