/** The simulated market behind the `MarketDataFeed` interface (source: always `simulated`). */
import { type Candle } from '../../../core/types';
import { type Market, type OhlcvRequest, type Ticker, type VenueId } from '../../types';
import { candleRange } from '../candle-range';
import { type MarketDataFeed, type MarketDataSource } from '../types';
import { SimulatedMarket } from './simulated-market';
import { DEFAULT_SIMULATED_SYMBOLS, simulatedMarkets } from './simulated-markets';

export interface SimulatedFeedOptions {
  venue: VenueId;
  /** Same seed, same prices (default "osprey"). Ignored when `market` is given. */
  seed?: string | number;
  /** Symbols listed by `markets()` (default: the majors against USDT, a few USDC and ETH/BTC). */
  symbols?: readonly string[];
  /** Share one simulated market (and its caches) between feeds. */
  market?: SimulatedMarket;
}

export class SimulatedFeed implements MarketDataFeed {
  readonly venue: VenueId;
  readonly market: SimulatedMarket;
  private readonly marketList: ReadonlyMap<string, Market>;

  constructor(options: SimulatedFeedOptions) {
    this.venue = options.venue;
    this.market = options.market ?? new SimulatedMarket({ seed: options.seed });
    this.marketList = simulatedMarkets(this.market, options.symbols ?? DEFAULT_SIMULATED_SYMBOLS);
  }

  source(): MarketDataSource {
    return 'simulated';
  }

  markets(): Promise<ReadonlyMap<string, Market>> {
    return Promise.resolve(this.marketList);
  }

  ticker(symbol: string, now: number): Promise<Ticker> {
    return Promise.resolve().then(() => this.market.ticker(symbol, now));
  }

  candles(request: OhlcvRequest, now: number): Promise<Candle[]> {
    return Promise.resolve().then(() => {
      const range = candleRange(request, now);
      return this.market.candles(request.symbol, request.timeframe, range.from, range.to);
    });
  }
}
