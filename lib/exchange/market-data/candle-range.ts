/**
 * Which candle open times a request covers: aligned to the timeframe (UTC, from the epoch),
 * closed candles only (a candle that opened at t is closed once t + timeframe ≤ now), capped by
 * `limit`. Every feed and the cache use this one definition.
 */
import { TIMEFRAME_MS, type Timeframe } from '../../core/types';
import { type OhlcvRequest } from '../types';

export interface CandleRange {
  /** Open time of the first candle, epoch ms. */
  from: number;
  /** Exclusive end of open times, epoch ms (from ≤ to). */
  to: number;
  /** Timeframe length, ms. */
  step: number;
}

/** First multiple of `step` at or after `time`. */
export function alignUp(time: number, step: number): number {
  return Math.ceil(time / step) * step;
}

/** Last multiple of `step` at or before `time`. */
export function alignDown(time: number, step: number): number {
  return Math.floor(time / step) * step;
}

export function candleRange(
  request: Pick<OhlcvRequest, 'timeframe' | 'since' | 'until' | 'limit'>,
  now: number,
): CandleRange {
  const step = TIMEFRAME_MS[request.timeframe];
  const from = alignUp(request.since, step);
  const closedEnd = alignDown(now, step);
  let to = Math.min(
    request.until === undefined ? closedEnd : alignUp(request.until, step),
    closedEnd,
  );
  if (request.limit !== undefined)
    to = Math.min(to, from + Math.max(0, Math.floor(request.limit)) * step);
  return { from, to: Math.max(from, to), step };
}

/** Number of candles in a range. */
export function candleCount(range: CandleRange): number {
  return Math.round((range.to - range.from) / range.step);
}

/** Whether `time` is a valid open time for the timeframe. */
export function isAligned(time: number, timeframe: Timeframe): boolean {
  return time % TIMEFRAME_MS[timeframe] === 0;
}
