/**
 * One simulated minute in log-price space: open and close come from the day path; the high and
 * low reach beyond them by an amount that scales with the minute's volatility; inside the minute
 * the price travels open → first extreme → second extreme → close in straight lines. So the
 * price at any instant lies within the minute's range, and the minute's own high and low are
 * touched exactly once each.
 *
 * Every number of a minute is a draw from that minute's stream (`minuteStream`): draws 0–1 are
 * the day path's shock, the rest are listed below.
 */
import { drawUniform, hash3 } from './hash';

const MINUTE_STREAM = 1;
export const SHOCK_DRAW = 0;
const EXTREME_UP_DRAW = 2;
const EXTREME_DOWN_DRAW = 3;
const VOLUME_DRAW = 4;
const ORDER_DRAW = 5;
const FIRST_AT_DRAW = 6;
const SECOND_AT_DRAW = 7;

/** Typical excursion beyond max(open, close), in units of the minute's volatility. */
const EXCURSION = 0.45;

/** The base of minute `minute`'s stream of draws. */
export function minuteStream(key: number, minute: number): number {
  return hash3(key, minute, MINUTE_STREAM);
}

export interface MinuteExtremes {
  high: number;
  low: number;
  /** Volume noise: positive, mean 1, skewed like real minute volumes. */
  volumeNoise: number;
}

/** What a candle needs from a minute beyond its open and close. */
export function minuteExtremes(
  stream: number,
  open: number,
  close: number,
  sigma: number,
): MinuteExtremes {
  return {
    high:
      Math.max(open, close) + sigma * EXCURSION * -Math.log(drawUniform(stream, EXTREME_UP_DRAW)),
    low:
      Math.min(open, close) - sigma * EXCURSION * -Math.log(drawUniform(stream, EXTREME_DOWN_DRAW)),
    volumeNoise: 0.4 - 0.6 * Math.log(drawUniform(stream, VOLUME_DRAW)),
  };
}

export interface MinuteBar {
  open: number;
  high: number;
  low: number;
  close: number;
  /** Whether the high is touched before the low. */
  highFirst: boolean;
  /** Fractions of the minute at which the first and the second extreme are touched. */
  firstAt: number;
  secondAt: number;
}

/** The minute with its intrabar route (for prices inside the minute). */
export function minuteBar(stream: number, open: number, close: number, sigma: number): MinuteBar {
  const { high, low } = minuteExtremes(stream, open, close, sigma);
  return {
    open,
    close,
    high,
    low,
    highFirst: drawUniform(stream, ORDER_DRAW) < 0.5,
    firstAt: 0.1 + 0.35 * drawUniform(stream, FIRST_AT_DRAW),
    secondAt: 0.55 + 0.35 * drawUniform(stream, SECOND_AT_DRAW),
  };
}

/** Log-price `fraction` (0 ≤ f < 1) of the way through the minute. */
export function logPriceWithin(bar: MinuteBar, fraction: number): number {
  const first = bar.highFirst ? bar.high : bar.low;
  const second = bar.highFirst ? bar.low : bar.high;
  if (fraction <= bar.firstAt) return bar.open + (first - bar.open) * (fraction / bar.firstAt);
  if (fraction <= bar.secondAt) {
    return first + (second - first) * ((fraction - bar.firstAt) / (bar.secondAt - bar.firstAt));
  }
  return second + (bar.close - second) * ((fraction - bar.secondAt) / (1 - bar.secondAt));
}

/** Highest and lowest log-price touched in [0, fraction] of the minute. */
export function rangeWithin(bar: MinuteBar, fraction: number): { high: number; low: number } {
  const now = logPriceWithin(bar, fraction);
  let high = Math.max(bar.open, now);
  let low = Math.min(bar.open, now);
  if (fraction >= bar.firstAt) {
    if (bar.highFirst) high = bar.high;
    else low = bar.low;
  }
  if (fraction >= bar.secondAt) {
    high = bar.high;
    low = bar.low;
  }
  return { high, low };
}
