/**
 * Live market data from a venue's public endpoints through ccxt (no keys): markets, ticker and
 * closed candles, paged past the venue's per-call limit. Takes the ccxt instance, so tests can
 * point it at a loopback server and production at the real venue.
 */
import { type Exchange as CcxtExchange, type MarketInterface, type OHLCV } from 'ccxt';
import { type Candle } from '../../core/types';
import { ExchangeError } from '../exchange-error';
import { type Market, type OhlcvRequest, type Ticker, type VenueId } from '../types';
import { candleRange } from './candle-range';
import { marketDataError } from './ccxt-error';
import { marketFromCcxt } from './ccxt-market';
import { type MarketDataFeed, type MarketDataSource } from './types';

export interface CcxtFeedOptions {
  venue: VenueId;
  exchange: CcxtExchange;
  /** Largest candle page per request (Binance spot: 1000). */
  maxCandlesPerCall?: number;
  /** How a ccxt market becomes a `Market` (default: `marketFromCcxt`); null skips the market. */
  readMarket?: (market: MarketInterface) => Market | null;
}

function finite(value: number | undefined | null): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function toCandle(row: OHLCV): Candle | null {
  const [time, open, high, low, close, volume] = row.map((v) => finite(v));
  if (
    time === undefined ||
    open === undefined ||
    high === undefined ||
    low === undefined ||
    close === undefined
  ) {
    return null;
  }
  return { time, open, high, low, close, volume: volume ?? 0 };
}

export class CcxtFeed implements MarketDataFeed {
  readonly venue: VenueId;
  readonly exchange: CcxtExchange;
  private readonly maxCandlesPerCall: number;
  private readonly readMarket: (market: MarketInterface) => Market | null;
  private marketList: Promise<ReadonlyMap<string, Market>> | undefined;

  constructor(options: CcxtFeedOptions) {
    this.venue = options.venue;
    this.exchange = options.exchange;
    this.maxCandlesPerCall = options.maxCandlesPerCall ?? 1000;
    this.readMarket =
      options.readMarket ?? ((market) => marketFromCcxt(market, this.exchange.precisionMode ?? 4));
  }

  source(): MarketDataSource {
    return 'live';
  }

  /** Spot markets, loaded once (a failed load is retried on the next call). */
  markets(): Promise<ReadonlyMap<string, Market>> {
    this.marketList ??= this.loadMarkets().catch((error: unknown) => {
      this.marketList = undefined;
      throw error;
    });
    return this.marketList;
  }

  async ticker(symbol: string, now: number): Promise<Ticker> {
    await this.markets();
    let raw;
    try {
      raw = await this.exchange.fetchTicker(symbol);
    } catch (error) {
      throw marketDataError(error, `${this.venue} ticker ${symbol}`);
    }
    const last = finite(raw.last) ?? finite(raw.close);
    const bid = finite(raw.bid) ?? last;
    const ask = finite(raw.ask) ?? last;
    const price = last ?? (bid !== undefined && ask !== undefined ? (bid + ask) / 2 : undefined);
    if (price === undefined || bid === undefined || ask === undefined) {
      throw new ExchangeError(
        'rejected',
        'venue_error',
        `${this.venue} sent no price for ${symbol}`,
      );
    }
    return { symbol, bid, ask, last: price, time: finite(raw.timestamp) ?? now };
  }

  /** Closed candles in [since, until), oldest first, one request per page. */
  async candles(request: OhlcvRequest, now: number): Promise<Candle[]> {
    await this.markets();
    const range = candleRange(request, now);
    const out: Candle[] = [];
    let cursor = range.from;
    while (cursor < range.to) {
      const wanted = Math.min(this.maxCandlesPerCall, Math.ceil((range.to - cursor) / range.step));
      let rows: OHLCV[];
      try {
        rows = await this.exchange.fetchOHLCV(request.symbol, request.timeframe, cursor, wanted, {
          until: range.to - 1,
        });
      } catch (error) {
        throw marketDataError(
          error,
          `${this.venue} candles ${request.symbol} ${request.timeframe}`,
        );
      }
      let next = cursor;
      for (const row of rows) {
        const candle = toCandle(row);
        if (
          !candle ||
          candle.time < cursor ||
          candle.time >= range.to ||
          candle.time % range.step !== 0
        )
          continue;
        if (out.length > 0 && candle.time <= (out.at(-1)?.time ?? -Infinity)) continue;
        out.push(candle);
        next = candle.time + range.step;
      }
      if (next === cursor) break;
      cursor = next;
    }
    return out;
  }

  private async loadMarkets(): Promise<ReadonlyMap<string, Market>> {
    let loaded;
    try {
      loaded = await this.exchange.loadMarkets();
    } catch (error) {
      throw marketDataError(error, `${this.venue} markets`);
    }
    const out = new Map<string, Market>();
    for (const market of Object.values(loaded)) {
      const mapped = market ? this.readMarket(market) : null;
      if (mapped) out.set(mapped.symbol, mapped);
    }
    return out;
  }
}
