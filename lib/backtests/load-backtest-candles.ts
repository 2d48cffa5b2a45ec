import { TIMEFRAME_MS, type Candle, type CandleColumns, type Timeframe } from '../core/types';
import type { Db } from '../db/client';
import { readCandles } from '../db/queries/candles';
import type { Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { SimulatedMarket } from '../exchange/market-data';

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
 * or from the candles stored in PostgreSQL (CSV imports, the live cache). Returns null when
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
  const out: Candle[] = [];
  for (let since = from; since < to; since += LOAD_CHUNK_BARS * step) {
    const until = Math.min(to, since + LOAD_CHUNK_BARS * step);
    const chunk = market
      ? market.candles(run.symbol, timeframe, since, until)
      : await readCandles(db, {
          venue: run.venue,
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
    throw new AppError(
      'unprocessable',
      run.dataSource === 'stored'
        ? `No stored ${run.timeframe} candles of ${run.symbol} on ${run.venue} in that range: import a CSV first.`
        : 'No closed candles in that range.',
    );
  }
  return { candles: toColumns(out), tradeFrom };
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
