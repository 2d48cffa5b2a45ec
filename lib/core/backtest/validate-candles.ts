import { type CandleColumns } from '../types';
import { BacktestError } from './backtest-error';

/**
 * Checks the columns once before a run, so the hot loop can trust them: equal lengths, at least
 * one candle, strictly increasing open times, finite positive prices with low ≤ open, close ≤
 * high. Throws `BacktestError('bad_request')` naming the first bad candle.
 */
export function validateCandles(candles: CandleColumns): void {
  const { time, open, high, low, close, volume } = candles;
  const n = time.length;
  if (n === 0) throw new BacktestError('bad_request', 'No candles to backtest');
  for (const [name, column] of [
    ['open', open],
    ['high', high],
    ['low', low],
    ['close', close],
    ['volume', volume],
  ] as const) {
    if (column.length !== n) {
      throw new BacktestError(
        'bad_request',
        `Candle column ${name} has ${column.length} values but time has ${n}`,
      );
    }
  }
  let prevTime = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    const o = open[i]!;
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    // written so that NaN fails every check
    if (!(t > prevTime && t < Infinity)) {
      throw new BacktestError(
        'bad_request',
        `Candle ${i}: open time ${t} is not after the previous one (${prevTime})`,
      );
    }
    if (!(l > 0 && l <= o && o <= h && l <= c && c <= h && h < Infinity)) {
      throw new BacktestError(
        'bad_request',
        `Candle ${i} at ${t}: prices must be positive with low <= open, close <= high (open ${o}, high ${h}, low ${l}, close ${c})`,
      );
    }
    prevTime = t;
  }
}
