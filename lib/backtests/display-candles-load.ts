import type { Candle } from '../core/types';
import type { Db } from '../db/client';
import type { Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { aggregateCandles, MAX_DISPLAY_BARS } from './display-candles';
import { loadBacktestCandles } from './load-backtest-candles';

export type DisplayCandles = { candles: Candle[]; barsPerCandle: number } | { error: string };

/**
 * The candles a finished run traded on, read again the way the run read them (same source,
 * symbol, timeframe and range, closed by the time it finished) and merged into at most
 * `MAX_DISPLAY_BARS` bars for its chart. A range with no candle any more (stored candles
 * deleted since) is an `error` to show, not a failure of the page.
 */
export async function loadDisplayCandles(
  db: Db,
  run: Pick<
    Backtest,
    'dataSource' | 'venue' | 'symbol' | 'timeframe' | 'rangeFrom' | 'rangeTo' | 'finishedAt'
  >,
  seed: string,
): Promise<DisplayCandles> {
  try {
    const loaded = await loadBacktestCandles(db, run, {
      seed,
      now: run.finishedAt ?? new Date(),
    });
    if (!loaded) return { error: 'The candles could not be loaded.' };
    const n = loaded.candles.time.length - loaded.tradeFrom;
    return {
      candles: aggregateCandles(loaded.candles, MAX_DISPLAY_BARS, loaded.tradeFrom),
      barsPerCandle: Math.max(1, Math.ceil(n / MAX_DISPLAY_BARS)),
    };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}
