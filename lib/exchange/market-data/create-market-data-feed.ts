/**
 * The one way to get market data: `live` (ccxt public endpoints), `simulated` (the seeded
 * simulated market) or `auto` (live when the venue answers, simulated otherwise; see AutoFeed).
 */
import ccxt, { type Exchange as CcxtExchange } from 'ccxt';
import { type VenueId } from '../types';
import { AutoFeed } from './auto-feed';
import { CcxtFeed, type CcxtFeedOptions } from './ccxt-feed';
import { probeVenue } from './probe-venue';
import { SimulatedFeed } from './simulated';
import { type SimulatedMarket } from './simulated';
import { type MarketDataFeed, type MarketDataMode, type MarketDataSource } from './types';

export interface MarketDataFeedOptions {
  venue: VenueId;
  mode: MarketDataMode;
  /** ccxt client for live data (default: a keyless public client, see `publicCcxtClient`). */
  exchange?: CcxtExchange;
  /** Simulated market seed (default "osprey") and listed symbols. */
  seed?: string | number;
  symbols?: readonly string[];
  /** Share one simulated market between feeds (its caches are per instance). */
  simulatedMarket?: SimulatedMarket;
  readMarket?: CcxtFeedOptions['readMarket'];
  maxCandlesPerCall?: number;
  /** auto: how long the venue gets to answer a probe (default 3 s)… */
  probeTimeoutMs?: number;
  /** …and how often a simulated feed checks whether it came back (default 5 min). */
  reprobeIntervalMs?: number;
  clock?: () => number;
  onSourceChange?: (source: MarketDataSource) => void;
}

/**
 * A keyless ccxt client for a venue's public market data. The paper venue reads Binance's
 * public prices. (Alpaca's market list needs keys: without them `auto` falls back.)
 */
export function publicCcxtClient(venue: VenueId): CcxtExchange {
  if (venue === 'alpaca') return new ccxt.alpaca({ enableRateLimit: true });
  return new ccxt.binance({
    enableRateLimit: true,
    options: {
      defaultType: 'spot',
      fetchMarkets: { types: ['spot'] },
      fetchCurrencies: false,
      fetchMargins: false,
    },
  });
}

export async function createMarketDataFeed(
  options: MarketDataFeedOptions,
): Promise<MarketDataFeed> {
  const simulated = (): SimulatedFeed =>
    new SimulatedFeed({
      venue: options.venue,
      seed: options.seed,
      symbols: options.symbols,
      market: options.simulatedMarket,
    });
  if (options.mode === 'simulated') return simulated();
  const exchange = options.exchange ?? publicCcxtClient(options.venue);
  const live = new CcxtFeed({
    venue: options.venue,
    exchange,
    readMarket: options.readMarket,
    maxCandlesPerCall: options.maxCandlesPerCall,
  });
  if (options.mode === 'live') return live;
  const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
  const auto = new AutoFeed({
    live,
    simulated: simulated(),
    probe: () => probeVenue(exchange, probeTimeoutMs),
    reprobeIntervalMs: options.reprobeIntervalMs,
    clock: options.clock,
    onSourceChange: options.onSourceChange,
  });
  await auto.probe();
  return auto;
}
