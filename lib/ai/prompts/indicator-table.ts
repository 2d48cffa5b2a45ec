/** The candle and indicator tables of a prompt: compact CSV, most recent rows only. */
import {
  atrBatch,
  bollingerBatch,
  emaBatch,
  macdBatch,
  rsiBatch,
  smaBatch,
} from '../../core/indicators';
import { type Candle } from '../../core/types';
import { type IndicatorParams } from '../strategy-params';
import { num, shortTime } from './format';

/** Names of the indicator columns (after `time`), in table order. */
export function indicatorColumns(p: IndicatorParams): string[] {
  return [
    `rsi${p.rsiPeriod}`,
    'macd',
    'signal',
    'hist',
    'bbU',
    'bbM',
    'bbL',
    `sma${p.smaFast}`,
    `sma${p.smaSlow}`,
    `ema${p.emaFast}`,
    `ema${p.emaSlow}`,
    `atr${p.atrPeriod}`,
  ];
}

export function candleTable(candles: readonly Candle[], rows: number): string {
  const lines = ['time,open,high,low,close,volume'];
  for (const c of candles.slice(-rows)) {
    lines.push(
      [
        shortTime(c.time),
        num(c.open),
        num(c.high),
        num(c.low),
        num(c.close),
        num(c.volume, 4),
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Indicators over every candle given (so warm-up is done), showing the last `rows`. */
export function indicatorTable(
  candles: readonly Candle[],
  p: IndicatorParams,
  rows: number,
): string {
  const column = (pick: (c: Candle) => number) => Float64Array.from(candles, pick);
  const close = column((c) => c.close);
  const high = column((c) => c.high);
  const low = column((c) => c.low);
  const rsi = rsiBatch(close, p.rsiPeriod);
  const macd = macdBatch(close, p.macdFast, p.macdSlow, p.macdSignal);
  const bb = bollingerBatch(close, p.bbPeriod, p.bbStdDev);
  const series = [
    rsi,
    macd.macd,
    macd.signal,
    macd.histogram,
    bb.upper,
    bb.middle,
    bb.lower,
    smaBatch(close, p.smaFast),
    smaBatch(close, p.smaSlow),
    emaBatch(close, p.emaFast),
    emaBatch(close, p.emaSlow),
    atrBatch(high, low, close, p.atrPeriod),
  ];
  const lines = [['time', ...indicatorColumns(p)].join(',')];
  for (let i = Math.max(0, candles.length - rows); i < candles.length; i++) {
    const cells = series.map((s, k) => num(s[i], k === 0 ? 4 : 5));
    lines.push([shortTime(candles[i]!.time), ...cells].join(','));
  }
  return lines.join('\n');
}
