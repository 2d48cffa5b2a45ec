import { TIMEFRAME_MS, type Candle, type CandleColumns, type Timeframe } from '../core/types';
import type { Db } from '../db/client';
import { readCandles } from '../db/queries/candles';
import type { Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { cachedCandles, SimulatedMarket, type CachedCandles } from '../exchange/market-data';
import type { VenueId } from '../exchange/types';
import type { CandleFeedFor } from './exchange-candle-feeds';

/** Bars fetched per step: between steps the caller reports progress and checks for a cancel. */
export const LOAD_CHUNK_BARS = 20_000;

export interface LoadCandlesOptions {
  /** Seed of the simulated market (the worker passes `SIMULATED_MARKET_SEED`). */
  seed: string;
  now: Date;
  /** Bars loaded before the range to warm the strategy up (they do not trade). */
  warmupBars?: number;
  /** After each chunk with the fraction of the range loaded; return false to stop (cancelled). */
  onChunk?: (fraction: number) => Promise<boolean>;
  /**
   * Source `exchange`: the venues' public candle feeds (the worker passes `publicCandleFeeds()`).
   * Without it the cache is only read (run pages redraw a run without asking the venue).
   */
  feedFor?: CandleFeedFor;
}

export interface LoadedCandles {
  candles: CandleColumns;
  /** Index of the first candle inside the range (the ones before are warm-up only). */
  tradeFrom: number;
}

/**
 * The closed candles of a run's range [rangeFrom, min(rangeTo, now)), oldest first, as columns,
 * preceded by up to `warmupBars` warm-up candles:
 * from the seeded simulated market (the same prices the paper venue shows in simulated mode),
 * from the candles stored in PostgreSQL (CSV imports, the live cache), or (`exchange`) from the
 * cache with the missing runs fetched from the venue through ccxt in pages and stored as `live`
 * rows, so a second run asks the venue nothing; gaps stay gaps. Returns null when
 * `onChunk` asked to stop. Throws `unprocessable` when the range holds no candle.
 */
export async function loadBacktestCandles(
  db: Db,
  run: Pick<Backtest, 'dataSource' | 'venue' | 'symbol' | 'timeframe' | 'rangeFrom' | 'rangeTo'>,
  options: LoadCandlesOptions,
): Promise<LoadedCandles | null> {
  const timeframe = run.timeframe as Timeframe;
  const step = TIMEFRAME_MS[timeframe];
  const start = run.rangeFrom.getTime();
  const from = start - (options.warmupBars ?? 0) * step;
  // only closed candles: the last one must have ended by now
  const to = Math.min(run.rangeTo.getTime(), Math.floor(options.now.getTime() / step) * step);
  const market =
    run.dataSource === 'simulated' ? new SimulatedMarket({ seed: options.seed }) : null;
  const cache: CachedCandles | null =
    run.dataSource === 'exchange' && options.feedFor
      ? cachedCandles(await options.feedFor(run.venue as VenueId), db)
      : null;
  // the paper venue trades on Binance's public prices, cached under `binance`
  const storedVenue =
    run.dataSource === 'exchange' && run.venue === 'paper' ? 'binance' : run.venue;
  const failures: string[] = [];
  const out: Candle[] = [];
  for (let since = from; since < to; since += LOAD_CHUNK_BARS * step) {
    const until = Math.min(to, since + LOAD_CHUNK_BARS * step);
    let chunk: readonly Candle[];
    if (market) chunk = market.candles(run.symbol, timeframe, since, until);
    else if (cache) {
      // missing runs fetched from the venue in pages and stored (`live`); gaps stay gaps
      const answer = await cache.candles(
        { symbol: run.symbol, timeframe, since, until },
        options.now.getTime(),
      );
      for (const gap of answer.gaps) if (gap.error) failures.push(gap.error);
      chunk = answer.candles;
    } else
      chunk = await readCandles(db, {
        venue: storedVenue,
        symbol: run.symbol,
        timeframe,
        from: since,
        to: until,
      });
    for (const candle of chunk) out.push(candle);
    if (options.onChunk && !(await options.onChunk((until - from) / (to - from)))) return null;
  }
  const tradeFrom = out.findIndex((c) => c.time >= start);
  if (tradeFrom < 0) {
    throw new AppError('unprocessable', noCandlesMessage(run, cache !== null, failures[0]));
  }
  return { candles: toColumns(out), tradeFrom };
}

function noCandlesMessage(
  run: Pick<Backtest, 'dataSource' | 'venue' | 'symbol' | 'timeframe'>,
  fetched: boolean,
  failure: string | undefined,
): string {
  if (run.dataSource === 'stored')
    return `No stored ${run.timeframe} candles of ${run.symbol} on ${run.venue} in that range: import a CSV first.`;
  if (run.dataSource === 'exchange' && !fetched)
    return `No ${run.timeframe} candles of ${run.symbol} from ${run.venue} cached in that range yet.`;
  if (run.dataSource === 'exchange')
    return failure
      ? `Could not fetch ${run.timeframe} candles of ${run.symbol} from ${run.venue}: ${failure}`
      : `${run.venue} has no ${run.timeframe} candles of ${run.symbol} in that range.`;
  return 'No closed candles in that range.';
}

function toColumns(candles: readonly Candle[]): CandleColumns {
  const n = candles.length;
  const columns: CandleColumns = {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  candles.forEach((c, i) => {
    columns.time[i] = c.time;
    columns.open[i] = c.open;
    columns.high[i] = c.high;
    columns.low[i] = c.low;
    columns.close[i] = c.close;
    columns.volume[i] = c.volume;
  });
  return columns;
}
