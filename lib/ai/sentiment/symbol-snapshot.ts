/**
 * A symbol's market state in a few numbers, from its recent closed candles: the input of the
 * sentiment prompt and of the indicator-based (rules) summary.
 */
import { atrBatch, bollingerBatch, macdBatch, rsiBatch, smaBatch } from '../../core/indicators';
import { type Candle } from '../../core/types';

/** Fewer candles than this and the indicators are not warmed up: the symbol is left out. */
export const MIN_SENTIMENT_CANDLES = 30;

export interface SymbolSnapshot {
  symbol: string;
  timeframe: string;
  candles: number;
  close: number;
  /** % change over the candles given. */
  changePct: number;
  rsi: number;
  macdHist: number;
  /** % distance of the close above (+) or below (−) its 20-candle SMA. */
  vsSma20Pct: number;
  /** % of the 20-candle SMA above (+) or below (−) the 50-candle SMA; NaN with < 50 candles. */
  sma20vs50Pct: number;
  /** ATR(14) as % of the close. */
  atrPct: number;
  /** Bollinger %B (0 = lower band, 1 = upper band). */
  bbPctB: number;
  /** The last closes, oldest first (at most 12). */
  recentCloses: number[];
}

const last = (series: Float64Array) => series[series.length - 1] ?? NaN;
const pct = (a: number, b: number) => ((a - b) / b) * 100;

export function symbolSnapshot(
  symbol: string,
  timeframe: string,
  candles: readonly Candle[],
): SymbolSnapshot | null {
  if (candles.length < MIN_SENTIMENT_CANDLES) return null;
  const close = Float64Array.from(candles, (c) => c.close);
  const high = Float64Array.from(candles, (c) => c.high);
  const low = Float64Array.from(candles, (c) => c.low);
  const price = last(close);
  const sma20 = last(smaBatch(close, 20));
  const sma50 = candles.length >= 50 ? last(smaBatch(close, 50)) : NaN;
  const bb = bollingerBatch(close, 20, 2);
  const upper = last(bb.upper);
  const lower = last(bb.lower);
  return {
    symbol,
    timeframe,
    candles: candles.length,
    close: price,
    changePct: pct(price, close[0]!),
    rsi: last(rsiBatch(close, 14)),
    macdHist: last(macdBatch(close, 12, 26, 9).histogram),
    vsSma20Pct: pct(price, sma20),
    sma20vs50Pct: pct(sma20, sma50),
    atrPct: (last(atrBatch(high, low, close, 14)) / price) * 100,
    bbPctB: upper > lower ? (price - lower) / (upper - lower) : 0.5,
    recentCloses: Array.from(close.slice(-12)),
  };
}
